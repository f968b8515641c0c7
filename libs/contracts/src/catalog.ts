import type { Locale } from './identity';

/** Text kept per language; the entity's `defaultLocale` entry always exists. */
export type Translations = Partial<Record<Locale, string>>;

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const ACTIVITY_KINDS = ['page', 'file', 'link', 'quiz', 'assignment'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** Kinds a trainee marks as done by hand; quizzes and assignments complete by grading. */
export const MANUAL_COMPLETION_KINDS: readonly ActivityKind[] = ['page', 'file', 'link'];

// ---- what administrators edit (every language at once) ----

export interface ProgrammeInput {
  slug: string;
  defaultLocale: Locale;
  title: Translations;
  description?: Translations;
}

export interface ProgrammeView extends ProgrammeInput {
  id: string;
  description: Translations;
  createdAt: string;
}

export interface CourseInput {
  programmeId: string;
  slug: string;
  defaultLocale: Locale;
  title: Translations;
  summary?: Translations;
  description?: Translations;
  topics?: string[];
  estimatedHours?: number | null;
  /**
   * Hours before an assignment's due time at which trainees are reminded: 1 to
   * REMINDER_OFFSETS_LIMITS.maxCount distinct whole numbers within the limits, or null for the
   * platform's default.
   */
  reminderOffsetsHours?: number[] | null;
}

/** What a course's own reminder offsets may be. */
export const REMINDER_OFFSETS_LIMITS = { minHours: 1, maxHours: 720, maxCount: 4 } as const;

export interface CourseAdminView {
  id: string;
  programmeId: string;
  slug: string;
  status: CourseStatus;
  defaultLocale: Locale;
  title: Translations;
  summary: Translations;
  description: Translations;
  topics: string[];
  /** Languages in which the course title exists. */
  locales: Locale[];
  estimatedHours: number | null;
  /** Largest first; null: the platform's default (`PlatformInfo.reminderOffsetsHours`). */
  reminderOffsetsHours: number[] | null;
  modules: ModuleAdminView[];
  createdAt: string;
  updatedAt: string;
}

export interface ModuleInput {
  title: Translations;
}

export interface ModuleAdminView {
  id: string;
  position: number;
  title: Translations;
  activities: ActivityAdminView[];
}

export interface ActivityInput {
  kind: ActivityKind;
  title: Translations;
  /** Page body (HTML, sanitised on save), per language. */
  body?: Translations;
  /** External link or video address, for `link`. */
  url?: string | null;
  required?: boolean;
}

export interface ActivityAdminView {
  id: string;
  moduleId: string;
  position: number;
  kind: ActivityKind;
  title: Translations;
  body: Translations;
  url: string | null;
  file: StoredFileView | null;
  required: boolean;
}

export interface StoredFileView {
  name: string;
  contentType: string;
  size: number;
}

export interface ReorderRequest {
  /** Every id of the parent's children, in the new order. */
  ids: string[];
}

// ---- what learners and visitors read (one language, resolved with fallback) ----

export interface CatalogueCourse {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** The language the text above is in (the reader's, or the course default). */
  locale: Locale;
  locales: Locale[];
  topics: string[];
  programmeTitle: string;
  estimatedHours: number | null;
  /** Cohorts a person can still join or ask to join. */
  openCohorts: CohortSummary[];
}

export interface CoursePageView {
  id: string;
  slug: string;
  locale: Locale;
  locales: Locale[];
  title: string;
  summary: string;
  description: string;
  topics: string[];
  estimatedHours: number | null;
  programmeTitle: string;
  modules: { id: string; title: string; activities: ActivitySummary[] }[];
  openCohorts: CohortSummary[];
  /** The reader's enrolment in a cohort of this course, if any. */
  enrolment: EnrolmentSummary | null;
}

export interface ActivitySummary {
  id: string;
  kind: ActivityKind;
  title: string;
  required: boolean;
  /** Only for a reader with an active or completed enrolment. */
  done?: boolean;
}

export interface ActivityView extends ActivitySummary {
  courseId: string;
  moduleId: string;
  locale: Locale;
  /** Sanitised HTML for pages. */
  body: string | null;
  url: string | null;
  file: StoredFileView | null;
  previousId: string | null;
  nextId: string | null;
}

// ---- cohorts and enrolment ----

export const ENROLMENT_MODES = ['open', 'approval', 'invite'] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];

export const ENROLMENT_STATUSES = ['pending', 'waitlisted', 'active', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface CohortInput {
  courseId: string;
  name: string;
  /** ISO dates (YYYY-MM-DD) in the cohort's time zone. */
  startDate: string;
  endDate: string;
  timeZone: string;
  /** null: no limit. */
  capacity: number | null;
  enrolmentMode: EnrolmentMode;
  tutorIds?: string[];
}

export interface CohortSummary {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  enrolmentMode: EnrolmentMode;
  capacity: number | null;
  seatsLeft: number | null;
}

export interface CohortView extends CohortSummary {
  courseId: string;
  courseTitle: string;
  tutors: { id: string; displayName: string }[];
  counts: Record<EnrolmentStatus, number>;
}

export interface EnrolmentSummary {
  id: string;
  cohortId: string;
  status: EnrolmentStatus;
  progressPercent: number;
  lastActivityAt: string | null;
  completedAt: string | null;
}

export interface RosterEntry extends EnrolmentSummary {
  userId: string;
  displayName: string;
  email: string;
  country: string | null;
  region: string | null;
  enrolledAt: string;
}

export interface DashboardCohort {
  enrolment: EnrolmentSummary;
  cohort: CohortSummary;
  course: { id: string; slug: string; title: string; locale: Locale };
  nextActivity: { id: string; title: string } | null;
}

export interface LearnerDashboard {
  cohorts: DashboardCohort[];
  /** Start and end dates of the reader's cohorts, soonest first (dates in each cohort's zone). */
  upcoming: { cohortId: string; kind: 'cohort-start' | 'cohort-end'; date: string; timeZone: string; title: string }[];
}

export type CsvRowOutcome = 'enrolled' | 'invited-and-enrolled' | 'waitlisted' | 'already-enrolled' | 'error';

export interface CsvImportReport {
  rows: { line: number; email: string; outcome: CsvRowOutcome; message?: string }[];
  counts: Record<CsvRowOutcome, number>;
}

// ---- catalogue authoring: limits, partial updates and actions (appended by the catalog lib) ----

/** Lower-case letters, digits and inner hyphens, 3–80 characters: `regional-planning-2027`. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$/;

/** Limits of translatable text, per language. Rich text is counted in UTF-8 bytes. */
export const CATALOG_TEXT_LIMITS = {
  title: 200,
  summary: 500,
  richTextBytes: 100 * 1024,
  topic: 60,
  topics: 20,
} as const;

/** Largest file an activity may carry. */
export const ACTIVITY_FILE_MAX_BYTES = 25 * 1024 * 1024;

/** What an activity file may be, judged by its content (not its name): for the upload form's `accept`. */
export const ACTIVITY_FILE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx', 'pptx', 'odt', 'zip', 'mp3', 'mp4', 'txt', 'csv'] as const;

/** Every field optional; a translatable field sent is replaced whole (all its languages). */
export type ProgrammeUpdate = Partial<ProgrammeInput>;
export type CourseUpdate = Partial<CourseInput>;
export type ModuleUpdate = Partial<ModuleInput>;
/** The kind of an activity is fixed once created. */
export type ActivityUpdate = Partial<Omit<ActivityInput, 'kind'>>;

export interface CourseStatusRequest {
  status: CourseStatus;
}

export interface DuplicateCourseRequest {
  /** Slug of the new draft. */
  slug: string;
}

export interface CourseAdminQuery {
  /** Part of a title or summary in any language, or of the slug; accents and case ignored. */
  q?: string;
  status?: CourseStatus;
  limit?: number;
  cursor?: string;
}

// ---- cohorts, enrolment and learning: requests and limits (appended by the enrolment lib) ----

/** Cohort fields an administrator may change; the course of a cohort is fixed once created. */
export type CohortUpdate = Partial<Omit<CohortInput, 'courseId' | 'tutorIds'>>;

export interface SetTutorsRequest {
  /** Every tutor of the cohort; each must hold the tutor role. */
  tutorIds: string[];
}

export interface AdminEnrolRequest {
  userId: string;
}

/** Columns of the bulk enrolment file (header row required; only `email` is mandatory). */
export const CSV_IMPORT_COLUMNS = ['email', 'display_name', 'locale', 'time_zone', 'country', 'organisation', 'region'] as const;
/** The import body is `text/csv` (UTF-8, optional BOM), at most this many bytes and data rows. */
export const CSV_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_IMPORT_MAX_ROWS = 5000;

export interface AcceptInvitationRequest {
  token: string;
  password: string;
}

export interface CatalogueQuery {
  /** Words of a title or summary in any language; accents and case ignored. */
  q?: string;
  /** Only courses offered in this language; also the language the text is shown in. */
  locale?: Locale;
  topic?: string;
  limit?: number;
  cursor?: string;
}

export interface RosterQuery {
  status?: EnrolmentStatus;
  /** Part of a name or email; accents and case ignored. */
  q?: string;
  limit?: number;
  cursor?: string;
}
