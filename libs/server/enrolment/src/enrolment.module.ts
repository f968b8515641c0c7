import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { Cohort } from './cohort.entity';
import { Enrolment } from './enrolment.entity';
import { ActivityCompletion } from './activity-completion.entity';

export const ENROLMENT_ENTITIES = [Cohort, Enrolment, ActivityCompletion];

/** Cohorts, enrolments and progress: who learns what, when, and how far they are. */
@Module({
  imports: [TypeOrmModule.forFeature(ENROLMENT_ENTITIES), CatalogModule],
  providers: [],
  exports: [TypeOrmModule],
})
export class EnrolmentModule {}
