import type { EnrolmentStatus, Translations } from './catalog';
import type { GradeStatus } from './assessment';

/**
 * The gradebook: graded items of a course (quizzes and assignments), their weights and categories,
 * the course total and the pass mark; per-cohort dates and per-trainee extensions.
 *
 * Course total (percent, 0–100, two decimals), computed from RELEASED grades only:
 * 1. each item's percent = points / max points × 100; a missing (or unreleased) grade counts as 0;
 * 2. a category's percent = weighted mean of its items' percents (item weights);
 * 3. the total = weighted mean of the groups' percents, where each category is a group weighing
 *    its category weight (1 when not listed), and each item without a category is a group of its
 *    own weighing its item weight (1 by default).
 * Groups of total weight 0 do not count; with nothing left to count the total is null.
 */

export const GRADEBOOK_CATEGORY_MAX_LENGTH = 80;
export const GRADEBOOK_WEIGHT_MAX = 1000;
/** Rows of a gradebook page when `limit` is given; without it the whole cohort is returned. */
export const GRADEBOOK_PAGE_LIMIT_MAX = 1000;
export const GRADE_IMPORT_MAX_ROWS = 5000;

export interface GradebookItem {
  activityId: string;
  kind: 'quiz' | 'assignment';
  title: Translations;
  maxPoints: number;
  weight: number;
  category: string | null;
  /**
   * An assignment marked blind: its marks stay out of the gradebook (and its export) until they
   * are released, so a name never meets an unreleased mark.
   */
  blindMarking: boolean;
}

export interface GradebookRow {
  enrolmentId: string;
  userId: string;
  displayName: string;
  email: string;
  enrolmentStatus: EnrolmentStatus;
  /**
   * Marks aligned with the gradebook's `items` (a compact matrix: a 1,000-trainee cohort stays a
   * small download): `points[i]` of item i (null: no grade, or no points yet) and its `statuses[i]`
   * (null: no grade). Tutors see draft and ready marks too; only released ones count in the total.
   */
  points: (number | null)[];
  statuses: (GradeStatus | null)[];
  /** Course total in percent from released grades; null when nothing counts. */
  totalPercent: number | null;
  /** null when the course has no pass mark. */
  passed: boolean | null;
}

export interface GradingRules {
  /** Course total (percent) needed to pass; null: none. */
  passPercent: number | null;
  completionRequiresPass: boolean;
  /** Category name → weight; categories not listed weigh 1. */
  categoryWeights: Record<string, number>;
}

export interface CohortGradebook extends GradingRules {
  cohortId: string;
  cohortName: string;
  courseId: string;
  items: GradebookItem[];
  rows: GradebookRow[];
  /** Next page when `limit` was given; null at the end (and for the whole cohort). */
  nextCursor: string | null;
}

/** What a trainee sees: their own row, released grades only. */
export interface OwnGradebook extends GradingRules {
  cohortId: string;
  cohortName: string;
  courseId: string;
  enrolmentId: string;
  items: GradebookItem[];
  cells: ({ points: number | null; releasedAt: string } | null)[];
  totalPercent: number | null;
  passed: boolean | null;
}

export interface CourseGradingView extends GradingRules {
  courseId: string;
  items: GradebookItem[];
}

export interface CourseGradingInput extends GradingRules {
  items: { activityId: string; weight: number; category: string | null }[];
}

/** CSV import of scores: nothing is written unless every row is valid. */
export interface GradeImportProblem {
  /** Line of the file, counting the header as 1. 1 for problems of the header itself. */
  row: number;
  email: string;
  /** The column (header text) or `email`. */
  field: string;
  /** What is wrong, for translation; `problem` says it in English. */
  code: GradeImportProblemCode;
  problem: string;
  /** The item's max points, for `out-of-range`. */
  max?: number;
}
export const GRADE_IMPORT_PROBLEM_CODES = [
  'duplicate-column',
  'unknown-column',
  'no-email-column',
  'empty-email',
  'not-in-cohort',
  'duplicate-email',
  'not-a-number',
  'out-of-range',
] as const;
export type GradeImportProblemCode = (typeof GRADE_IMPORT_PROBLEM_CODES)[number];
export interface GradeImportReport {
  applied: boolean;
  /** Data rows read. */
  rows: number;
  /** Scores written (0 when `applied` is false). */
  changed: number;
  /** Scores equal to the current mark, left alone. */
  unchanged: number;
  errors: GradeImportProblem[];
}

// ---- dates and extensions ----

export interface CohortDatesEntry {
  activityId: string;
  kind: 'quiz' | 'assignment';
  title: Translations;
  /** Quiz: opening time. */
  opensAt: string | null;
  /** Assignment: due date (late after it). */
  dueAt: string | null;
  /** Quiz: close time. Assignment: cut-off. */
  closesAt: string | null;
}

export interface ExtensionView {
  activityId: string;
  enrolmentId: string;
  displayName: string;
  dueAt: string | null;
  closesAt: string | null;
  grantedAt: string;
}

export interface CohortScheduleView {
  cohortId: string;
  cohortName: string;
  /** IANA zone the dates are entered in. */
  timeZone: string;
  activities: CohortDatesEntry[];
  extensions: ExtensionView[];
  /** Trainees an extension can be granted to, by name. */
  trainees: { enrolmentId: string; displayName: string }[];
}

/** ISO instants (with offset or Z); null clears the date. */
export interface ActivityDatesInput {
  opensAt: string | null;
  dueAt: string | null;
  closesAt: string | null;
}

export interface ExtensionDatesInput {
  dueAt: string | null;
  closesAt: string | null;
}

/** A trainee's own dates of a quiz or assignment (extensions applied). */
export interface OwnDatesEntry {
  activityId: string;
  opensAt: string | null;
  dueAt: string | null;
  closesAt: string | null;
  extended: boolean;
  timeZone: string;
}
