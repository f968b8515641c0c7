import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  PAGE_LIMIT_DEFAULT,
  type CohortMarkingSummary,
  type GradeStatus,
  type Locale,
  type MarkingAssignmentSummary,
  type MarkingQueueEntry,
  type MarkingQueueQuery,
  type MarkingQueueState,
  type Page,
  type TutorMarkingOverview,
  type Translations,
} from '@aula/contracts';
import { fieldError, pickText } from '@aula/server/core';
import { decodeCursor, keysetPage } from '@aula/server/database';
import { IdentityReader, type Actor } from '@aula/server/identity';
import { MarkingPolicy } from './marking.policy';
import { ensureParticipantNumbers, participantOf } from './participant-numbers';

/**
 * Where a queue row sorts: 0 waiting (submitted, not marked), 1 ready, 2 released, 3 not submitted.
 * Within a bucket, oldest submission first.
 */
const BUCKET_OF: Record<MarkingQueueState, number> = { waiting: 0, ready: 1, released: 2, notSubmitted: 3 };
const STATE_OF: MarkingQueueState[] = ['waiting', 'ready', 'released', 'notSubmitted'];
const NEVER = 'infinity';

interface QueueRow {
  activityId: string;
  enrolmentId: string;
  enrolmentStatus: MarkingQueueEntry['enrolmentStatus'];
  displayName: string;
  email: string;
  blind: boolean;
  participantNumber: number | null;
  submissionStatus: 'draft' | 'submitted' | null;
  latestVersion: number | null;
  submittedAt: Date | null;
  lateSeconds: number;
  gradeId: string | null;
  gradeStatus: GradeStatus | null;
  points: string | null;
  gradeVersion: number | null;
  bucket: number;
  sortAt: string;
}

/**
 * What is waiting for a mark: the tutor's overview across cohorts, a cohort's assignments with
 * their counts, and the keyset-paginated queue of one cohort. Marking one trainee's work is
 * {@link MarkingService}.
 */
@Injectable()
export class MarkingQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: MarkingPolicy,
    private readonly people: IdentityReader,
  ) {}

  /** Submissions waiting for a mark in the cohorts the actor tutors, per cohort and assignment. */
  async overview(actor: Actor): Promise<TutorMarkingOverview> {
    this.policy.assertMarker(actor);
    const em = this.dataSource.manager;
    const locale = await this.people.locale(actor.id, em);
    const rows = (await em.query(
      `SELECT c.id AS "cohortId", c.name AS "cohortName", co.title AS "courseTitle", co.default_locale AS "defaultLocale",
              a.id AS "activityId", a.title, count(*)::int AS waiting,
              count(*) FILTER (WHERE coalesce(v.late_seconds, 0) > 0)::int AS late,
              min(s.submitted_at) AS "oldestSubmittedAt"
         FROM cohort_tutors ct
         JOIN cohorts c ON c.id = ct.cohort_id
         JOIN courses co ON co.id = c.course_id
         JOIN enrolments e ON e.cohort_id = c.id AND e.status IN ('active', 'completed')
         JOIN submissions s ON s.enrolment_id = e.id AND s.latest_version > 0
         JOIN activities a ON a.id = s.activity_id AND a.course_id = c.course_id AND a.kind = 'assignment'
         LEFT JOIN submission_versions v ON v.submission_id = s.id AND v.number = s.latest_version
         LEFT JOIN grades g ON g.activity_id = s.activity_id AND g.enrolment_id = e.id
        WHERE ct.user_id = $1 AND (g.id IS NULL OR g.status = 'draft')
        GROUP BY c.id, co.id, a.id
        ORDER BY min(s.submitted_at), c.id, a.id
        LIMIT 100`,
      [actor.id],
    )) as {
      cohortId: string;
      cohortName: string;
      courseTitle: Translations;
      defaultLocale: Locale;
      activityId: string;
      title: Translations;
      waiting: number;
      late: number;
      oldestSubmittedAt: Date;
    }[];
    return {
      items: rows.map((r) => ({
        cohortId: r.cohortId,
        cohortName: r.cohortName,
        courseTitle: pickText(r.courseTitle, locale, r.defaultLocale).text,
        activityId: r.activityId,
        title: pickText(r.title, locale, r.defaultLocale).text,
        waiting: r.waiting,
        late: r.late,
        oldestSubmittedAt: new Date(r.oldestSubmittedAt).toISOString(),
      })),
      totalWaiting: rows.reduce((sum, r) => sum + r.waiting, 0),
    };
  }

  /** The cohort's assignments in course order, with how many are waiting, ready, released... */
  async summary(actor: Actor, cohortId: string): Promise<CohortMarkingSummary> {
    const em = this.dataSource.manager;
    const cohort = await this.policy.assertCanMarkCohort(em, actor, cohortId);
    const locale = await this.people.locale(actor.id, em);
    const [course] = (await em.query(
      `SELECT title, default_locale AS "defaultLocale" FROM courses WHERE id = $1`,
      [cohort.courseId],
    )) as { title: Translations; defaultLocale: Locale }[];
    const rows = (await em.query(
      `WITH ${this.queueRowsSql('$1', '$2')}
       SELECT a.id AS "activityId", a.title, coalesce(gi.max_points, 100)::float8 AS "maxPoints",
              coalesce(s.blind_marking, false) AS "blindMarking",
              coalesce(jsonb_array_length(s.rubric->'criteria'), 0) > 0 AS "hasRubric",
              count(r.enrolment_id)::int AS trainees,
              count(r.enrolment_id) FILTER (WHERE r."latestVersion" > 0)::int AS submitted,
              count(r.enrolment_id) FILTER (WHERE r."latestVersion" > 0 AND r."lateSeconds" > 0)::int AS late,
              count(r.enrolment_id) FILTER (WHERE r.bucket = 0)::int AS waiting,
              count(r.enrolment_id) FILTER (WHERE r.bucket = 1)::int AS ready,
              count(r.enrolment_id) FILTER (WHERE r.bucket = 2)::int AS released,
              count(r.enrolment_id) FILTER (WHERE r.bucket = 3)::int AS "notSubmitted"
         FROM activities a
         JOIN course_modules m ON m.id = a.module_id
         LEFT JOIN grade_items gi ON gi.activity_id = a.id
         LEFT JOIN assignments s ON s.activity_id = a.id
         LEFT JOIN queue_rows r ON r."activityId" = a.id
        WHERE a.course_id = $3 AND a.kind = 'assignment'
        GROUP BY a.id, m.position, gi.max_points, s.blind_marking, s.rubric
        ORDER BY m.position, a.position`,
      [cohortId, null, cohort.courseId],
    )) as (Omit<MarkingAssignmentSummary, 'title' | 'counts'> & {
      title: Translations;
    } & MarkingAssignmentSummary['counts'])[];
    return {
      cohort: {
        id: cohort.id,
        name: cohort.name,
        courseId: cohort.courseId,
        courseTitle: course ? pickText(course.title, locale, course.defaultLocale).text : '',
        timeZone: cohort.timeZone,
      },
      assignments: rows.map((r) => ({
        activityId: r.activityId,
        title: pickText(r.title, locale, course?.defaultLocale ?? 'en').text,
        maxPoints: r.maxPoints,
        blindMarking: r.blindMarking,
        hasRubric: r.hasRubric,
        counts: {
          trainees: r.trainees,
          submitted: r.submitted,
          late: r.late,
          waiting: r.waiting,
          ready: r.ready,
          released: r.released,
          notSubmitted: r.notSubmitted,
        },
      })),
    };
  }

  /** The queue: waiting work oldest first, then ready, released and not submitted. Keyset-paginated. */
  async queue(actor: Actor, cohortId: string, query: MarkingQueueQuery): Promise<Page<MarkingQueueEntry>> {
    const em = this.dataSource.manager;
    const cohort = await this.policy.assertCanMarkCohort(em, actor, cohortId);
    if (query.activityId) {
      const found = (await em.query(
        `SELECT 1 FROM activities WHERE id = $1 AND course_id = $2 AND kind = 'assignment'`,
        [query.activityId, cohort.courseId],
      )) as unknown[];
      if (found.length === 0) throw fieldError('activityId', "is not an assignment of this cohort's course");
    }
    const blind = (await em.query(
      `SELECT a.id FROM activities a JOIN assignments s ON s.activity_id = a.id
        WHERE a.course_id = $1 AND a.kind = 'assignment' AND s.blind_marking AND ($2::uuid IS NULL OR a.id = $2::uuid)`,
      [cohort.courseId, query.activityId ?? null],
    )) as { id: string }[];
    await ensureParticipantNumbers(
      em,
      cohortId,
      blind.map((b) => b.id),
    );

    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const params: unknown[] = [cohortId, query.activityId ?? null];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.state) where.push(`bucket = ${param(BUCKET_OF[query.state])}`);
    if (query.cursor) {
      const [bucket, sortAt, activityId, enrolmentId] = decodeQueueCursor(query.cursor);
      where.push(
        `(bucket, "sortAt", "activityId", enrolment_id) > (${param(bucket)}::int, ${param(sortAt)}::timestamptz, ${param(activityId)}::uuid, ${param(enrolmentId)}::uuid)`,
      );
    }
    const rows = (await em.query(
      `WITH ${this.queueRowsSql('$1', '$2')}
       SELECT *, enrolment_id AS "enrolmentId", "sortAt"::text AS "sortAtText" FROM queue_rows
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY bucket, "sortAt", "activityId", enrolment_id
        LIMIT ${param(limit + 1)}`,
      params,
    )) as (QueueRow & { enrolmentId: string; sortAtText: string })[];
    return keysetPage(rows, limit, (r) => toQueueEntry(r), (last) => [String(last.bucket), last.sortAtText, last.activityId, last.enrolmentId]);
  }

  /**
   * `queue_rows`: one row per assignment of the cohort's course (or `activityParam`) × active or
   * completed trainee, with submission, grade, blind number, bucket and sort time.
   */
  private queueRowsSql(cohortParam: string, activityParam: string): string {
    return `queue_rows AS (
      SELECT a.id AS "activityId", e.id AS enrolment_id, e.status AS "enrolmentStatus",
             u.display_name AS "displayName", u.email,
             coalesce(asg.blind_marking, false) AS blind, mp.number AS "participantNumber",
             s.status AS "submissionStatus", coalesce(s.latest_version, 0) AS "latestVersion",
             CASE WHEN coalesce(s.latest_version, 0) > 0 THEN s.submitted_at END AS "submittedAt",
             coalesce(v.late_seconds, 0) AS "lateSeconds",
             g.id AS "gradeId", g.status AS "gradeStatus", g.points, g.version AS "gradeVersion",
             CASE WHEN g.status = 'released' THEN 2
                  WHEN g.status = 'ready' THEN 1
                  WHEN coalesce(s.latest_version, 0) > 0 THEN 0
                  ELSE 3 END AS bucket,
             coalesce(CASE WHEN coalesce(s.latest_version, 0) > 0 THEN s.submitted_at END, 'infinity'::timestamptz) AS "sortAt"
        FROM cohorts c
        JOIN activities a ON a.course_id = c.course_id AND a.kind = 'assignment'
                         AND (${activityParam}::uuid IS NULL OR a.id = ${activityParam}::uuid)
        JOIN enrolments e ON e.cohort_id = c.id AND e.status IN ('active', 'completed')
        JOIN users u ON u.id = e.user_id
        LEFT JOIN assignments asg ON asg.activity_id = a.id
        LEFT JOIN marking_participants mp ON mp.activity_id = a.id AND mp.enrolment_id = e.id
        LEFT JOIN submissions s ON s.activity_id = a.id AND s.enrolment_id = e.id
        LEFT JOIN submission_versions v ON v.submission_id = s.id AND v.number = s.latest_version
        LEFT JOIN grades g ON g.activity_id = a.id AND g.enrolment_id = e.id AND g.version > 0
       WHERE c.id = ${cohortParam}::uuid
    )`;
  }
}

function toQueueEntry(r: QueueRow & { enrolmentId?: string; enrolment_id?: string }): MarkingQueueEntry {
  const enrolmentId = r.enrolmentId ?? r.enrolment_id ?? '';
  const hidden = r.blind && r.gradeStatus !== 'released';
  return {
    activityId: r.activityId,
    participant: participantOf(
      {
        enrolmentId,
        displayName: r.displayName,
        email: r.email,
        participantNumber: r.blind ? r.participantNumber : null,
      },
      hidden,
    ),
    enrolmentStatus: r.enrolmentStatus,
    state: STATE_OF[r.bucket],
    submission: (r.latestVersion ?? 0) > 0 ? 'submitted' : r.submissionStatus ? 'draft' : 'none',
    submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
    versions: r.latestVersion ?? 0,
    late: (r.latestVersion ?? 0) > 0 && r.lateSeconds > 0,
    lateSeconds: (r.latestVersion ?? 0) > 0 ? r.lateSeconds : 0,
    grade:
      r.gradeId && r.gradeStatus && r.gradeVersion !== null
        ? {
            id: r.gradeId,
            status: r.gradeStatus,
            points: r.points === null ? null : Number(r.points),
            version: r.gradeVersion,
          }
        : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeQueueCursor(cursor: string): [number, string, string, string] {
  const [bucket, sortAt, activityId, enrolmentId] = decodeCursor(cursor, 4);
  const b = Number(bucket);
  // PostgreSQL's own text of the timestamp, kept to the microsecond so no row repeats across pages.
  const validTime =
    sortAt === NEVER || /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(sortAt);
  if (![0, 1, 2, 3].includes(b) || !validTime || !UUID.test(activityId)) {
    throw new BadRequestException({
      message: 'The cursor is not valid.',
      errors: [{ path: 'cursor', message: 'is not a valid cursor' }],
    });
  }
  return [b, sortAt, activityId, enrolmentId];
}
