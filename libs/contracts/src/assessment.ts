import type { Translations } from './catalog';

/**
 * Grades shared by quizzes, assignments and the gradebook. Quiz- and assignment-specific shapes
 * live in `quiz.ts` and `assignment.ts`; the gradebook's in `gradebook.ts`.
 */

/** draft → ready (for release) → released. Trainees see a grade only once it is released. */
export const GRADE_STATUSES = ['draft', 'ready', 'released'] as const;
export type GradeStatus = (typeof GRADE_STATUSES)[number];

/** Rubric marks: criterion id → chosen level id. */
export type RubricMarks = Record<string, string>;

/** A grade as tutors and administrators see it. */
export interface GradeView {
  id: string;
  activityId: string;
  enrolmentId: string;
  status: GradeStatus;
  /** Final points, after any late penalty. */
  points: number | null;
  /** Points before the late penalty. */
  rawPoints: number | null;
  latePenaltyPercent: number;
  maxPoints: number;
  rubricMarks: RubricMarks | null;
  /** Plain text; shown with its line breaks, never as HTML. */
  feedback: string | null;
  feedbackFile: { name: string; size: number; contentType: string } | null;
  gradedById: string | null;
  gradedAt: string | null;
  releasedAt: string | null;
  /** Send it back when saving: a grade changed by someone else since answers 409. */
  version: number;
}

/** What a trainee sees of their own grade: only when released, otherwise `null` as a whole. */
export interface OwnGradeView {
  points: number | null;
  maxPoints: number;
  latePenaltyPercent: number;
  rubricMarks: RubricMarks | null;
  feedback: string | null;
  feedbackFile: { name: string; size: number; contentType: string } | null;
  releasedAt: string;
}

/** One entry of a grade's audit trail. */
export interface GradeChangeView {
  id: string;
  action: GradeChangeAction;
  changedBy: { id: string; displayName: string } | null;
  changedAt: string;
  before: GradeSnapshot | null;
  after: GradeSnapshot;
}

export const GRADE_CHANGE_ACTIONS = ['auto', 'mark', 'import', 'release', 'penalty'] as const;
export type GradeChangeAction = (typeof GRADE_CHANGE_ACTIONS)[number];

/** The fields the audit trail records before and after each change. */
export interface GradeSnapshot {
  status: GradeStatus;
  points: number | null;
  rawPoints: number | null;
  latePenaltyPercent: number;
  rubricMarks: RubricMarks | null;
  feedback: string | null;
  /** Name of the feedback file; present only while the grade has one. */
  feedbackFileName?: string;
}

/** Per-cohort dates of a quiz or assignment, shown in the cohort's time zone. */
export interface ActivityScheduleView {
  activityId: string;
  cohortId: string;
  /** Quiz: first moment an attempt may start. */
  opensAt: string | null;
  /** Assignment: due date (late after it). */
  dueAt: string | null;
  /** Quiz: close time (open attempts are submitted). Assignment: cut-off (no submission after). */
  closesAt: string | null;
}

/** A trainee's own dates once extensions are applied. */
export interface EffectiveSchedule {
  opensAt: string | null;
  dueAt: string | null;
  closesAt: string | null;
  extended: boolean;
}

/** A rubric: criteria, each with levels worth points. A mark picks one level per criterion. */
export interface RubricLevel {
  id: string;
  title: Translations;
  points: number;
}
export interface RubricCriterion {
  id: string;
  title: Translations;
  levels: RubricLevel[];
}
export interface RubricDefinition {
  criteria: RubricCriterion[];
}
