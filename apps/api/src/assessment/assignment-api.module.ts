import { Module } from '@nestjs/common';
import { AssessmentModule } from '@aula/server/assessment';
import { AssignmentAdminController } from './assignment-admin.controller';
import { AssignmentController } from './assignment.controller';

/** HTTP for assignment: controllers only; rules live in `libs/server/assessment/src/assignment/`. */
@Module({
  imports: [AssessmentModule],
  controllers: [AssignmentController, AssignmentAdminController],
})
export class AssignmentApiModule {}
