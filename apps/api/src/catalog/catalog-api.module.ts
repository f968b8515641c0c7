import { Module } from '@nestjs/common';
import { CatalogModule } from '@aula/server/catalog';
import { AdminProgrammesController } from './admin-programmes.controller';
import { AdminCoursesController } from './admin-courses.controller';
import { AdminCourseContentController } from './admin-course-content.controller';

/** The catalogue's HTTP face: administrators' authoring routes under /api/admin. */
@Module({
  imports: [CatalogModule],
  controllers: [AdminProgrammesController, AdminCoursesController, AdminCourseContentController],
})
export class CatalogApiModule {}
