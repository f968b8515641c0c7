import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { GradingModule } from '../grading/grading.module';
import { CohortDatesService } from '../schedule/cohort-dates.service';
import { GradebookCsvService } from './gradebook-csv.service';
import { GradebookService } from './gradebook.service';

export const GRADEBOOK_ENTITIES: Type[] = [];

const SERVICES: Type[] = [GradebookService, GradebookCsvService, CohortDatesService];

/**
 * The gradebook: weights, categories, course totals, pass mark, CSV export and import; the dates
 * editor of a cohort and trainees' own dates. Registers the "pass mark reached" completion
 * condition with the enrolment domain's CompletionService when the module starts.
 */
@Module({
  imports: [TypeOrmModule.forFeature(GRADEBOOK_ENTITIES), GradingModule, CatalogModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class GradebookModule {}
