import { Injectable, NotFoundException } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { PAGE_LIMIT_DEFAULT, type Page, type RosterEntry, type RosterQuery } from '@aula/contracts';
import { formulaSafe, searchKey, UTF8_BOM } from '@aula/server/core';
import { keysetPage } from '@aula/server/database';
import { AccessPolicy, type Actor } from '@aula/server/identity';
import { EnrolmentPolicy } from './enrolment.policy';
import { decodeKeyset, ENROLMENT_COLUMNS, toEnrolmentSummary, toIso, type EnrolmentRow } from './views';

interface RosterRow extends EnrolmentRow {
  userId: string;
  displayName: string;
  email: string;
  country: string | null;
  region: string | null;
  enrolledAt: Date;
  sortKey: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The people of a cohort, for its tutors and administrators: a page at a time, or as a spreadsheet. */
@Injectable()
export class RosterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EnrolmentPolicy,
  ) {}

  /** By name (accents and case ignored), keyset-paginated. */
  async page(actor: Actor, cohortId: string, query: RosterQuery): Promise<Page<RosterEntry>> {
    await this.assertCanSee(actor, cohortId);
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const rows = await this.rows(cohortId, query, limit + 1);
    return keysetPage(rows, limit, toRosterEntry, (last) => [last.sortKey, last.id]);
  }

  /** The whole roster as CSV: UTF-8 with a BOM (Excel keeps the accents), formulas made inert. */
  async csv(
    actor: Actor,
    cohortId: string,
    query: Pick<RosterQuery, 'status' | 'q'>,
  ): Promise<{ fileName: string; content: string }> {
    const name = await this.assertCanSee(actor, cohortId);
    const rows = await this.rows(cohortId, query, null);
    const records = rows.map((r) =>
      [
        r.displayName,
        r.email,
        r.status,
        r.progressPercent,
        toIso(r.lastActivityAt),
        toIso(r.completedAt),
        toIso(r.enrolledAt),
        r.country,
        r.region,
      ].map(formulaSafe),
    );
    const content = stringify(records, {
      header: true,
      columns: [
        'name',
        'email',
        'status',
        'progress_percent',
        'last_activity_at',
        'completed_at',
        'enrolled_at',
        'country',
        'region',
      ],
      record_delimiter: 'windows',
    });
    const slug =
      searchKey(name)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'cohort';
    return { fileName: `roster-${slug}.csv`, content: UTF8_BOM + content };
  }

  private async assertCanSee(actor: Actor, cohortId: string): Promise<string> {
    // Trainees get their 403 before learning whether the cohort exists.
    AccessPolicy.assertRole(actor, 'admin', 'tutor');
    const [cohort] = (await this.dataSource.query('SELECT name FROM cohorts WHERE id = $1', [cohortId])) as {
      name: string;
    }[];
    if (!cohort) throw new NotFoundException();
    await this.policy.assertCanManageCohort(actor, cohortId);
    return cohort.name;
  }

  private rows(
    cohortId: string,
    query: Pick<RosterQuery, 'status' | 'q' | 'cursor'>,
    limit: number | null,
  ): Promise<RosterRow[]> {
    const params: unknown[] = [cohortId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['e.cohort_id = $1'];
    if (query.status) where.push(`e.status = ${param(query.status)}::enrolment_status`);
    const words = query.q ? searchKey(query.q).split(' ').filter(Boolean).slice(0, 5) : [];
    for (const word of words) where.push(`u.search_text LIKE ${param(`%${escapeLike(word)}%`)}`);
    if (query.cursor) {
      const [key, id] = decodeKeyset(query.cursor);
      where.push(`(u.search_text, e.id) > (${param(key)}, ${param(id)}::uuid)`);
    }
    return this.dataSource.query(
      `SELECT ${ENROLMENT_COLUMNS}, u.id AS "userId", u.display_name AS "displayName", u.email, u.country, u.region,
              e.created_at AS "enrolledAt", u.search_text AS "sortKey"
         FROM enrolments e JOIN users u ON u.id = e.user_id
        WHERE ${where.join(' AND ')}
        ORDER BY u.search_text, e.id
        LIMIT ${param(limit)}`,
      params,
    ) as Promise<RosterRow[]>;
  }
}

function toRosterEntry(row: RosterRow): RosterEntry {
  return {
    ...toEnrolmentSummary(row),
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    country: row.country,
    region: row.region,
    enrolledAt: row.enrolledAt.toISOString(),
  };
}
