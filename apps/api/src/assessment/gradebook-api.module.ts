import { Module } from '@nestjs/common';
import { AssessmentModule } from '@aula/server/assessment';
import {
  CohortGradebookController,
  CourseGradingController,
  OwnGradebookController,
} from './gradebook.controller';
import { CohortScheduleController, OwnDatesController } from './schedule.controller';

/** HTTP for gradebook: controllers only; rules live in `libs/server/assessment/src/gradebook/`. */
@Module({
  imports: [AssessmentModule],
  controllers: [
    CohortGradebookController,
    OwnGradebookController,
    CourseGradingController,
    CohortScheduleController,
    OwnDatesController,
  ],
})
export class GradebookApiModule {}
