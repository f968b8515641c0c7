import { Module } from '@nestjs/common';
import { AssessmentModule } from '@aula/server/assessment';

/** HTTP for marking: controllers only; rules live in `libs/server/assessment/src/marking/`. */
@Module({
  imports: [AssessmentModule],
  controllers: [],
})
export class MarkingApiModule {}
