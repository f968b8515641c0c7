import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { GradingModule } from '../grading/grading.module';

export const ASSIGNMENT_ENTITIES: Type[] = [];

const SERVICES: Type[] = [];

/** Assignments: settings, rubrics, submissions (drafts, versions, files), late policy. */
@Module({
  imports: [TypeOrmModule.forFeature(ASSIGNMENT_ENTITIES), GradingModule, CatalogModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...(SERVICES)],
})
export class AssignmentModule {}
