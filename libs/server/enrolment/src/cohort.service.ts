import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ENROLMENT_STATUSES,
  PAGE_LIMIT_DEFAULT,
  type CohortInput,
  type CohortUpdate,
  type CohortView,
  type EnrolmentStatus,
  type Locale,
  type Page,
  type Translations,
} from '@aula/contracts';
import { fieldError, pickText } from '@aula/server/core';
import { keysetPage } from '@aula/server/database';
import { CatalogReader } from '@aula/server/catalog';
import { AccessPolicy, IdentityReader, type Actor } from '@aula/server/identity';
import { EnrolmentPolicy } from './enrolment.policy';
import { EnrolmentService } from './enrolment.service';
import { isIsoDate } from './dates';
import { COHORT_COLUMNS, decodeKeyset, toCohortSummary, type CohortRow } from './views';

export interface CohortListQuery {
  courseId?: string;
  limit?: number;
  cursor?: string;
}

interface CohortViewRow extends CohortRow {
  courseId: string;
  courseTitle: Translations;
  courseLocale: Locale;
  tutors: { id: string; displayName: string }[];
  counts: Partial<Record<EnrolmentStatus, number>>;
}

/** Everything a CohortView shows, for the cohorts matching `where` (alias c, course co). */
const VIEW_SELECT = `SELECT ${COHORT_COLUMNS}, c.course_id AS "courseId", co.title AS "courseTitle", co.default_locale AS "courseLocale",
       (SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name, u.id), '[]')
          FROM cohort_tutors ct JOIN users u ON u.id = ct.user_id WHERE ct.cohort_id = c.id) AS tutors,
       (SELECT coalesce(json_object_agg(s.status, s.n), '{}')
          FROM (SELECT e.status, count(*)::int AS n FROM enrolments e WHERE e.cohort_id = c.id GROUP BY e.status) s) AS counts
  FROM cohorts c JOIN courses co ON co.id = c.course_id`;

/** Cohorts: one run of a course, with dates in its own time zone, capacity and tutors. */
@Injectable()
export class CohortService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EnrolmentPolicy,
    private readonly enrolments: EnrolmentService,
    private readonly catalog: CatalogReader,
    private readonly people: IdentityReader,
  ) {}

  async create(actor: Actor, input: CohortInput): Promise<CohortView> {
    AccessPolicy.assertRole(actor, 'admin');
    assertDateOrder(input.startDate, input.endDate);
    await this.assertTimeZoneKnown(input.timeZone);
    const id = await this.dataSource.transaction(async (em) => {
      if (!(await this.catalog.findCourse(input.courseId, em))) throw fieldError('courseId', 'is not a known course');
      const tutorIds = [...new Set(input.tutorIds ?? [])];
      await this.assertTutors(em, tutorIds);
      const [created] = (await em.query(
        `INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone, capacity, enrolment_mode)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          input.courseId,
          input.name.trim(),
          input.startDate,
          input.endDate,
          input.timeZone,
          input.capacity,
          input.enrolmentMode,
        ],
      )) as { id: string }[];
      await this.writeTutors(em, created.id, tutorIds);
      return created.id;
    });
    return this.get(actor, id);
  }

  /** Changes dates, capacity or mode; seats that a raised capacity frees go to the waiting list at once. */
  async update(actor: Actor, cohortId: string, change: CohortUpdate): Promise<CohortView> {
    AccessPolicy.assertRole(actor, 'admin');
    if (change.timeZone !== undefined) await this.assertTimeZoneKnown(change.timeZone);
    await this.dataSource.transaction(async (em) => {
      const cohort = await this.enrolments.lockCohort(em, cohortId);
      if (!cohort) throw new NotFoundException('No such cohort.');
      const next = {
        name: change.name?.trim() ?? cohort.name,
        startDate: change.startDate ?? cohort.startDate,
        endDate: change.endDate ?? cohort.endDate,
        timeZone: change.timeZone ?? cohort.timeZone,
        capacity: change.capacity === undefined ? cohort.capacity : change.capacity,
        enrolmentMode: change.enrolmentMode ?? cohort.enrolmentMode,
      };
      assertDateOrder(next.startDate, next.endDate, change.endDate === undefined ? 'startDate' : 'endDate');
      await em.query(
        `UPDATE cohorts SET name = $2, start_date = $3, end_date = $4, time_zone = $5, capacity = $6, enrolment_mode = $7, updated_at = now()
          WHERE id = $1`,
        [cohortId, next.name, next.startDate, next.endDate, next.timeZone, next.capacity, next.enrolmentMode],
      );
      Object.assign(cohort, next);
      await this.enrolments.fillSeats(em, cohort);
    });
    return this.get(actor, cohortId);
  }

  async setTutors(actor: Actor, cohortId: string, tutorIds: string[]): Promise<CohortView> {
    AccessPolicy.assertRole(actor, 'admin');
    await this.dataSource.transaction(async (em) => {
      if (!(await this.enrolments.lockCohort(em, cohortId))) throw new NotFoundException('No such cohort.');
      const ids = [...new Set(tutorIds)];
      await this.assertTutors(em, ids);
      await em.query('DELETE FROM cohort_tutors WHERE cohort_id = $1', [cohortId]);
      await this.writeTutors(em, cohortId, ids);
    });
    return this.get(actor, cohortId);
  }

  /** One cohort: administrators, and the tutors assigned to it (other tutors: 404; trainees: 403). */
  async get(actor: Actor, cohortId: string): Promise<CohortView> {
    AccessPolicy.assertRole(actor, 'admin', 'tutor');
    const [rows, locale] = await Promise.all([
      this.dataSource.query(`${VIEW_SELECT} WHERE c.id = $1`, [cohortId]) as Promise<CohortViewRow[]>,
      this.people.locale(actor.id),
    ]);
    if (!rows[0]) throw new NotFoundException();
    await this.policy.assertCanManageCohort(actor, cohortId);
    return toCohortView(rows[0], locale);
  }

  /**
   * Cohorts, latest start first. `mine`: only those the actor tutors (administrators always see
   * every cohort).
   */
  async list(actor: Actor, query: CohortListQuery, scope: 'all' | 'mine'): Promise<Page<CohortView>> {
    AccessPolicy.assertRole(
      actor,
      ...(scope === 'all' ? (['admin'] as const) : (['admin', 'tutor'] as const)),
    );
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.courseId) where.push(`c.course_id = ${param(query.courseId)}`);
    if (scope === 'mine' && !this.policy.isAdmin(actor)) {
      where.push(
        `EXISTS (SELECT 1 FROM cohort_tutors ct WHERE ct.cohort_id = c.id AND ct.user_id = ${param(actor.id)})`,
      );
    }
    if (query.cursor) {
      const [startDate, id] = decodeKeyset(query.cursor, isIsoDate);
      where.push(`(c.start_date, c.id) < (${param(startDate)}::date, ${param(id)}::uuid)`);
    }
    const sql = `${VIEW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.start_date DESC, c.id DESC LIMIT ${param(limit + 1)}`;
    const [rows, locale] = await Promise.all([
      this.dataSource.query(sql, params) as Promise<CohortViewRow[]>,
      this.people.locale(actor.id),
    ]);
    return keysetPage(rows, limit, (row) => toCohortView(row, locale), (last) => [last.startDate, last.id]);
  }

  /** PostgreSQL computes "has this cohort ended" in the cohort's zone: it must know the zone too. */
  private async assertTimeZoneKnown(timeZone: string): Promise<void> {
    const [row] = (await this.dataSource.query(
      'SELECT count(*)::int AS n FROM pg_timezone_names WHERE name = $1',
      [timeZone],
    )) as { n: number }[];
    if (!row?.n) throw fieldError('timeZone', 'must be an IANA time zone such as America/Bogota');
  }

  private async assertTutors(em: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const tutors = await this.people.activeHolders(ids, 'tutor', em);
    if (tutors.length !== ids.length)
      throw fieldError('tutorIds', 'must all be active people holding the tutor role');
  }

  private async writeTutors(em: EntityManager, cohortId: string, ids: string[]): Promise<void> {
    if (ids.length)
      await em.query('INSERT INTO cohort_tutors (cohort_id, user_id) SELECT $1, unnest($2::uuid[])', [
        cohortId,
        ids,
      ]);
  }
}

function assertDateOrder(
  startDate: string,
  endDate: string,
  field: 'startDate' | 'endDate' = 'endDate',
): void {
  if (endDate < startDate) {
    throw fieldError(
      field,
      field === 'endDate' ? 'must be on or after startDate' : 'must be on or before endDate',
    );
  }
}

function toCohortView(row: CohortViewRow, locale: Locale | null): CohortView {
  const counts = Object.fromEntries(ENROLMENT_STATUSES.map((s) => [s, row.counts[s] ?? 0])) as Record<
    EnrolmentStatus,
    number
  >;
  return {
    ...toCohortSummary(row),
    courseId: row.courseId,
    courseTitle: pickText(row.courseTitle, locale, row.courseLocale).text,
    tutors: row.tutors,
    counts,
  };
}
