import { BadRequestException } from '@nestjs/common';
import { isEmail, isISO31661Alpha2, isTimeZone } from 'class-validator';
import { parse } from 'csv-parse/sync';
import {
  CSV_IMPORT_COLUMNS,
  CSV_IMPORT_MAX_ROWS,
  DISPLAY_NAME_MAX_LENGTH,
  LOCALES,
  type Locale,
} from '@aula/contracts';
import { normaliseEmail } from '@aula/server/core';

type Column = (typeof CSV_IMPORT_COLUMNS)[number];

/** One person to enrol, as read from the file (line numbers count from 1, the header included). */
export interface EnrolmentCsvRow {
  line: number;
  email: string;
  displayName: string | null;
  locale: Locale | null;
  timeZone: string | null;
  country: string | null;
  organisation: string | null;
  region: string | null;
}

export type EnrolmentCsvEntry =
  { ok: true; row: EnrolmentCsvRow } | { ok: false; line: number; email: string; message: string };

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
const LIMITS: Partial<Record<Column, number>> = {
  display_name: DISPLAY_NAME_MAX_LENGTH,
  organisation: 160,
  region: 120,
};

function fileError(message: string): BadRequestException {
  return new BadRequestException({ message, errors: [{ path: 'body', message }] });
}

/** The fields of exactly one CSV record; null when the text is not one well-formed record. */
function parseRecord(text: string): string[] | null {
  try {
    const records = parse(text, { relax_column_count: true, trim: true }) as string[][];
    return records.length === 1 ? records[0] : null;
  } catch {
    return null;
  }
}

/**
 * Reads the bulk enrolment file: a header row naming columns from CSV_IMPORT_COLUMNS (`email`
 * required), then one person per row. Problems of the file as a whole (no header, unknown
 * columns, too many rows) are a 400; problems of a row are reported for that row only.
 */
export function readEnrolmentCsv(input: string): EnrolmentCsvEntry[] {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let i = lines.findIndex((l) => l.trim());
  if (i === -1) throw fileError('The file is empty: it needs a header row and one row per person.');
  const names = parseRecord(lines[i])?.map((h) => h.toLowerCase());
  if (!names) throw fileError('The header row could not be read.');
  const unknown = names.filter((n) => !(CSV_IMPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length)
    throw fileError(`Unknown columns: ${unknown.join(', ')}. Expected: ${CSV_IMPORT_COLUMNS.join(', ')}.`);
  if (new Set(names).size !== names.length) throw fileError('A column appears twice in the header row.');
  if (!names.includes('email')) throw fileError('The header row has no email column.');

  // A quoted field is still open at the end of a line when the line holds an odd number of quotes
  // ("" escapes count two), and closes at the next line that is odd too. nextOdd[k] is the first
  // such line at or after k (-1: none), computed once so a file full of stray quotes stays linear.
  const odd = lines.map((l) => (l.match(/"/g)?.length ?? 0) % 2 === 1);
  const nextOdd = new Array<number>(lines.length + 1).fill(-1);
  for (let k = lines.length - 1; k >= 0; k--) nextOdd[k] = odd[k] ? k : nextOdd[k + 1];

  // A record spanning lines is kept only when it reads as one row of the header's width;
  // otherwise its first line is reported alone and reading goes on at the next line, so one
  // unclosed quote cannot swallow the rest of the file.
  const records: { line: number; fields: string[] | null; unclosedQuote: boolean }[] = [];
  for (i += 1; i < lines.length;) {
    if (!lines[i].trim()) {
      i += 1;
    } else if (!odd[i]) {
      records.push({ line: i + 1, fields: parseRecord(lines[i]), unclosedQuote: false });
      i += 1;
    } else {
      const end = nextOdd[i + 1];
      const fields = end === -1 ? null : parseRecord(lines.slice(i, end + 1).join('\n'));
      if (fields && fields.length === names.length) {
        records.push({ line: i + 1, fields, unclosedQuote: false });
        i = end + 1;
      } else {
        records.push({ line: i + 1, fields: null, unclosedQuote: true });
        i += 1;
      }
    }
  }
  if (records.length > CSV_IMPORT_MAX_ROWS)
    throw fileError(
      `The file has ${records.length} rows; at most ${CSV_IMPORT_MAX_ROWS} can be imported at once.`,
    );

  const seen = new Map<string, number>();
  return records.map((record): EnrolmentCsvEntry => {
    const fail = (message: string, email = ''): EnrolmentCsvEntry => ({
      ok: false,
      line: record.line,
      email,
      message,
    });
    if (record.unclosedQuote) return fail('has a quote that is never closed');
    const fields = record.fields;
    if (!fields) return fail('is not valid CSV (check the quotes)');
    const cell = (column: Column): string => {
      const index = names.indexOf(column);
      return index === -1 ? '' : (fields[index] ?? '');
    };
    const rawEmail = cell('email');
    if (fields.length !== names.length)
      return fail(`has ${fields.length} fields; the header has ${names.length}`, rawEmail);
    const email = normaliseEmail(rawEmail);
    if (!email) return fail('has no email');
    if (email.length > 254 || !isEmail(email)) return fail('email is not a valid email address', rawEmail);
    const earlier = seen.get(email);
    if (earlier !== undefined) return fail(`repeats the email of line ${earlier}`, email);
    seen.set(email, record.line);

    for (const column of ['display_name', 'organisation', 'region'] as const) {
      const value = cell(column);
      if (!PRINTABLE.test(value)) return fail(`${column} must be text without line breaks`, email);
      if (value.length > (LIMITS[column] ?? 0))
        return fail(`${column} is longer than ${LIMITS[column]} characters`, email);
    }
    const locale = cell('locale').toLowerCase();
    if (locale && !(LOCALES as readonly string[]).includes(locale))
      return fail(`locale must be one of ${LOCALES.join(', ')}`, email);
    const timeZone = cell('time_zone');
    if (timeZone && !isTimeZone(timeZone))
      return fail('time_zone must be an IANA time zone such as America/Bogota', email);
    const country = cell('country').toUpperCase();
    if (country && !isISO31661Alpha2(country))
      return fail('country must be a two-letter country code', email);

    return {
      ok: true,
      row: {
        line: record.line,
        email,
        displayName: cell('display_name') || null,
        locale: (locale || null) as Locale | null,
        timeZone: timeZone || null,
        country: country || null,
        organisation: cell('organisation') || null,
        region: cell('region') || null,
      },
    };
  });
}
