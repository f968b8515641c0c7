import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Programme } from './programme.entity';
import { Course } from './course.entity';
import { CourseModule } from './course-module.entity';
import { Activity } from './activity.entity';

export const CATALOG_ENTITIES = [Programme, Course, CourseModule, Activity];

/** Programmes, courses, modules and activities: what there is to learn, in every language. */
@Module({
  imports: [TypeOrmModule.forFeature(CATALOG_ENTITIES)],
  providers: [],
  exports: [TypeOrmModule],
})
export class CatalogModule {}
