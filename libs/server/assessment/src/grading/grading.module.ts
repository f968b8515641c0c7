import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnrolmentModule } from '@aula/server/enrolment';
import { CourseGrading } from './course-grading.entity';
import { Grade } from './grade.entity';
import { GradeChange } from './grade-change.entity';
import { GradeItem } from './grade-item.entity';
import { GradeService } from './grade.service';
import { ActivitySchedule } from '../schedule/activity-schedule.entity';
import { DeadlineExtension } from '../schedule/deadline-extension.entity';
import { ScheduleService } from '../schedule/schedule.service';

export const GRADING_ENTITIES = [GradeItem, CourseGrading, Grade, GradeChange, ActivitySchedule, DeadlineExtension];

/** The one writer of grades, and the dates (per cohort, per trainee) everything else asks. */
@Module({
  imports: [TypeOrmModule.forFeature(GRADING_ENTITIES), EnrolmentModule],
  providers: [GradeService, ScheduleService],
  exports: [TypeOrmModule, GradeService, ScheduleService, EnrolmentModule],
})
export class GradingModule {}
