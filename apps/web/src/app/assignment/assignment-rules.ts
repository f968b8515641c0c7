import { ASSIGNMENT_FILE_MAX_BYTES, ASSIGNMENT_MAX_FILES_LIMIT } from '@aula/contracts';

/** The API's limits for the settings form: `ASSIGNMENT_FILE_MAX_BYTES` in MB, and the most files. */
export const ASSIGNMENT_LIMITS = {
  maxFileMb: ASSIGNMENT_FILE_MAX_BYTES / (1024 * 1024),
  maxFiles: ASSIGNMENT_MAX_FILES_LIMIT,
} as const;

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
