import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { EnrolmentModule } from '@aula/server/enrolment';
import { IdentityModule } from '@aula/server/identity';
import { CourseGrading } from './grading/course-grading.entity';
import { Grade } from './grading/grade.entity';
import { GradeChange } from './grading/grade-change.entity';
import { GradeItem } from './grading/grade-item.entity';
import { GradeService } from './grading/grade.service';
import { ActivitySchedule } from './schedule/activity-schedule.entity';
import { DeadlineExtension } from './schedule/deadline-extension.entity';
import { ScheduleService } from './schedule/schedule.service';

export const ASSESSMENT_ENTITIES = [GradeItem, CourseGrading, Grade, GradeChange, ActivitySchedule, DeadlineExtension];

const SERVICES = [GradeService, ScheduleService];

/**
 * Assessment: quizzes, assignments, marking and the gradebook. `grading/` holds the one writer of
 * grades; `schedule/` the per-cohort dates and extensions. Needs the global OutboxModule and
 * StorageModule in the host application.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ASSESSMENT_ENTITIES), CatalogModule, EnrolmentModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class AssessmentModule {}
