import type { ASSIGNMENT_FILE_TYPES, ASSIGNMENT_LATE_POLICIES } from '@aula/contracts';

// Contracts are imported for types only; `typeof` ties these copies to the API's lists.
export const ASSIGNMENT_FILE_TYPE_LIST: typeof ASSIGNMENT_FILE_TYPES = [
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
];
export const LATE_POLICY_LIST: typeof ASSIGNMENT_LATE_POLICIES = ['accept', 'penalty', 'refuse'];
/** The API's `ASSIGNMENT_FILE_MAX_BYTES` in MB, and its other limits. */
export const ASSIGNMENT_LIMITS = { maxFileMb: 25, maxFiles: 20 } as const;

/** A new id for a rubric criterion or level: short, unique enough within one rubric. */
export function rubricId(prefix: 'c' | 'l'): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** An API field path (`rubric.criteria[1].levels[0].points`) as the settings form's control path. */
export function formPathOf(path: string, defaultLocale: string): string {
  let out = path.replace(/^rubric\./, '').replace(/\[(\d+)\]/g, '.$1');
  if (out === 'maxFileBytes') out = 'maxFileMb';
  if (/\.title$/.test(out)) out = `${out}.${defaultLocale}`;
  return out;
}
