import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { GradingModule } from '../grading/grading.module';

export const GRADEBOOK_ENTITIES: Type[] = [];

const SERVICES: Type[] = [];

/** The gradebook: weights, categories, course totals, pass mark, CSV export and import. */
@Module({
  imports: [TypeOrmModule.forFeature(GRADEBOOK_ENTITIES), GradingModule, CatalogModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...(SERVICES)],
})
export class GradebookModule {}
