import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ActivityDatesInput,
  CohortDatesEntry,
  CohortScheduleView,
  ExtensionDatesInput,
  ExtensionView,
  OwnDatesEntry,
} from '@aula/contracts';
import { EnrolmentPolicy, EnrolmentService } from '@aula/server/enrolment';
import { AccessPolicy, type Actor } from '@aula/server/identity';
import { ScheduleService, assertExtensionAfter, assertKindDates } from './schedule.service';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const toDate = (s: string | null | undefined) => (s ? new Date(s) : null);

interface EntryRow {
  activityId: string;
  kind: 'quiz' | 'assignment';
  title: CohortDatesEntry['title'];
  opensAt: Date | null;
  dueAt: Date | null;
  closesAt: Date | null;
}

/** Graded activities of the cohort's course with the cohort's dates, in course order. */
const ENTRIES_SQL = `SELECT a.id AS "activityId", a.kind, a.title, s.opens_at AS "opensAt", s.due_at AS "dueAt", s.closes_at AS "closesAt"
  FROM cohorts c
  JOIN activities a ON a.course_id = c.course_id AND a.kind IN ('quiz', 'assignment')
  JOIN course_modules m ON m.id = a.module_id
  LEFT JOIN activity_schedules s ON s.cohort_id = c.id AND s.activity_id = a.id
 WHERE c.id = $1
 ORDER BY m.position, a.position`;

/**
 * The dates editor of a cohort (administrators and the cohort's tutors) and the trainee's own
 * dates. Rules about the dates themselves live in {@link ScheduleService}.
 */
@Injectable()
export class CohortDatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EnrolmentPolicy,
    private readonly schedule: ScheduleService,
    private readonly enrolments: EnrolmentService,
  ) {}

  private async cohortOf(
    actor: Actor,
    cohortId: string,
    em: EntityManager,
  ): Promise<{ name: string; timeZone: string }> {
    AccessPolicy.assertRole(actor, 'admin', 'tutor');
    const [cohort] = (await em.query(`SELECT name, time_zone AS "timeZone" FROM cohorts WHERE id = $1`, [
      cohortId,
    ])) as {
      name: string;
      timeZone: string;
    }[];
    if (!cohort) throw new NotFoundException();
    await this.policy.assertCanManageCohort(actor, cohortId, em);
    return cohort;
  }

  private async entry(em: EntityManager, cohortId: string, activityId: string): Promise<EntryRow> {
    const [row] = (await em.query(`SELECT * FROM (${ENTRIES_SQL}) x WHERE x."activityId" = $2`, [
      cohortId,
      activityId,
    ])) as EntryRow[];
    if (!row) throw new NotFoundException();
    return row;
  }

  async view(actor: Actor, cohortId: string): Promise<CohortScheduleView> {
    const em = this.dataSource.manager;
    const cohort = await this.cohortOf(actor, cohortId, em);
    const entries = (await em.query(ENTRIES_SQL, [cohortId])) as EntryRow[];
    const extensions = (await em.query(
      `SELECT x.activity_id AS "activityId", x.enrolment_id AS "enrolmentId", u.display_name AS "displayName",
              x.due_at AS "dueAt", x.closes_at AS "closesAt", x.created_at AS "grantedAt"
         FROM deadline_extensions x JOIN enrolments e ON e.id = x.enrolment_id JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1
        ORDER BY u.search_text, e.id, x.activity_id`,
      [cohortId],
    )) as (Omit<ExtensionView, 'dueAt' | 'closesAt' | 'grantedAt'> & {
      dueAt: Date | null;
      closesAt: Date | null;
      grantedAt: Date;
    })[];
    const trainees = (await em.query(
      `SELECT e.id AS "enrolmentId", u.display_name AS "displayName"
         FROM enrolments e JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND e.status IN ('active', 'completed')
        ORDER BY u.search_text, e.id`,
      [cohortId],
    )) as CohortScheduleView['trainees'];
    return {
      cohortId,
      cohortName: cohort.name,
      timeZone: cohort.timeZone,
      activities: entries.map(toEntry),
      extensions: extensions.map((x) => ({
        ...x,
        dueAt: iso(x.dueAt),
        closesAt: iso(x.closesAt),
        grantedAt: iso(x.grantedAt) as string,
      })),
      trainees,
    };
  }

  /** Sets (replaces) a quiz's or assignment's dates in the cohort. */
  async set(
    actor: Actor,
    cohortId: string,
    activityId: string,
    input: ActivityDatesInput,
  ): Promise<CohortDatesEntry> {
    return this.dataSource.transaction(async (em) => {
      await this.cohortOf(actor, cohortId, em);
      const entry = await this.entry(em, cohortId, activityId);
      const dates = {
        opensAt: toDate(input.opensAt),
        dueAt: toDate(input.dueAt),
        closesAt: toDate(input.closesAt),
      };
      assertKindDates(entry.kind, dates);
      await this.schedule.set(em, cohortId, activityId, dates);
      return toEntry({ ...entry, ...dates });
    });
  }

  /** Grants (or replaces) one trainee's later dates; they must fall after the cohort's. */
  async grant(
    actor: Actor,
    cohortId: string,
    activityId: string,
    enrolmentId: string,
    input: ExtensionDatesInput,
  ): Promise<ExtensionView> {
    return this.dataSource.transaction(async (em) => {
      await this.cohortOf(actor, cohortId, em);
      const entry = await this.entry(em, cohortId, activityId);
      const trainee = await this.traineeOf(em, cohortId, enrolmentId);
      const dates = { dueAt: toDate(input.dueAt), closesAt: toDate(input.closesAt) };
      assertExtensionAfter(entry.kind, entry, dates);
      await this.schedule.grantExtension(em, actor, activityId, enrolmentId, dates);
      return {
        activityId,
        enrolmentId,
        displayName: trainee.displayName,
        dueAt: iso(dates.dueAt),
        closesAt: iso(dates.closesAt),
        grantedAt: new Date().toISOString(),
      };
    });
  }

  async revoke(actor: Actor, cohortId: string, activityId: string, enrolmentId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.cohortOf(actor, cohortId, em);
      await this.entry(em, cohortId, activityId);
      await this.traineeOf(em, cohortId, enrolmentId);
      await this.schedule.revokeExtension(em, activityId, enrolmentId);
    });
  }

  private async traineeOf(
    em: EntityManager,
    cohortId: string,
    enrolmentId: string,
  ): Promise<{ displayName: string }> {
    const [row] = (await em.query(
      `SELECT u.display_name AS "displayName" FROM enrolments e JOIN users u ON u.id = e.user_id
        WHERE e.id = $1 AND e.cohort_id = $2`,
      [enrolmentId, cohortId],
    )) as { displayName: string }[];
    if (!row) throw new NotFoundException();
    return row;
  }

  /**
   * A trainee's own dates for every quiz and assignment of their enrolment's course (extensions
   * applied), with the cohort's time zone. Someone else's enrolment answers 404.
   */
  async own(actor: Actor, enrolmentId: string): Promise<OwnDatesEntry[]> {
    const em = this.dataSource.manager;
    const enrolment = await this.enrolments.findEnrolment(enrolmentId, em);
    if (!enrolment) throw new NotFoundException();
    await this.policy.assertCanSeeEnrolment(actor, enrolment, em);
    const dates = await this.schedule.effectiveForEnrolment(em, enrolmentId);
    return dates.map((d) => ({ ...d, timeZone: enrolment.timeZone }));
  }
}

function toEntry(row: EntryRow): CohortDatesEntry {
  return {
    activityId: row.activityId,
    kind: row.kind,
    title: row.title,
    opensAt: iso(row.opensAt),
    dueAt: iso(row.dueAt),
    closesAt: iso(row.closesAt),
  };
}
