import {
  ASSIGNMENT_FILE_MAX_BYTES,
  ASSIGNMENT_FILE_TYPES,
  ASSIGNMENT_LATE_POLICIES,
  ASSIGNMENT_MAX_FILES_LIMIT,
  LOCALES,
  type AssignmentFileType,
  type AssignmentSettingsInput,
  type EffectiveSchedule,
  type Locale,
  type RubricDefinition,
  type RubricView,
  type SubmitBlock,
  type Translations,
} from '@aula/contracts';
import { cleanPlainTranslations, fieldError, pickText } from '@aula/server/core';
import type { LatePolicy } from './late-policy';

/** Pure rules of assignments: settings and rubric validation, file types, when one may submit. */

const RUBRIC_MAX_CRITERIA = 30;
const RUBRIC_MAX_LEVELS = 10;
const RUBRIC_ID = /^[A-Za-z0-9_-]{1,40}$/;
const RUBRIC_TITLE_MAX = 300;
const POINTS_MAX = 10_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(value: Record<string, unknown>, allowed: string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw fieldError(path ? `${path}.${key}` : key, 'is not an accepted field');
  }
}

function translations(value: unknown, path: string): Translations {
  if (!isRecord(value)) throw fieldError(path, 'must be an object of texts per language');
  for (const [locale, text] of Object.entries(value)) {
    if (!(LOCALES as readonly string[]).includes(locale)) throw fieldError(`${path}.${locale}`, 'is not a supported language');
    if (typeof text !== 'string') throw fieldError(`${path}.${locale}`, 'must be text');
    if (text.length > RUBRIC_TITLE_MAX) throw fieldError(`${path}.${locale}`, `must be at most ${RUBRIC_TITLE_MAX} characters`);
  }
  const clean = cleanPlainTranslations(value as Translations);
  if (Object.keys(clean).length === 0) throw fieldError(path, 'needs a title in at least one language');
  return clean;
}

function points(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw fieldError(path, 'must be a number');
  if (value < 0) throw fieldError(path, 'must be 0 or more');
  if (value > POINTS_MAX) throw fieldError(path, `must be at most ${POINTS_MAX}`);
  if (Math.round(value * 100) !== value * 100) throw fieldError(path, 'may have at most two decimals');
  return value;
}

function id(value: unknown, path: string, seen: Set<string>): string {
  if (typeof value !== 'string' || !RUBRIC_ID.test(value))
    throw fieldError(path, 'must be 1–40 letters, digits, "-" or "_"');
  if (seen.has(value)) throw fieldError(path, 'must be unique within the rubric');
  seen.add(value);
  return value;
}

/**
 * A rubric as sent by an administrator, checked and cleaned: known fields only, ids unique across
 * the whole rubric, titles in at least one language, points ≥ 0. 400 naming the field, e.g.
 * `rubric.criteria[1].levels[0].points`.
 */
export function validateRubric(input: unknown, path = 'rubric'): RubricDefinition {
  if (!isRecord(input)) throw fieldError(path, 'must be an object with criteria');
  onlyKeys(input, ['criteria'], path);
  const criteria = input['criteria'];
  if (!Array.isArray(criteria) || criteria.length === 0) throw fieldError(`${path}.criteria`, 'needs at least one criterion');
  if (criteria.length > RUBRIC_MAX_CRITERIA) throw fieldError(`${path}.criteria`, `may have at most ${RUBRIC_MAX_CRITERIA} criteria`);
  const ids = new Set<string>();
  return {
    criteria: criteria.map((c: unknown, ci) => {
      const cp = `${path}.criteria[${ci}]`;
      if (!isRecord(c)) throw fieldError(cp, 'must be an object');
      onlyKeys(c, ['id', 'title', 'levels'], cp);
      const criterionId = id(c['id'], `${cp}.id`, ids);
      const title = translations(c['title'], `${cp}.title`);
      const levels = c['levels'];
      if (!Array.isArray(levels) || levels.length === 0) throw fieldError(`${cp}.levels`, 'needs at least one level');
      if (levels.length > RUBRIC_MAX_LEVELS) throw fieldError(`${cp}.levels`, `may have at most ${RUBRIC_MAX_LEVELS} levels`);
      return {
        id: criterionId,
        title,
        levels: levels.map((l: unknown, li) => {
          const lp = `${cp}.levels[${li}]`;
          if (!isRecord(l)) throw fieldError(lp, 'must be an object');
          onlyKeys(l, ['id', 'title', 'points'], lp);
          return { id: id(l['id'], `${lp}.id`, ids), title: translations(l['title'], `${lp}.title`), points: points(l['points'], `${lp}.points`) };
        }),
      };
    }),
  };
}

/** The most a rubric can give: each criterion's highest level, summed. */
export function rubricMaxPoints(rubric: RubricDefinition): number {
  const total = rubric.criteria.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0);
  return Math.round(total * 100) / 100;
}

/** Points of a set of rubric marks (criterion id → level id); null when a criterion is unmarked or a level unknown. */
export function rubricPoints(rubric: RubricDefinition, marks: Record<string, string>): number | null {
  let total = 0;
  for (const c of rubric.criteria) {
    const level = c.levels.find((l) => l.id === marks[c.id]);
    if (!level) return null;
    total += level.points;
  }
  return Math.round(total * 100) / 100;
}

export function rubricView(rubric: RubricDefinition | null, wanted: Locale, fallback: Locale): RubricView | null {
  if (!rubric) return null;
  return {
    criteria: rubric.criteria.map((c) => ({
      id: c.id,
      title: pickText(c.title, wanted, fallback).text,
      levels: c.levels.map((l) => ({ id: l.id, title: pickText(l.title, wanted, fallback).text, points: l.points })),
    })),
  };
}

/** Checks the settings fields an administrator sent, naming the first one that is wrong. */
export function validateSettingsInput(input: AssignmentSettingsInput): AssignmentSettingsInput {
  const out: AssignmentSettingsInput = { ...input };
  if (input.maxFiles !== undefined && (!Number.isInteger(input.maxFiles) || input.maxFiles < 1 || input.maxFiles > ASSIGNMENT_MAX_FILES_LIMIT))
    throw fieldError('maxFiles', `must be a whole number from 1 to ${ASSIGNMENT_MAX_FILES_LIMIT}`);
  if (
    input.maxFileBytes !== undefined &&
    (!Number.isInteger(input.maxFileBytes) || input.maxFileBytes < 1024 || input.maxFileBytes > ASSIGNMENT_FILE_MAX_BYTES)
  )
    throw fieldError('maxFileBytes', `must be from 1 KB to ${ASSIGNMENT_FILE_MAX_BYTES / 1024 / 1024} MB`);
  if (input.allowedFileTypes !== undefined) {
    if (!Array.isArray(input.allowedFileTypes) || input.allowedFileTypes.length === 0)
      throw fieldError('allowedFileTypes', 'needs at least one file type');
    input.allowedFileTypes.forEach((t, i) => {
      if (!(ASSIGNMENT_FILE_TYPES as readonly string[]).includes(t))
        throw fieldError(`allowedFileTypes[${i}]`, `must be one of ${ASSIGNMENT_FILE_TYPES.join(', ')}`);
    });
    out.allowedFileTypes = [...new Set(input.allowedFileTypes)];
  }
  if (input.latePolicy !== undefined && !(ASSIGNMENT_LATE_POLICIES as readonly string[]).includes(input.latePolicy))
    throw fieldError('latePolicy', `must be one of ${ASSIGNMENT_LATE_POLICIES.join(', ')}`);
  if (
    input.latePenaltyPercentPerDay !== undefined &&
    (typeof input.latePenaltyPercentPerDay !== 'number' ||
      !Number.isFinite(input.latePenaltyPercentPerDay) ||
      input.latePenaltyPercentPerDay < 0 ||
      input.latePenaltyPercentPerDay > 100 ||
      Math.round(input.latePenaltyPercentPerDay * 100) !== input.latePenaltyPercentPerDay * 100)
  )
    throw fieldError('latePenaltyPercentPerDay', 'must be a percentage from 0 to 100 with at most two decimals');
  if (
    input.maxPoints !== undefined &&
    (typeof input.maxPoints !== 'number' || !Number.isFinite(input.maxPoints) || input.maxPoints <= 0 || input.maxPoints > 100_000 ||
      Math.round(input.maxPoints * 100) !== input.maxPoints * 100)
  )
    throw fieldError('maxPoints', 'must be more than 0 and at most 100000, with at most two decimals');
  if (input.rubric !== undefined && input.rubric !== null) out.rubric = validateRubric(input.rubric);
  return out;
}

/** The submission kinds must leave the trainee something to hand in. */
export function assertAcceptsSomething(settings: { acceptsText: boolean; acceptsFiles: boolean }): void {
  if (!settings.acceptsText && !settings.acceptsFiles) throw fieldError('acceptsFiles', 'either text or files must be accepted');
}

/** The assignment file type of a file the catalog inspector accepted (its name's extension matches its content). */
export function fileTypeOf(inspectedName: string): AssignmentFileType | null {
  const dot = inspectedName.lastIndexOf('.');
  const ext = dot > 0 ? inspectedName.slice(dot + 1).toLowerCase() : '';
  const canonical = ext === 'jpeg' ? 'jpg' : ext;
  return (ASSIGNMENT_FILE_TYPES as readonly string[]).includes(canonical) ? (canonical as AssignmentFileType) : null;
}

export const ODS_CONTENT_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * OpenDocument spreadsheets, which the catalog inspector does not take: an ODF package starts
 * with an uncompressed `mimetype` entry naming its type.
 */
export function isOdsPackage(content: Buffer): boolean {
  if (content.length < 38 + ODS_CONTENT_TYPE.length || content.readUInt32LE(0) !== 0x04034b50) return false;
  const nameLength = content.readUInt16LE(26);
  const extraLength = content.readUInt16LE(28);
  if (content.subarray(30, 30 + nameLength).toString('latin1') !== 'mimetype') return false;
  const start = 30 + nameLength + extraLength;
  return content.subarray(start, start + ODS_CONTENT_TYPE.length).toString('latin1') === ODS_CONTENT_TYPE;
}

export interface SubmitContext {
  /** Null: not enrolled in a cohort of the course. */
  enrolmentStatus: string | null;
  schedule: EffectiveSchedule;
  latePolicy: LatePolicy;
  allowResubmission: boolean;
  submittedVersions: number;
  now: Date;
}

/** Why a trainee may not submit now, or null when they may. */
export function submitBlock(ctx: SubmitContext): SubmitBlock | null {
  if (ctx.enrolmentStatus === null) return 'not-enrolled';
  if (ctx.enrolmentStatus !== 'active') return 'not-active';
  const { dueAt, closesAt } = ctx.schedule;
  if (closesAt && ctx.now.getTime() > Date.parse(closesAt)) return 'closed';
  if (ctx.latePolicy === 'refuse' && !closesAt && dueAt && ctx.now.getTime() > Date.parse(dueAt)) return 'late-refused';
  if (ctx.submittedVersions > 0 && !ctx.allowResubmission) return 'no-resubmission';
  return null;
}

/** Whole seconds after the due date (0 when on time or there is none). */
export function lateSeconds(dueAt: string | null, now: Date): number {
  if (!dueAt) return 0;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(dueAt)) / 1000));
}

/** Plain text in a submission counts only when something is left besides markup and blanks. */
export function hasText(html: string | null | undefined): boolean {
  if (!html) return false;
  return /\S/.test(html.replace(/<(?!img\b)[^>]*>/gi, '').replace(/&nbsp;/g, ' '));
}
