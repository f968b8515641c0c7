import { Module } from '@nestjs/common';
import { GRADING_ENTITIES, GradingModule } from './grading/grading.module';
import { QUIZ_ENTITIES, QuizModule } from './quiz/quiz.module';
import { ASSIGNMENT_ENTITIES, AssignmentModule } from './assignment/assignment.module';
import { MARKING_ENTITIES, MarkingModule } from './marking/marking.module';
import { GRADEBOOK_ENTITIES, GradebookModule } from './gradebook/gradebook.module';

export const ASSESSMENT_ENTITIES = [
  ...GRADING_ENTITIES,
  ...QUIZ_ENTITIES,
  ...ASSIGNMENT_ENTITIES,
  ...MARKING_ENTITIES,
  ...GRADEBOOK_ENTITIES,
];

const PARTS = [GradingModule, QuizModule, AssignmentModule, MarkingModule, GradebookModule];

/**
 * Assessment: quizzes, assignments, marking and the gradebook, one folder each. `grading/` holds
 * the one writer of grades; `schedule/` the per-cohort dates and extensions. Needs the global
 * OutboxModule and StorageModule in the host application.
 */
@Module({ imports: PARTS, exports: PARTS })
export class AssessmentModule {}
