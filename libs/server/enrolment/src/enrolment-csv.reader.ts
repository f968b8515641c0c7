import { BadRequestException } from '@nestjs/common';
import { isEmail, isISO31661Alpha2, isTimeZone } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
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

interface CsvRecord {
  /** The line the record starts on, counted from 1 with the header included. */
  line: number;
  /** Null when no well-formed record starts on that line. */
  fields: string[] | null;
  unclosedQuote: boolean;
}

/**
 * What csv-parse read is not one row of the line it starts on: a record spanning lines that is not
 * one row of the header's width (its quote counts as never closed), or one that a lone carriage
 * return cut short (the line holds more than one record).
 */
class NotOneRow extends Error {
  constructor(readonly runawayQuote: boolean) {
    super('not one row');
  }
}

const restOfLine = (file: Buffer, offset: number): string => {
  const end = file.indexOf('\n', offset);
  return file.subarray(offset, end === -1 ? file.length : end).toString();
};

const HEADER_UNREADABLE = 'The header row could not be read.';

/**
 * The header and every non-blank record after it, read by csv-parse, each placed by its record info
 * (the bytes read). A record that cannot be read, or that spans lines without being one row of the
 * header's width, is reported on its first line alone and reading goes on at the next line, so one
 * unclosed quote cannot swallow the rest of the file.
 */
function readRecords(file: Buffer): { header: string[]; records: CsvRecord[] } {
  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  let offset = 0; // where the next unread record starts: byte offset and line number
  let line = 1;
  while (offset < file.length) {
    const run = { offset, line };
    try {
      parse(file.subarray(run.offset), {
        trim: true,
        relax_column_count: true,
        record_delimiter: ['\n', '\r'],
        on_record: (fields, { bytes }) => {
          const end = run.offset + bytes;
          const raw = file.subarray(offset, end).toString();
          const breaks = raw.match(/\n(?!$)/g)?.length ?? 0;
          if (breaks && fields.length !== header?.length) throw new NotOneRow(true);
          if (raw.endsWith('\r') && restOfLine(file, offset).trim()) {
            // As a line of its own, a record may end in a carriage return only when nothing but blanks follows.
            const rest = restOfLine(file, end);
            if (rest.trim() || rest.includes('\r')) throw new NotOneRow(false);
          }
          if (raw.trim()) {
            if (header) records.push({ line, fields, unclosedQuote: false });
            else header = fields;
          }
          offset = end;
          line += breaks + (raw.endsWith('\n') ? 1 : 0);
          return null;
        },
      });
      break;
    } catch (e) {
      if (!(e instanceof NotOneRow || e instanceof CsvError)) throw e;
      if (!header) throw fileError(HEADER_UNREADABLE);
      // An odd number of quotes on the line: one was opened and never closed.
      const quotes = restOfLine(file, offset).match(/"/g)?.length ?? 0;
      const ranOn = (e instanceof NotOneRow && e.runawayQuote) || quotes % 2 === 1;
      records.push({ line, fields: null, unclosedQuote: ranOn });
      const next = file.indexOf('\n', offset);
      if (next === -1) break;
      offset = next + 1;
      line += 1;
    }
  }
  if (!header) throw fileError('The file is empty: it needs a header row and one row per person.');
  return { header, records };
}

/**
 * Reads the bulk enrolment file: a header row naming columns from CSV_IMPORT_COLUMNS (`email`
 * required), then one person per row. Problems of the file as a whole (no header, unknown
 * columns, too many rows) are a 400; problems of a row are reported for that row only.
 */
export function readEnrolmentCsv(input: string): EnrolmentCsvEntry[] {
  const text = (input.startsWith('\ufeff') ? input.slice(1) : input).replace(/\r(?=\n|$)/g, '');
  const { header, records } = readRecords(Buffer.from(text));
  const names = header.map((h) => h.toLowerCase());
  const unknown = names.filter((n) => !(CSV_IMPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length)
    throw fileError(`Unknown columns: ${unknown.join(', ')}. Expected: ${CSV_IMPORT_COLUMNS.join(', ')}.`);
  if (new Set(names).size !== names.length) throw fileError('A column appears twice in the header row.');
  if (!names.includes('email')) throw fileError('The header row has no email column.');

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
