import { BadRequestException, Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import {
  GRADE_IMPORT_MAX_ROWS,
  LOCALES,
  type GradebookItem,
  type GradeImportProblem,
  type GradeImportReport,
  type Locale,
} from '@aula/contracts';
import { formulaSafe, normaliseEmail, pickText, searchKey, UTF8_BOM } from '@aula/server/core';
import { EnrolmentService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { GradeService } from '../grading/grade.service';
import { GradebookService } from './gradebook.service';

/** Columns of the export that the import reads past (so an exported file can be sent back as it is). */
export const GRADEBOOK_CSV_INFO_COLUMNS = ['name', 'total_percent', 'passed'] as const;

const UUID_IN_BRACKETS = /\[([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]\s*$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A score as people type it: digits with an optional decimal point or comma, at most two decimals. */
const SCORE = /^\d{1,8}(?:[.,]\d{1,2})?$/;

/** Header of an item's column in the export: its title, then its activity id in brackets. */
export function itemHeader(item: GradebookItem, locale: Locale, fallback: Locale): string {
  return `${pickText(item.title, locale, fallback).text} [${item.activityId}]`;
}

/**
 * Which item a header names: `Title [activity id]` (as exported), a bare activity id, or the
 * item's title in any language when exactly one item has it. null: no item.
 */
export function matchItemHeader(header: string, items: GradebookItem[]): GradebookItem | null {
  const text = header.trim();
  const id = UUID.test(text) ? text : UUID_IN_BRACKETS.exec(text)?.[1];
  if (id) return items.find((i) => i.activityId.toLowerCase() === id.toLowerCase()) ?? null;
  const wanted = text.toLocaleLowerCase();
  const found = items.filter((i) => LOCALES.some((l) => i.title[l]?.trim().toLocaleLowerCase() === wanted));
  return found.length === 1 ? found[0] : null;
}

function fileError(message: string): BadRequestException {
  return new BadRequestException({ message, errors: [{ path: 'file', message }] });
}

/**
 * The gradebook as a spreadsheet, and scores coming back from one (offline marking). An import
 * is read and checked in full first; one problem anywhere and nothing is written. Scores are
 * saved through {@link GradeService.saveMark} (action `import`, status ready), so the audit trail
 * records each one and a released grade stays released with its new mark.
 */
@Injectable()
export class GradebookCsvService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gradebook: GradebookService,
    private readonly grades: GradeService,
    private readonly enrolments: EnrolmentService,
  ) {}

  /**
   * UTF-8 with a BOM, formula-safe. Columns: name, email, one per item headed `Title [activity
   * id]` with its points (unreleased marks included), total_percent (released grades only), passed.
   */
  async export(
    actor: Actor,
    cohortId: string,
    locale?: Locale,
  ): Promise<{ fileName: string; content: string }> {
    const head = await this.gradebook.head(actor, cohortId);
    const { rows } = await this.gradebook.rows(this.dataSource.manager, cohortId, head, {});
    const lang = locale ?? head.defaultLocale;
    const columns = [
      'name',
      'email',
      ...head.items.map((i) => itemHeader(i, lang, head.defaultLocale)),
      'total_percent',
      'passed',
    ];
    const records = rows.map((r) => [
      r.displayName,
      r.email,
      ...r.points,
      r.totalPercent,
      r.passed === null ? '' : r.passed ? 'yes' : 'no',
    ]);
    const content = stringify(
      [columns, ...records].map((record) => record.map(formulaSafe)),
      {
        record_delimiter: 'windows',
      },
    );
    const slug =
      searchKey(head.cohortName)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'cohort';
    return { fileName: `gradebook-${slug}.csv`, content: UTF8_BOM + content };
  }

  async import(actor: Actor, cohortId: string, csv: string): Promise<GradeImportReport> {
    const head = await this.gradebook.head(actor, cohortId);
    let records: { record: string[]; info: { lines: number } }[];
    try {
      records = parse(csv, {
        bom: true,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as unknown as typeof records;
    } catch (error) {
      throw fileError(`The file could not be read as CSV: ${(error as Error).message}`);
    }
    if (records.length === 0)
      throw fileError('The file is empty: it needs a header row and one row per trainee.');
    if (records.length - 1 > GRADE_IMPORT_MAX_ROWS)
      throw fileError(`The file has more than ${GRADE_IMPORT_MAX_ROWS} rows.`);

    const errors: GradeImportProblem[] = [];
    const [header, ...data] = records;
    const headerLine = header.info.lines;
    let emailColumn = -1;
    const itemColumns: { column: number; item: GradebookItem; header: string }[] = [];
    const usedItems = new Set<string>();
    header.record.forEach((name, column) => {
      const key = name.trim().toLowerCase();
      if (key === 'email') {
        if (emailColumn !== -1)
          errors.push({
            row: headerLine,
            email: '',
            field: name,
            code: 'duplicate-column',
            problem: 'appears twice',
          });
        emailColumn = column;
        return;
      }
      if ((GRADEBOOK_CSV_INFO_COLUMNS as readonly string[]).includes(key)) return;
      const item = matchItemHeader(name, head.items);
      if (!item) {
        errors.push({
          row: headerLine,
          email: '',
          field: name,
          code: 'unknown-column',
          problem: 'names no graded item of this course (use the title or the activity id)',
        });
      } else if (usedItems.has(item.activityId)) {
        errors.push({
          row: headerLine,
          email: '',
          field: name,
          code: 'duplicate-column',
          problem: 'names an item that already has a column',
        });
      } else {
        usedItems.add(item.activityId);
        itemColumns.push({ column, item, header: name });
      }
    });
    if (emailColumn === -1)
      errors.push({
        row: headerLine,
        email: '',
        field: 'email',
        code: 'no-email-column',
        problem: 'the header row has no email column',
      });
    if (errors.length) return { applied: false, rows: data.length, changed: 0, unchanged: 0, errors };

    const enrolments = await this.enrolments.participantEmails(cohortId);
    const byEmail = new Map(enrolments.map((e) => [e.email, e.id]));
    const seenEmails = new Map<string, number>();
    const scores: { enrolmentId: string; activityId: string; points: number }[] = [];
    for (const { record, info } of data) {
      const row = info.lines;
      const email = record[emailColumn] ?? '';
      const key = normaliseEmail(email);
      const enrolmentId = byEmail.get(key);
      if (!key) {
        errors.push({ row, email, field: 'email', code: 'empty-email', problem: 'is empty' });
        continue;
      }
      if (!enrolmentId) {
        errors.push({
          row,
          email,
          field: 'email',
          code: 'not-in-cohort',
          problem: 'is not a trainee of this cohort',
        });
        continue;
      }
      const first = seenEmails.get(key);
      if (first !== undefined) {
        errors.push({
          row,
          email,
          field: 'email',
          code: 'duplicate-email',
          problem: `appears again (first on row ${first})`,
        });
        continue;
      }
      seenEmails.set(key, row);
      for (const { column, item, header: field } of itemColumns) {
        const cell = (record[column] ?? '').trim();
        if (cell === '') continue;
        if (!SCORE.test(cell)) {
          errors.push({
            row,
            email,
            field,
            code: 'not-a-number',
            problem: 'is not a number (at most two decimals)',
          });
          continue;
        }
        const points = Number(cell.replace(',', '.'));
        if (points > item.maxPoints) {
          errors.push({
            row,
            email,
            field,
            code: 'out-of-range',
            problem: `must be between 0 and ${item.maxPoints}`,
            max: item.maxPoints,
          });
          continue;
        }
        scores.push({ enrolmentId, activityId: item.activityId, points });
      }
    }
    if (errors.length) return { applied: false, rows: data.length, changed: 0, unchanged: 0, errors };

    let changed = 0;
    let unchanged = 0;
    await this.dataSource.transaction(async (em) => {
      for (const score of scores) {
        const key = { activityId: score.activityId, enrolmentId: score.enrolmentId };
        const current = await this.grades.lock(em, key);
        if (current && current.version > 0 && current.points === score.points) {
          unchanged += 1;
          continue;
        }
        await this.grades.saveMark(
          em,
          actor,
          key,
          { rawPoints: score.points },
          {
            expectedVersion: current && current.version > 0 ? current.version : null,
            status: 'ready',
            action: 'import',
          },
        );
        changed += 1;
      }
    });
    return { applied: true, rows: data.length, changed, unchanged, errors: [] };
  }
}
