import { Module } from '@nestjs/common';
import { AssessmentModule } from '@aula/server/assessment';

/** HTTP for assignment: controllers only; rules live in `libs/server/assessment/src/assignment/`. */
@Module({
  imports: [AssessmentModule],
  controllers: [],
})
export class AssignmentApiModule {}
