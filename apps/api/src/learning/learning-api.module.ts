import { Module } from '@nestjs/common';
import { EnrolmentModule } from '@aula/server/enrolment';
import { ActivitiesController } from './activities.controller';
import { CatalogueController } from './catalogue.controller';
import { DashboardController } from './dashboard.controller';

/** Learners and visitors: the public catalogue, course pages, the activity player and the dashboard. */
@Module({
  imports: [EnrolmentModule],
  controllers: [CatalogueController, ActivitiesController, DashboardController],
})
export class LearningApiModule {}
