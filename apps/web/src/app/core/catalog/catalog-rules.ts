import type {
  ACTIVITY_FILE_EXTENSIONS,
  ACTIVITY_KINDS,
  ActivityKind,
  CATALOG_TEXT_LIMITS,
  COURSE_STATUSES,
  CSV_IMPORT_COLUMNS,
  ENROLMENT_MODES,
  ENROLMENT_STATUSES,
} from '@aula/contracts';

// Contracts are imported for types only; `typeof` ties these copies to the API's lists and
// limits, so a change there fails the web build instead of drifting.
export const COURSE_STATUS_LIST: typeof COURSE_STATUSES = ['draft', 'published', 'archived'];
export const ACTIVITY_KIND_LIST: typeof ACTIVITY_KINDS = ['page', 'file', 'link', 'quiz', 'assignment'];
/** Kinds an administrator can author here; quizzes and assignments come with the assessment screens. */
export const AUTHORED_KINDS: readonly ActivityKind[] = ['page', 'file', 'link', 'quiz', 'assignment'];
/** Kinds a trainee marks as done by hand (the API's `MANUAL_COMPLETION_KINDS`). */
export const MANUAL_KINDS: readonly ActivityKind[] = ['page', 'file', 'link'];
export const ENROLMENT_MODE_LIST: typeof ENROLMENT_MODES = ['open', 'approval', 'invite'];
export const ENROLMENT_STATUS_LIST: typeof ENROLMENT_STATUSES = [
  'pending',
  'waitlisted',
  'active',
  'completed',
  'withdrawn',
];
export const TEXT_LIMITS: typeof CATALOG_TEXT_LIMITS = {
  title: 200,
  summary: 500,
  richTextBytes: 100 * 1024,
  topic: 60,
  topics: 20,
};
export const FILE_EXTENSIONS: typeof ACTIVITY_FILE_EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'webp',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'zip',
  'mp3',
  'mp4',
  'txt',
  'csv',
];
export const FILE_MAX_BYTES = 25 * 1024 * 1024;
export const CSV_COLUMNS: typeof CSV_IMPORT_COLUMNS = [
  'email',
  'display_name',
  'locale',
  'time_zone',
  'country',
  'organisation',
  'region',
];
export const CSV_MAX_BYTES = 2 * 1024 * 1024;
/** The API's `SLUG_PATTERN`: lower-case letters, digits and inner hyphens, 3–80 characters. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$/;
export const COHORT_NAME_MAX = 160;
export const CAPACITY_MAX = 100_000;

/** "Planificación territorial 2027" → "planificacion-territorial-2027": a slug proposal from a title. */
export function slugFrom(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}
