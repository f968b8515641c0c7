import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Programme } from './programme.entity';
import { Course } from './course.entity';
import { CourseModule } from './course-module.entity';
import { Activity } from './activity.entity';
import { CatalogService } from './catalog.service';
import { CatalogReader } from './catalog.reader';
import { ActivityFileService } from './activity-file.service';

export const CATALOG_ENTITIES = [Programme, Course, CourseModule, Activity];

/**
 * Programmes, courses, modules and activities: what there is to learn, in every language.
 * Needs the (global) StorageModule for activity files.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CATALOG_ENTITIES)],
  providers: [CatalogService, CatalogReader, ActivityFileService],
  exports: [TypeOrmModule, CatalogService, CatalogReader, ActivityFileService],
})
export class CatalogModule {}
