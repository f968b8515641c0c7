import type { EffectiveSchedule, OwnGradeView, RubricDefinition } from './assessment';
import type { Locale } from './identity';

/**
 * Assignments: settings (admin), the trainee's submission (draft, versions, files) and what
 * marking reads of it.
 */

export const ASSIGNMENT_LATE_POLICIES = ['accept', 'penalty', 'refuse'] as const;
/** `accept`: late is flagged only. `penalty`: % per started day late. `refuse`: nothing after the due date (or the cut-off). */
export type AssignmentLatePolicy = (typeof ASSIGNMENT_LATE_POLICIES)[number];

/** File types an assignment may accept, recognised by their content (never by the name alone). */
export const ASSIGNMENT_FILE_TYPES = [
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'png',
  'jpg',
  'webp',
  'txt',
  'csv',
  'zip',
] as const;
export type AssignmentFileType = (typeof ASSIGNMENT_FILE_TYPES)[number];

export const ASSIGNMENT_DEFAULT_FILE_TYPES: AssignmentFileType[] = [
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'png',
  'jpg',
  'txt',
];

/** The largest file any assignment may accept (its own limit is at most this). */
export const ASSIGNMENT_FILE_MAX_BYTES = 25 * 1024 * 1024;
export const ASSIGNMENT_MAX_FILES_LIMIT = 20;
/** Submitted text, in characters of sanitised HTML. */
export const ASSIGNMENT_TEXT_MAX_LENGTH = 200_000;

export const SUBMISSION_STATUSES = ['draft', 'submitted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** An assignment's settings as administrators edit them. Instructions are the activity's body. */
export interface AssignmentSettings {
  activityId: string;
  courseId: string;
  acceptsText: boolean;
  acceptsFiles: boolean;
  maxFiles: number;
  maxFileBytes: number;
  allowedFileTypes: AssignmentFileType[];
  latePolicy: AssignmentLatePolicy;
  latePenaltyPercentPerDay: number;
  allowResubmission: boolean;
  blindMarking: boolean;
  rubric: RubricDefinition | null;
  /** With a rubric: the sum of each criterion's highest level. */
  maxPoints: number;
}

/**
 * PUT body of the settings: fields left out keep their value. `maxPoints` is ignored when a
 * rubric is set (the rubric decides it); `rubric: null` removes the rubric.
 */
export type AssignmentSettingsInput = Partial<Omit<AssignmentSettings, 'activityId' | 'courseId'>>;

export interface SubmissionFileView {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface SubmissionVersionView {
  number: number;
  /** Sanitised rich text (HTML). */
  text: string | null;
  submittedAt: string;
  /** Seconds after the (effective) due date; 0 when on time. */
  lateSeconds: number;
  files: SubmissionFileView[];
}

/** A rubric with its titles in the reader's language. */
export interface RubricView {
  criteria: {
    id: string;
    title: string;
    levels: { id: string; title: string; points: number }[];
  }[];
}

/** Why the trainee cannot submit now (null: they can). */
export type SubmitBlock = 'not-enrolled' | 'not-active' | 'closed' | 'late-refused' | 'no-resubmission';

/** What a trainee (or a tutor/admin previewing) sees of an assignment. */
export interface AssignmentTraineeView {
  activityId: string;
  courseId: string;
  title: string;
  locale: Locale;
  /** Sanitised HTML. */
  instructions: string;
  acceptsText: boolean;
  acceptsFiles: boolean;
  maxFiles: number;
  maxFileBytes: number;
  allowedFileTypes: AssignmentFileType[];
  latePolicy: AssignmentLatePolicy;
  latePenaltyPercentPerDay: number;
  allowResubmission: boolean;
  maxPoints: number;
  rubric: RubricView | null;
  /** Null for someone not enrolled (a tutor or administrator previewing). */
  enrolmentId: string | null;
  schedule: EffectiveSchedule;
  /** The time zone the cohort's dates were set in (dates are shown in the viewer's). */
  cohortTimeZone: string | null;
  status: SubmissionStatus | null;
  draft: { text: string | null; files: SubmissionFileView[] };
  /** Newest first. */
  versions: SubmissionVersionView[];
  submitBlock: SubmitBlock | null;
  /** Released grade only; null before release. */
  grade: OwnGradeView | null;
}

/** What marking reads of one trainee's submission. */
export interface SubmissionForMarking {
  settings: AssignmentSettings;
  submissionId: string;
  latest: SubmissionVersionView;
  versionsCount: number;
}
