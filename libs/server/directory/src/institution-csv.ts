import { BadRequestException, HttpException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { EntityManager, In, Repository } from 'typeorm';
import {
  DIRECTORY_CSV_OUTCOMES,
  INSTITUTION_CSV_COLUMNS,
  INSTITUTION_CSV_MAX_ROWS,
  INSTITUTION_NAME_TYPES,
  INSTITUTION_STATUSES,
  type DirectoryCsvOutcome,
  type DirectoryImportReport,
  type InstitutionInput,
  type InstitutionKind,
  type InstitutionName,
  type InstitutionNameType,
  type InstitutionStatus,
  type StakeholderSector,
} from '@aula/contracts';
import { formulaSafe, UTF8_BOM } from '@aula/server/core';
import { DirectoryAudit } from './directory-audit.entity';
import { Institution } from './institution.entity';
import { InstitutionService } from './institution.service';
import { Region } from './region.entity';

type Column = (typeof INSTITUTION_CSV_COLUMNS)[number];

/** Columns a file must have: what an institution cannot be without. */
const REQUIRED: Column[] = ['official_name', 'kind', 'country'];

// ---- the `other_names` cell: `value|lang|type` entries separated by `;`, `\` escaping either ----

const escapePart = (text: string) => text.replace(/[\\|;]/g, (c) => `\\${c}`);

function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** Splits on unescaped separators, keeping escapes for the next level. */
function splitKeepingEscapes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[++i];
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

export function formatOtherNames(names: InstitutionName[]): string {
  return names.map((n) => [n.value, n.lang ?? '', n.type].map(escapePart).join('|')).join(';');
}

/** The names of an `other_names` cell; throws a message naming the entry when one cannot be read. */
export function parseOtherNames(cell: string): InstitutionName[] {
  if (!cell.trim()) return [];
  return splitKeepingEscapes(cell, ';')
    .filter((entry) => entry.trim())
    .map((entry, index) => {
      const [value = '', lang = '', type = 'alias', ...rest] = splitEscaped(entry, '|').map((p) => p.trim());
      if (rest.length || !value)
        throw new Error(`other_names entry ${index + 1} must be written value|language|type`);
      if (!(INSTITUTION_NAME_TYPES as readonly string[]).includes(type))
        throw new Error(
          `other_names entry ${index + 1} has type "${type}"; use one of ${INSTITUTION_NAME_TYPES.join(', ')}`,
        );
      return { value, lang: lang ? lang.toLowerCase() : null, type: type as InstitutionNameType };
    });
}

/**
 * A cell as written, without the apostrophe the export puts before text a spreadsheet would run
 * as a formula (see formulaSafe), so what was exported reads back as it was.
 */
export function unFormulaSafe(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

// ---- writing ----

/** What a row of the file says about one institution. */
export interface InstitutionCsvRecord {
  id: string;
  names: InstitutionName[];
  kind: InstitutionKind;
  sector: StakeholderSector | null;
  country: string;
  regionSlug: string | null;
  website: string | null;
  established: number | null;
  ror: string | null;
  orgId: string | null;
  wikidata: string | null;
  parentIds: string[];
  status: InstitutionStatus;
  public: boolean;
}

/** The first official name and the first acronym have columns of their own; every other name goes in `other_names`. */
function splitNames(names: InstitutionName[]): {
  official: InstitutionName | null;
  acronym: InstitutionName | null;
  others: InstitutionName[];
} {
  const official = names.find((n) => n.type === 'official') ?? null;
  const acronym = names.find((n) => n.type === 'acronym') ?? null;
  return { official, acronym, others: names.filter((n) => n !== official && n !== acronym) };
}

/** The file: UTF-8 with a byte order mark, header first, every cell formula-safe. */
export function writeInstitutionsCsv(records: InstitutionCsvRecord[]): string {
  const rows = records.map((r) => {
    const { official, acronym, others } = splitNames(r.names);
    const cells: Record<Column, string | number | null> = {
      id: r.id,
      official_name: official?.value ?? '',
      acronym: acronym?.value ?? '',
      other_names: formatOtherNames(others),
      kind: r.kind,
      sector: r.sector,
      country: r.country,
      region: r.regionSlug,
      website: r.website,
      established: r.established,
      ror: r.ror,
      org_id: r.orgId,
      wikidata: r.wikidata,
      parent_id: r.parentIds.join(';'),
      status: r.status,
      public: r.public ? 'true' : 'false',
    };
    return INSTITUTION_CSV_COLUMNS.map((c) => formulaSafe(cells[c]));
  });
  return UTF8_BOM + stringify([[...INSTITUTION_CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}

// ---- reading ----

/** One row as read: its line (counted from 1 with the header), and its cells by column (absent columns absent). */
export interface InstitutionCsvRow {
  line: number;
  cells: Partial<Record<Column, string>>;
  /** How many fields the row has (the header's count when well formed). */
  width: number;
}

function fileError(message: string): BadRequestException {
  return new BadRequestException({ message, errors: [{ path: 'body', message }] });
}

/**
 * Reads the file: a header naming columns of INSTITUTION_CSV_COLUMNS (official_name, kind and
 * country required; the others may be left out, which leaves those fields as they are), then one
 * institution per row. Problems of the file as a whole are a 400 naming `body`.
 */
export function readInstitutionsCsv(text: string): InstitutionCsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    if (e instanceof CsvError)
      throw fileError(`The file is not valid CSV: ${e.message.replace(/^Invalid \w+: /, '')}`);
    throw e;
  }
  const [header, ...rest] = records;
  if (!header) throw fileError('The file is empty: it needs a header row and one row per institution.');
  const names = header.record.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(INSTITUTION_CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length)
    throw fileError(
      `Unknown columns: ${unknown.join(', ')}. Expected: ${INSTITUTION_CSV_COLUMNS.join(', ')}.`,
    );
  if (new Set(names).size !== names.length) throw fileError('A column appears twice in the header row.');
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) throw fileError(`The header row has no ${missing.join(', ')} column.`);
  if (rest.length > INSTITUTION_CSV_MAX_ROWS)
    throw fileError(
      `The file has ${rest.length} rows; at most ${INSTITUTION_CSV_MAX_ROWS} can be imported at once.`,
    );
  return rest.map(({ record, info }) => {
    const cells: Partial<Record<Column, string>> = {};
    names.forEach((name, i) => {
      cells[name as Column] = unFormulaSafe((record[i] ?? '').trim());
    });
    return { line: info.lines, cells, width: record.length };
  });
}

// ---- the import and export ----

class RowFailure extends Error {}
class DryRun extends Error {}

/** Where a service error names a field, the column that holds it. */
const COLUMN_OF: [RegExp, string][] = [
  [/^names\.\d+\.(value|lang|type)$|^names$/, 'names'],
  [/^identifiers\.ror$/, 'ror'],
  [/^identifiers\.orgId$/, 'org_id'],
  [/^identifiers\.wikidata$/, 'wikidata'],
  [/^regionId$/, 'region'],
  [/^relationships.*|^parent_id$/, 'parent_id'],
];

function rowMessage(error: unknown): string | null {
  if (error instanceof RowFailure) return error.message;
  if (!(error instanceof HttpException) || error.getStatus() >= 500) return null;
  const body = error.getResponse() as { message?: string; errors?: { path: string; message: string }[] };
  const first = body.errors?.[0];
  if (!first) return body.message ?? error.message;
  const column = COLUMN_OF.find(([pattern]) => pattern.test(first.path))?.[1] ?? first.path;
  return `${column} ${first.message}`;
}

type Snapshot = string;

/** Administrators' CSV of institutions: export every record, import creations and updates row by row. */
@Injectable()
export class InstitutionCsvService {
  constructor(
    @InjectRepository(Institution) private readonly institutions: Repository<Institution>,
    private readonly service: InstitutionService,
  ) {}

  /** Every institution, by primary name. */
  async export(): Promise<{ fileName: string; content: string }> {
    const records = await this.records(this.institutions.manager);
    return {
      fileName: `institutions-${new Date().toISOString().slice(0, 10)}.csv`,
      content: writeInstitutionsCsv(records),
    };
  }

  /**
   * Applies each row on its own (a bad row never stops the file nor half-applies): an `id` updates
   * that institution, no id creates one. With `dryRun`, nothing is saved and the report says what
   * would happen. One audit row records the import.
   */
  async import(csv: string, actorId: string | null, dryRun = false): Promise<DirectoryImportReport> {
    const rows = readInstitutionsCsv(csv);
    const regions = new Map(
      (await this.institutions.manager.find(Region, { select: { id: true, slug: true } })).flatMap((r) => [
        [r.slug, r.id],
        [r.id, r.id],
      ]),
    );
    const report: DirectoryImportReport = {
      rows: [],
      counts: Object.fromEntries(DIRECTORY_CSV_OUTCOMES.map((o) => [o, 0])) as Record<
        DirectoryCsvOutcome,
        number
      >,
    };
    for (const row of rows) {
      const name = row.cells.official_name ?? '';
      let outcome: { outcome: DirectoryCsvOutcome; id?: string; message?: string };
      try {
        outcome = await this.importRow(row, regions, actorId, dryRun);
      } catch (error) {
        const message = rowMessage(error);
        if (message === null) throw error;
        outcome = { outcome: 'failed', id: row.cells.id || undefined, message };
      }
      report.rows.push({ line: row.line, name, ...outcome });
      report.counts[outcome.outcome]++;
    }
    if (!dryRun)
      await this.institutions.manager.save(
        this.institutions.manager.create(DirectoryAudit, {
          action: 'import',
          actorId,
          subjectId: null,
          details: { counts: report.counts },
        }),
      );
    return report;
  }

  private async importRow(
    row: InstitutionCsvRow,
    regions: Map<string, string>,
    actorId: string | null,
    dryRun: boolean,
  ): Promise<{ outcome: DirectoryCsvOutcome; id?: string; message?: string }> {
    const cells = row.cells;
    if (row.width !== Object.keys(cells).length)
      throw new RowFailure(`has ${row.width} fields; the header has ${Object.keys(cells).length}`);
    const id = cells.id ?? '';
    if (id && !isUUID(id))
      throw new RowFailure('id must be the id of an institution (a UUID), or empty to create one');
    let result: { outcome: DirectoryCsvOutcome; id?: string } | undefined;
    try {
      await this.institutions.manager.transaction(async (em) => {
        const existing = id
          ? await em.findOne(Institution, { where: { id }, lock: { mode: 'pessimistic_write' } })
          : null;
        if (id && !existing) throw new RowFailure('id is not a known institution');
        const before = existing ? await this.snapshot(existing.id, em) : null;
        const input = this.inputOf(cells, existing, regions);
        const status = this.statusOf(cells.status, existing);
        let savedId: string;
        if (existing) {
          await this.service.update(existing.id, input, actorId, em);
          savedId = existing.id;
        } else {
          savedId = (await this.service.create(input as InstitutionInput, actorId, em)).id;
        }
        if (status !== undefined) await em.update(Institution, { id: savedId }, { status });
        if (cells.parent_id !== undefined)
          await this.service.replaceParents(savedId, this.parentIdsOf(cells.parent_id), em);
        const after = await this.snapshot(savedId, em);
        result = {
          outcome: existing ? (before === after ? 'unchanged' : 'updated') : 'created',
          id: savedId,
        };
        // An unchanged row is rolled back too, so its update time stays as it was.
        if (dryRun || result.outcome === 'unchanged') throw new DryRun();
      });
    } catch (e) {
      if (!(e instanceof DryRun)) throw e;
    }
    if (!result) throw new RowFailure('could not be imported');
    return dryRun && result.outcome === 'created' ? { outcome: 'created' } : result;
  }

  /** The input of a row: absent columns leave fields as they are; empty cells clear optional ones. */
  private inputOf(
    cells: InstitutionCsvRow['cells'],
    existing: Institution | null,
    regions: Map<string, string>,
  ): Partial<InstitutionInput> {
    const input: Partial<InstitutionInput> = {};
    const orNull = (v: string | undefined) => (v === undefined ? undefined : v || null);
    if (cells.official_name !== undefined || cells.acronym !== undefined || cells.other_names !== undefined) {
      const previous = splitNames(existing?.names ?? []);
      const officialValue = cells.official_name ?? previous.official?.value ?? '';
      const acronymValue = cells.acronym ?? previous.acronym?.value ?? '';
      let others: InstitutionName[];
      try {
        others = cells.other_names === undefined ? previous.others : parseOtherNames(cells.other_names);
      } catch (e) {
        throw new RowFailure((e as Error).message);
      }
      // The two name columns carry no language: the one the name had is kept while the name stays the same.
      const keepLang = (value: string, was: InstitutionName | null) =>
        was && was.value === value ? was.lang : null;
      input.names = [
        ...(officialValue
          ? [
              {
                value: officialValue,
                lang: keepLang(officialValue, previous.official),
                type: 'official' as const,
              },
            ]
          : []),
        ...(acronymValue
          ? [
              {
                value: acronymValue,
                lang: keepLang(acronymValue, previous.acronym),
                type: 'acronym' as const,
              },
            ]
          : []),
        ...others,
      ];
      if (!officialValue) throw new RowFailure('official_name is required');
    }
    if (cells.kind !== undefined) input.kind = cells.kind as InstitutionKind;
    if (cells.sector !== undefined) input.sector = (cells.sector || null) as StakeholderSector | null;
    if (cells.country !== undefined) input.country = cells.country.toUpperCase();
    if (cells.region !== undefined) {
      if (cells.region && !regions.has(cells.region))
        throw new RowFailure('region is not a known region (give its slug)');
      input.regionId = cells.region ? regions.get(cells.region) : null;
    }
    if (cells.website !== undefined) input.website = orNull(cells.website);
    if (cells.established !== undefined) {
      if (cells.established && !/^\d{1,4}$/.test(cells.established))
        throw new RowFailure('established must be a year');
      input.established = cells.established ? Number(cells.established) : null;
    }
    if (cells.ror !== undefined || cells.org_id !== undefined || cells.wikidata !== undefined)
      input.identifiers = {
        ...(cells.ror !== undefined ? { ror: orNull(cells.ror) } : {}),
        ...(cells.org_id !== undefined ? { orgId: orNull(cells.org_id) } : {}),
        ...(cells.wikidata !== undefined ? { wikidata: orNull(cells.wikidata) } : {}),
      };
    if (cells.public !== undefined && cells.public !== '') {
      const value = cells.public.toLowerCase();
      if (!['true', 'false', 'yes', 'no', '1', '0'].includes(value))
        throw new RowFailure('public must be true or false');
      input.public = ['true', 'yes', '1'].includes(value);
    }
    return input;
  }

  private statusOf(cell: string | undefined, existing: Institution | null): InstitutionStatus | undefined {
    if (cell === undefined || cell === '') return existing ? undefined : 'active';
    const status = cell.toLowerCase();
    if (!(INSTITUTION_STATUSES as readonly string[]).includes(status))
      throw new RowFailure(`status must be one of ${INSTITUTION_STATUSES.join(', ')}`);
    return status as InstitutionStatus;
  }

  private parentIdsOf(cell: string): string[] {
    const ids = [
      ...new Set(
        cell
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (ids.some((id) => !isUUID(id)))
      throw new RowFailure('parent_id must hold institution ids separated by ;');
    return ids;
  }

  /** Everything a row can change, in one string, to tell an unchanged row from an update. */
  private async snapshot(id: string, em: EntityManager): Promise<Snapshot> {
    const [record] = await this.records(em, [id]);
    return JSON.stringify(record);
  }

  private async records(em: EntityManager, ids?: string[]): Promise<InstitutionCsvRecord[]> {
    const institutions = await em.find(Institution, {
      where: ids ? { id: In(ids) } : {},
      order: { primaryName: 'ASC', id: 'ASC' },
    });
    const regionIds = [...new Set(institutions.map((i) => i.regionId).filter((r): r is string => !!r))];
    const slugs = new Map(
      (regionIds.length
        ? await em.find(Region, { select: { id: true, slug: true }, where: { id: In(regionIds) } })
        : []
      ).map((r) => [r.id, r.slug]),
    );
    const parents = new Map<string, string[]>();
    const links = (await em.query(
      `SELECT institution_id AS id, related_id AS parent FROM institution_relationships WHERE type = 'parent'${ids ? ' AND institution_id = ANY($1::uuid[])' : ''} ORDER BY related_id`,
      ids ? [ids] : [],
    )) as { id: string; parent: string }[];
    for (const link of links) parents.set(link.id, [...(parents.get(link.id) ?? []), link.parent]);
    return institutions.map((i) => ({
      id: i.id,
      names: i.names,
      kind: i.kind,
      sector: i.sector,
      country: i.country.trim(),
      regionSlug: i.regionId ? (slugs.get(i.regionId) ?? null) : null,
      website: i.website,
      established: i.established,
      ror: i.ror,
      orgId: i.orgId,
      wikidata: i.wikidata,
      parentIds: parents.get(i.id) ?? [],
      status: i.status,
      public: i.public,
    }));
  }
}
