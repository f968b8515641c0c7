import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { GradingModule } from '../grading/grading.module';
import { Assignment } from './assignment.entity';
import { AssignmentService } from './assignment.service';
import { Submission } from './submission.entity';
import { SubmissionFile } from './submission-file.entity';
import { SubmissionVersion } from './submission-version.entity';

export const ASSIGNMENT_ENTITIES: Type[] = [Assignment, Submission, SubmissionVersion, SubmissionFile];

const SERVICES: Type[] = [AssignmentService];

/** Assignments: settings, rubrics, submissions (drafts, versions, files), late policy. */
@Module({
  imports: [TypeOrmModule.forFeature(ASSIGNMENT_ENTITIES), GradingModule, CatalogModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...(SERVICES)],
})
export class AssignmentModule {}
