import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  MANUAL_COMPLETION_KINDS,
  type ActivityKind,
  type ActivityView,
  type CourseStatus,
  type DashboardCohort,
  type EnrolmentSummary,
  type LearnerDashboard,
  type Locale,
  type Translations,
} from '@aula/contracts';
import { fieldError, pickText, readerLocale } from '@aula/server/core';
import { ActivityFileService, type ActivityFileDownload } from '@aula/server/catalog';
import { PreparedSql } from '@aula/server/database';
import type { Actor } from '@aula/server/identity';
import { CompletionService } from './completion.service';
import { todayIn } from './dates';
import { EnrolmentPolicy } from './enrolment.policy';
import { toCohortSummary, toEnrolmentSummary, type CohortRow, type EnrolmentRow } from './views';

/**
 * The learner dashboard in one statement: $1 the reader. One row per enrolment (none withdrawn),
 * with its cohort, course and the first activity not yet done (active enrolments only); one row
 * with null enrolment columns when there are none, so the reader's locale always comes back.
 * Indexes used: users primary key, enrolments_user_id_idx, cohorts and courses primary keys,
 * activities_course_id_idx, course_modules primary key, activity_completions primary key.
 */
export const DASHBOARD_SQL = `
WITH me AS (SELECT id, locale FROM users WHERE id = $1)
SELECT me.locale AS "readerLocale",
       e.id, e.cohort_id AS "cohortId", e.status, e.progress_percent AS "progressPercent",
       e.last_activity_at AS "lastActivityAt", e.completed_at AS "completedAt",
       c.name AS "cohortName", c.start_date::text AS "startDate", c.end_date::text AS "endDate", c.time_zone AS "timeZone",
       c.enrolment_mode AS "enrolmentMode", c.capacity, c.seats_taken AS "seatsTaken",
       co.id AS "courseId", co.slug AS "courseSlug", co.title AS "courseTitle", co.default_locale AS "courseLocale",
       na.id AS "nextId", na.title AS "nextTitle"
  FROM me
  LEFT JOIN enrolments e ON e.user_id = me.id AND e.status <> 'withdrawn'
  LEFT JOIN cohorts c ON c.id = e.cohort_id
  LEFT JOIN courses co ON co.id = c.course_id
  LEFT JOIN LATERAL (
        SELECT a.id, a.title
          FROM activities a JOIN course_modules m ON m.id = a.module_id
         WHERE e.status = 'active' AND a.course_id = co.id
           AND NOT EXISTS (SELECT 1 FROM activity_completions ac WHERE ac.enrolment_id = e.id AND ac.activity_id = a.id)
         ORDER BY m.position, m.created_at, m.id, a.position, a.created_at, a.id
         LIMIT 1) na ON true
 ORDER BY c.start_date, c.id`;

/** Prepared: the first page every trainee opens. */
const DASHBOARD = new PreparedSql(DASHBOARD_SQL);

interface DashboardRow extends Omit<EnrolmentRow, 'id'> {
  readerLocale: Locale;
  id: string | null;
  cohortName: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  enrolmentMode: CohortRow['enrolmentMode'];
  capacity: number | null;
  seatsTaken: number;
  courseId: string;
  courseSlug: string;
  courseTitle: Translations;
  courseLocale: Locale;
  nextId: string | null;
  nextTitle: Translations | null;
}

interface ActivityRow {
  id: string;
  kind: ActivityKind;
  title: Translations;
  body: Translations;
  url: string | null;
  required: boolean;
  courseId: string;
  moduleId: string;
  fileKey: string | null;
  fileName: string | null;
  fileContentType: string | null;
  fileSize: number | null;
  courseStatus: CourseStatus;
  defaultLocale: Locale;
  readerLocale: Locale | null;
  previousId: string | null;
  nextId: string | null;
  done: boolean;
  enrolled: boolean;
}

const ACTIVITY_SQL = `
SELECT a.id, a.kind, a.title, a.body, a.url, a.required, a.course_id AS "courseId", a.module_id AS "moduleId",
       a.file_key AS "fileKey", a.file_name AS "fileName", a.file_content_type AS "fileContentType", a.file_size AS "fileSize",
       co.status AS "courseStatus", co.default_locale AS "defaultLocale",
       (SELECT u.locale FROM users u WHERE u.id = $2) AS "readerLocale",
       nav."previousId", nav."nextId",
       EXISTS (SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
                WHERE e.user_id = $2 AND c.course_id = a.course_id AND e.status IN ('active', 'completed')) AS enrolled,
       EXISTS (SELECT 1 FROM activity_completions ac JOIN enrolments e ON e.id = ac.enrolment_id
                WHERE ac.activity_id = a.id AND e.user_id = $2 AND e.status IN ('active', 'completed')) AS done
  FROM activities a
  JOIN courses co ON co.id = a.course_id
  JOIN LATERAL (
        SELECT o."previousId", o."nextId"
          FROM (SELECT a2.id, lag(a2.id) OVER w AS "previousId", lead(a2.id) OVER w AS "nextId"
                  FROM activities a2 JOIN course_modules m ON m.id = a2.module_id
                 WHERE a2.course_id = a.course_id
                WINDOW w AS (ORDER BY m.position, m.created_at, m.id, a2.position, a2.created_at, a2.id)) o
         WHERE o.id = a.id) nav ON true
 WHERE a.id = $1`;

/** A learner working through a course: activities, marking them done, and the dashboard. */
@Injectable()
export class LearningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EnrolmentPolicy,
    private readonly completion: CompletionService,
    private readonly files: ActivityFileService,
  ) {}

  /** One activity's content, for enrolled trainees (active or completed), its tutors and administrators; 404 for anyone else. */
  async activity(
    actor: Actor,
    activityId: string,
    explicit?: Locale,
    acceptLanguage?: string,
  ): Promise<ActivityView> {
    const row = await this.visibleActivity(actor, activityId);
    const wanted = readerLocale(explicit, row.readerLocale, acceptLanguage);
    const title = pickText(row.title, wanted, row.defaultLocale);
    return {
      id: row.id,
      kind: row.kind,
      title: title.text,
      required: row.required,
      ...(row.enrolled ? { done: row.done } : {}),
      courseId: row.courseId,
      moduleId: row.moduleId,
      locale: title.locale,
      body: row.kind === 'page' ? pickText(row.body, title.locale, row.defaultLocale).text : null,
      url: row.url,
      file:
        row.fileKey && row.fileName
          ? {
              name: row.fileName,
              contentType: row.fileContentType ?? 'application/octet-stream',
              size: row.fileSize ?? 0,
            }
          : null,
      previousId: row.previousId,
      nextId: row.nextId,
    };
  }

  /** The file of a file activity, under the same rule as its content (sent by the catalog's helper: inert attachment). */
  async activityFile(actor: Actor, activityId: string): Promise<ActivityFileDownload> {
    const row = await this.visibleActivity(actor, activityId);
    if (!row.fileKey) throw new NotFoundException('This activity has no file.');
    return this.files.open(row.id);
  }

  /**
   * Marks a page, file or link as done in the reader's enrolment, then recomputes progress and
   * completion in the same transaction (CompletionService). Doing it twice changes nothing.
   */
  async markDone(actor: Actor, activityId: string): Promise<EnrolmentSummary> {
    return this.dataSource.transaction(async (em) => {
      const [activity] = (await em.query(
        `SELECT a.kind, a.course_id AS "courseId", co.status AS "courseStatus"
           FROM activities a JOIN courses co ON co.id = a.course_id WHERE a.id = $1`,
        [activityId],
      )) as { kind: ActivityKind; courseId: string; courseStatus: CourseStatus }[];
      if (!activity) throw new NotFoundException();
      const [enrolment] = (await em.query(
        `SELECT e.id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
          WHERE e.user_id = $1 AND c.course_id = $2 AND e.status IN ('active', 'completed')
          ORDER BY e.status = 'active' DESC, e.created_at DESC
          LIMIT 1
            FOR UPDATE OF e`,
        [actor.id, activity.courseId],
      )) as { id: string }[];
      if (!enrolment || activity.courseStatus !== 'published') {
        if (await this.policy.canReadCourseContent(actor, activity, em)) {
          throw new ConflictException('Only people enrolled in this course can mark its activities as done.');
        }
        throw new NotFoundException();
      }
      if (!MANUAL_COMPLETION_KINDS.includes(activity.kind)) {
        throw fieldError('id', `is a ${activity.kind}, which is completed by its result, not by hand`);
      }
      return toEnrolmentSummary(
        await this.completion.recompute(em, enrolment.id, { activityAt: new Date(), done: activityId }),
      );
    });
  }

  /** My cohorts with progress and what to do next, titles in my language; dates to come. */
  async dashboard(actor: Actor): Promise<LearnerDashboard> {
    const rows = await DASHBOARD.run<DashboardRow>(this.dataSource.manager, [actor.id]);
    const cohorts: DashboardCohort[] = [];
    const upcoming: LearnerDashboard['upcoming'] = [];
    for (const row of rows) {
      if (!row.id) continue;
      const title = pickText(row.courseTitle, row.readerLocale, row.courseLocale);
      const cohort = toCohortSummary({ ...row, id: row.cohortId, name: row.cohortName });
      cohorts.push({
        enrolment: toEnrolmentSummary({ ...row, id: row.id }),
        cohort,
        course: { id: row.courseId, slug: row.courseSlug, title: title.text, locale: title.locale },
        nextActivity:
          row.nextId && row.nextTitle
            ? { id: row.nextId, title: pickText(row.nextTitle, title.locale, row.courseLocale).text }
            : null,
      });
      if (row.status === 'completed') continue;
      const today = todayIn(row.timeZone);
      if (row.startDate >= today)
        upcoming.push({
          cohortId: row.cohortId,
          kind: 'cohort-start',
          date: row.startDate,
          timeZone: row.timeZone,
          title: title.text,
        });
      if (row.endDate >= today)
        upcoming.push({
          cohortId: row.cohortId,
          kind: 'cohort-end',
          date: row.endDate,
          timeZone: row.timeZone,
          title: title.text,
        });
    }
    upcoming.sort(
      (a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'cohort-start' ? -1 : 1),
    );
    return { cohorts, upcoming };
  }

  private async visibleActivity(actor: Actor, activityId: string): Promise<ActivityRow> {
    const [row] = (await this.dataSource.query(ACTIVITY_SQL, [activityId, actor.id])) as ActivityRow[];
    if (!row || !(await this.policy.canReadCourseContent(actor, row))) throw new NotFoundException();
    return row;
  }
}
