import { Module } from '@nestjs/common';
import { AssessmentModule } from '@aula/server/assessment';
import { MarkingController } from './marking.controller';

/** HTTP for marking: controllers only; rules live in `libs/server/assessment/src/marking/`. */
@Module({
  imports: [AssessmentModule],
  controllers: [MarkingController],
})
export class MarkingApiModule {}
