import { BadRequestException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import {
  feedbackFileUrl,
  PAGE_LIMIT_DEFAULT,
  type BulkReleaseRequest,
  type BulkReleaseResult,
  type CohortMarkingSummary,
  type GradeChangeView,
  type GradeSnapshot,
  type GradeStatus,
  type Locale,
  type MarkingAssignmentSummary,
  type MarkingParticipant,
  type MarkingQueueEntry,
  type MarkingQueueQuery,
  type MarkingQueueState,
  type MarkingView,
  type Page,
  type RubricDefinition,
  type RubricMarks,
  type RubricView,
  type SaveMarkRequest,
  type TutorMarkingOverview,
  type Translations,
} from '@aula/contracts';
import { attachmentDisposition, fieldError, pickText } from '@aula/server/core';
import { inspectActivityFile } from '@aula/server/catalog';
import { decodeCursor, encodeCursor } from '@aula/server/database';
import { IdentityReader, type Actor } from '@aula/server/identity';
import { StorageNotFoundError, StoragePort } from '@aula/server/storage';
import { AssignmentService } from '../assignment/assignment.service';
import { latePenaltyPercent } from '../assignment/late-policy';
import { Grade } from '../grading/grade.entity';
import { GradeService } from '../grading/grade.service';
import { GradeChangedError, GradeNotReleasableError } from '../grading/grading.errors';
import { MarkingPolicy, type MarkingContext } from './marking.policy';
import { ensureParticipantNumbers } from './participant-numbers';
import { scoreRubricMarks } from './rubric-marks';

/** A feedback file ready to send, with the headers that keep it inert in a browser. */
export interface FeedbackFileDownload {
  stream: Readable;
  name: string;
  contentType: string;
  size: number;
  headers: Record<string, string>;
}

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

/** Storage keys are ours: never derived from a file name. */
const newFeedbackKey = () => `marking/feedback/${randomUUID()}`;

/** The submission-file download a marker follows (served, access-checked, by assignments). */
export const submissionFileUrl = (fileId: string) => `/api/submission-files/${encodeURIComponent(fileId)}`;

/**
 * Marking for tutors and administrators: the grading queue of a cohort, one trainee's submission
 * beside the rubric, marks (through GradeService, the one writer of grades), feedback files,
 * blind marking and release. Access is asked of {@link MarkingPolicy}.
 */
@Injectable()
export class MarkingService {
  private readonly logger = new Logger(MarkingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: MarkingPolicy,
    private readonly grades: GradeService,
    private readonly assignments: AssignmentService,
    private readonly storage: StoragePort,
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
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toQueueEntry(r)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([String(last.bucket), last.sortAtText, last.activityId, last.enrolmentId])
          : null,
    };
  }

  /** One trainee's work beside the rubric, the grade and its audit trail. */
  async view(actor: Actor, activityId: string, enrolmentId: string): Promise<MarkingView> {
    const em = this.dataSource.manager;
    const context = await this.policy.assertCanMark(em, actor, activityId, enrolmentId);
    return this.viewOf(em, actor, context);
  }

  /** Saves a mark (draft or ready) with the late penalty of the latest version; 409 on a stale version. */
  async save(
    actor: Actor,
    activityId: string,
    enrolmentId: string,
    input: SaveMarkRequest,
  ): Promise<MarkingView> {
    this.policy.assertMarker(actor);
    await this.dataSource.transaction(async (em) => {
      const context = await this.policy.assertCanMark(em, actor, activityId, enrolmentId);
      const key = { activityId, enrolmentId };
      const current = await em.findOneBy(Grade, key);
      const complete = input.status === 'ready' || current?.status === 'released';
      let rawPoints: number | null;
      let rubricMarks: RubricMarks | null;
      const rubric = hasCriteria(context.rubric) ? context.rubric : null;
      if (rubric) {
        if (input.rawPoints !== undefined && input.rawPoints !== null)
          throw fieldError('rawPoints', 'is computed from the rubric: send rubricMarks');
        rubricMarks = input.rubricMarks ?? {};
        rawPoints = scoreRubricMarks(rubric, rubricMarks, { complete });
      } else {
        if (input.rubricMarks !== undefined) throw fieldError('rubricMarks', 'this assignment has no rubric');
        rubricMarks = null;
        rawPoints = input.rawPoints ?? null;
        if (complete && rawPoints === null)
          throw fieldError('rawPoints', 'is required before the mark is ready');
      }
      const max = await this.grades.maxPoints(em, activityId);
      if (rawPoints !== null && rawPoints > max)
        throw fieldError(rubric ? 'rubricMarks' : 'rawPoints', `must be between 0 and ${max}`);
      const latest = await this.latestVersion(em, activityId, enrolmentId);
      const feedback = input.feedback.replace(/\r\n?/g, '\n').trim();
      await this.grades.saveMark(
        em,
        actor,
        key,
        {
          rawPoints,
          latePenaltyPercent: latePenaltyPercent(
            context.latePolicy,
            context.latePenaltyPercentPerDay,
            latest?.lateSeconds ?? 0,
          ),
          rubricMarks,
          feedback: feedback || null,
        },
        { expectedVersion: input.expectedVersion, status: input.status },
      );
    });
    return this.view(actor, activityId, enrolmentId);
  }

  /** Releases the grade the marker saw (`expectedVersion`): the trainee sees it, the activity is done. */
  async release(
    actor: Actor,
    activityId: string,
    enrolmentId: string,
    expectedVersion: number,
  ): Promise<MarkingView> {
    this.policy.assertMarker(actor);
    await this.dataSource.transaction(async (em) => {
      await this.policy.assertCanMark(em, actor, activityId, enrolmentId);
      const grade = await this.grades.lock(em, { activityId, enrolmentId });
      if (!grade || grade.version === 0) throw new GradeNotReleasableError();
      if (grade.version !== expectedVersion) throw new GradeChangedError(grade.version);
      await this.grades.release(em, actor, [grade.id]);
    });
    return this.view(actor, activityId, enrolmentId);
  }

  /** Every `ready` grade of an assignment in the cohort, or the grades named (all of this cohort). */
  async bulkRelease(actor: Actor, cohortId: string, body: BulkReleaseRequest): Promise<BulkReleaseResult> {
    this.policy.assertMarker(actor);
    if (!body.activityId === !body.gradeIds)
      throw fieldError(
        'activityId',
        'send either activityId or gradeIds',
        'Send either activityId or gradeIds.',
      );
    return this.dataSource.transaction(async (em) => {
      const cohort = await this.policy.assertCanMarkCohort(em, actor, cohortId);
      let ids: string[];
      if (body.activityId) {
        const found = (await em.query(
          `SELECT 1 FROM activities WHERE id = $1 AND course_id = $2 AND kind = 'assignment'`,
          [body.activityId, cohort.courseId],
        )) as unknown[];
        if (found.length === 0)
          throw fieldError('activityId', "is not an assignment of this cohort's course");
        const rows = (await em.query(
          `SELECT g.id FROM grades g JOIN enrolments e ON e.id = g.enrolment_id
            WHERE g.activity_id = $1 AND e.cohort_id = $2 AND g.status = 'ready'`,
          [body.activityId, cohortId],
        )) as { id: string }[];
        ids = rows.map((r) => r.id);
      } else {
        const named = [...new Set(body.gradeIds)];
        const rows = (await em.query(
          `SELECT g.id FROM grades g
             JOIN enrolments e ON e.id = g.enrolment_id
             JOIN activities a ON a.id = g.activity_id AND a.kind = 'assignment'
            WHERE g.id = ANY($1::uuid[]) AND e.cohort_id = $2 AND g.version > 0`,
          [named, cohortId],
        )) as { id: string }[];
        // A grade of another cohort answers like one that does not exist.
        if (rows.length !== named.length) throw new NotFoundException();
        ids = named;
      }
      const released = await this.grades.release(em, actor, ids, { skipUnscored: true });
      return { released: released.length, gradeIds: released.map((g) => g.id) };
    });
  }

  /** Stores a feedback file (checked by content) on the grade the marker saw; the old one goes. */
  async attachFeedbackFile(
    actor: Actor,
    activityId: string,
    enrolmentId: string,
    content: Buffer,
    originalName: string,
    expectedVersion: number | null,
  ): Promise<MarkingView> {
    this.policy.assertMarker(actor);
    // Access first: someone who may not mark this learns nothing from the file check.
    await this.policy.assertCanMark(this.dataSource.manager, actor, activityId, enrolmentId);
    const inspected = await inspectActivityFile(content, originalName);
    const key = newFeedbackKey();
    const stored = await this.storage.put(key, content);
    let replaced: string | null = null;
    try {
      await this.dataSource.transaction(async (em) => {
        await this.policy.assertCanMark(em, actor, activityId, enrolmentId);
        const result = await this.grades.setFeedbackFile(
          em,
          actor,
          { activityId, enrolmentId },
          { key, name: inspected.name, contentType: inspected.contentType, size: stored.size },
          { expectedVersion },
        );
        replaced = result.replacedKey;
      });
    } catch (e) {
      await this.discard(key);
      throw e;
    }
    if (replaced) await this.discard(replaced);
    return this.view(actor, activityId, enrolmentId);
  }

  async removeFeedbackFile(
    actor: Actor,
    activityId: string,
    enrolmentId: string,
    expectedVersion: number,
  ): Promise<MarkingView> {
    this.policy.assertMarker(actor);
    let replaced: string | null = null;
    await this.dataSource.transaction(async (em) => {
      await this.policy.assertCanMark(em, actor, activityId, enrolmentId);
      const grade = await this.grades.lock(em, { activityId, enrolmentId });
      if (!grade?.feedbackFileKey) {
        if (grade && grade.version !== expectedVersion) throw new GradeChangedError(grade.version);
        return;
      }
      const result = await this.grades.setFeedbackFile(em, actor, { activityId, enrolmentId }, null, {
        expectedVersion,
      });
      replaced = result.replacedKey;
    });
    if (replaced) await this.discard(replaced);
    return this.view(actor, activityId, enrolmentId);
  }

  /** The feedback file: for markers, and for its trainee once the grade is released (404 before). */
  async openFeedbackFile(
    actor: Actor,
    activityId: string,
    enrolmentId: string,
  ): Promise<FeedbackFileDownload> {
    const em = this.dataSource.manager;
    const key = { activityId, enrolmentId };
    await this.policy.assertCanReadFeedback(
      em,
      actor,
      activityId,
      enrolmentId,
      async () => (await em.findOneBy(Grade, key))?.status === 'released',
    );
    const file = await em.findOneBy(Grade, key);
    if (!file?.feedbackFileKey || !file.feedbackFileName) throw new NotFoundException();
    let stream: Readable;
    try {
      stream = await this.storage.get(file.feedbackFileKey);
    } catch (e) {
      if (!(e instanceof StorageNotFoundError)) throw e;
      this.logger.error(
        { gradeId: file.id, key: file.feedbackFileKey },
        'feedback file missing from storage',
      );
      throw new NotFoundException();
    }
    const contentType = file.feedbackFileContentType ?? 'application/octet-stream';
    const size = file.feedbackFileSize ?? 0;
    return {
      stream,
      name: file.feedbackFileName,
      contentType,
      size,
      headers: {
        'Content-Type': contentType,
        'Content-Length': String(size),
        'Content-Disposition': attachmentDisposition(file.feedbackFileName),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    };
  }

  private async viewOf(em: EntityManager, actor: Actor, context: MarkingContext): Promise<MarkingView> {
    const { activityId, enrolmentId } = context;
    const locale = await this.people.locale(actor.id, em);
    const grade = await em.findOneBy(Grade, { activityId, enrolmentId });
    const visibleGrade = grade && grade.version > 0 ? grade : null;
    const maxPoints = await this.grades.maxPoints(em, activityId);
    const hidden = context.blindMarking && visibleGrade?.status !== 'released';
    let participantNumber: number | null = null;
    if (context.blindMarking) {
      await ensureParticipantNumbers(em, context.cohortId, [activityId], enrolmentId);
      const [row] = (await em.query(
        `SELECT number FROM marking_participants WHERE activity_id = $1 AND enrolment_id = $2`,
        [activityId, enrolmentId],
      )) as { number: number }[];
      participantNumber = row?.number ?? null;
    }
    const submission = await this.submissionOf(em, activityId, enrolmentId);
    const latest = submission?.versions[0] ?? null;
    return {
      activity: {
        id: activityId,
        title: pickText(context.activityTitle, locale, context.defaultLocale).text,
        maxPoints,
        blindMarking: context.blindMarking,
        latePolicy: context.latePolicy,
        latePenaltyPercentPerDay: context.latePenaltyPercentPerDay,
        rubric: hasCriteria(context.rubric)
          ? rubricView(context.rubric, locale, context.defaultLocale)
          : null,
      },
      cohort: { id: context.cohortId, name: context.cohortName, timeZone: context.timeZone },
      participant: participantOf(
        {
          enrolmentId,
          displayName: context.displayName,
          email: context.email,
          participantNumber,
        },
        hidden,
      ),
      submission,
      latePenaltyPercent: latePenaltyPercent(
        context.latePolicy,
        context.latePenaltyPercentPerDay,
        latest?.lateSeconds ?? 0,
      ),
      grade: visibleGrade ? this.grades.toView(visibleGrade, maxPoints) : null,
      history: visibleGrade ? await this.history(em, visibleGrade.id) : [],
      feedbackFileUrl: feedbackFileUrl(activityId, enrolmentId),
    };
  }

  /** The latest version (through assignments, who own submissions) and the list of all versions. */
  private async submissionOf(
    em: EntityManager,
    activityId: string,
    enrolmentId: string,
  ): Promise<MarkingView['submission']> {
    const marking = await this.assignments.latestForMarking(em, activityId, enrolmentId);
    if (!marking) return null;
    const [submission] = (await em.query(`SELECT status FROM submissions WHERE id = $1`, [
      marking.submissionId,
    ])) as {
      status: 'draft' | 'submitted';
    }[];
    const versions = (await em.query(
      `SELECT v.number, v.submitted_at AS "submittedAt", v.late_seconds AS "lateSeconds",
              (SELECT count(*)::int FROM submission_files f WHERE f.version_id = v.id) AS files
         FROM submission_versions v WHERE v.submission_id = $1 ORDER BY v.number DESC`,
      [marking.submissionId],
    )) as { number: number; submittedAt: Date; lateSeconds: number; files: number }[];
    const latest = marking.latest;
    return {
      status: submission?.status ?? 'submitted',
      number: latest.number,
      text: latest.text,
      submittedAt: latest.submittedAt,
      lateSeconds: latest.lateSeconds,
      files: latest.files.map((f) => ({ ...f, url: submissionFileUrl(f.id) })),
      versions: versions.map((v) => ({
        number: v.number,
        submittedAt: v.submittedAt.toISOString(),
        lateSeconds: v.lateSeconds,
        files: v.files,
      })),
    };
  }

  private async latestVersion(
    em: EntityManager,
    activityId: string,
    enrolmentId: string,
  ): Promise<{ lateSeconds: number } | null> {
    const [row] = (await em.query(
      `SELECT v.late_seconds AS "lateSeconds" FROM submissions s
         JOIN submission_versions v ON v.submission_id = s.id AND v.number = s.latest_version
        WHERE s.activity_id = $1 AND s.enrolment_id = $2`,
      [activityId, enrolmentId],
    )) as { lateSeconds: number }[];
    return row ?? null;
  }

  private async history(em: EntityManager, gradeId: string): Promise<GradeChangeView[]> {
    const rows = (await em.query(
      `SELECT gc.id, gc.action, gc.changed_by_id AS "changedById", u.display_name AS "displayName",
              gc.changed_at AS "changedAt", gc.before, gc.after
         FROM grade_changes gc LEFT JOIN users u ON u.id = gc.changed_by_id
        WHERE gc.grade_id = $1
        ORDER BY gc.changed_at DESC, gc.id DESC
        LIMIT 200`,
      [gradeId],
    )) as {
      id: string;
      action: GradeChangeView['action'];
      changedById: string | null;
      displayName: string | null;
      changedAt: Date;
      before: GradeSnapshot | null;
      after: GradeSnapshot;
    }[];
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      changedBy: r.changedById ? { id: r.changedById, displayName: r.displayName ?? '' } : null,
      changedAt: r.changedAt.toISOString(),
      before: r.before,
      after: r.after,
    }));
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

  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.logger.warn({ err, key }, 'could not remove a feedback file');
    }
  }
}

function hasCriteria(rubric: RubricDefinition | null): rubric is RubricDefinition {
  return !!rubric && Array.isArray(rubric.criteria) && rubric.criteria.length > 0;
}

function rubricView(rubric: RubricDefinition, locale: Locale | null, fallback: Locale): RubricView {
  return {
    criteria: rubric.criteria.map((c) => ({
      id: c.id,
      title: pickText(c.title, locale, fallback).text,
      levels: c.levels.map((l) => ({
        id: l.id,
        title: pickText(l.title, locale, fallback).text,
        points: l.points,
      })),
    })),
  };
}

/** Blind marking: until release, only the number; otherwise the person. */
function participantOf(
  who: { enrolmentId: string; displayName: string; email: string; participantNumber: number | null },
  hidden: boolean,
): MarkingParticipant {
  return {
    enrolmentId: who.enrolmentId,
    hidden,
    participantNumber: who.participantNumber,
    displayName: hidden ? null : who.displayName,
    email: hidden ? null : who.email,
  };
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
