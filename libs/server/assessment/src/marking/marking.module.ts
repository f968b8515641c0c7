import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { GradingModule } from '../grading/grading.module';

export const MARKING_ENTITIES: Type[] = [];

const SERVICES: Type[] = [];

/** Marking: the tutors' grading queue, marks with rubrics and feedback, blind marking, release. */
@Module({
  imports: [TypeOrmModule.forFeature(MARKING_ENTITIES), GradingModule, CatalogModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...(SERVICES)],
})
export class MarkingModule {}
