import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@aula/server/directory';
import { WorkshopMaterial } from './workshop-material.entity';
import { WorkshopSurvey, WorkshopSurveyRespondent, WorkshopSurveyResponse } from './workshop-survey.entity';
import { WorkshopOutcome } from './workshop-outcome.entity';
import { WorkshopsModule } from './workshops.module';
import { WorkshopMaterialService } from './workshop-material.service';
import { WorkshopSurveyService } from './workshop-survey.service';
import { WorkshopOutcomeService } from './workshop-outcome.service';

export const WORKSHOP_OUTCOMES_ENTITIES = [WorkshopMaterial, WorkshopSurvey, WorkshopSurveyResponse, WorkshopSurveyRespondent, WorkshopOutcome];

const WORKSHOP_OUTCOMES_SERVICES = [WorkshopMaterialService, WorkshopSurveyService, WorkshopOutcomeService];

/**
 * What a workshop leaves behind: its materials (files and links, for the documentation centre to
 * index), the feedback survey and its results, and the outcomes record published with the report.
 * Needs the (global) StorageModule for material files.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WORKSHOP_OUTCOMES_ENTITIES), WorkshopsModule, DirectoryModule],
  providers: WORKSHOP_OUTCOMES_SERVICES,
  exports: WORKSHOP_OUTCOMES_SERVICES,
})
export class WorkshopOutcomesModule {}
