import { Module } from '@nestjs/common';
import { AssessmentModule } from '@aula/server/assessment';

/** HTTP for gradebook: controllers only; rules live in `libs/server/assessment/src/gradebook/`. */
@Module({
  imports: [AssessmentModule],
  controllers: [],
})
export class GradebookApiModule {}
