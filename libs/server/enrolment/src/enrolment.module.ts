import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { DirectoryModule } from '@aula/server/directory';
import { Cohort } from './cohort.entity';
import { Enrolment } from './enrolment.entity';
import { ActivityCompletion } from './activity-completion.entity';
import { EnrolmentPolicy } from './enrolment.policy';
import { EnrolmentService } from './enrolment.service';
import { CohortService } from './cohort.service';
import { CompletionService } from './completion.service';
import { EnrolmentImportService } from './enrolment-import.service';
import { RosterService } from './roster.service';
import { CatalogueService } from './catalogue.service';
import { LearningService } from './learning.service';

export const ENROLMENT_ENTITIES = [Cohort, Enrolment, ActivityCompletion];

const SERVICES = [
  EnrolmentPolicy,
  EnrolmentService,
  CohortService,
  CompletionService,
  EnrolmentImportService,
  RosterService,
  CatalogueService,
  LearningService,
];

/**
 * Cohorts, enrolments and progress: who learns what, when, and how far they are; and what learners
 * read of the catalogue (the catalog domain owns authoring). Needs the global OutboxModule and
 * StorageModule in the host application.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ENROLMENT_ENTITIES), CatalogModule, IdentityModule, DirectoryModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class EnrolmentModule {}
