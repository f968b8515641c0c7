import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assignmentApi,
  markingApi,
  routeUrl,
  type BulkReleaseRequest,
  type BulkReleaseResult,
  type GradeChangeView,
  type GradeSnapshot,
  type Locale,
  type MarkingView,
  type RubricDefinition,
  type RubricMarks,
  type RubricView,
  type SaveMarkRequest,
} from '@aula/contracts';
import { attachmentDisposition, fieldError, pickText } from '@aula/server/core';
import { inspectActivityFile } from '@aula/server/catalog';
import { IdentityReader, type Actor } from '@aula/server/identity';
import { StorageNotFoundError, StoragePort } from '@aula/server/storage';
import { AssignmentService } from '../assignment/assignment.service';
import { latePenaltyPercent } from '../assignment/late-policy';
import { Grade } from '../grading/grade.entity';
import { GradeService } from '../grading/grade.service';
import { GradeChangedError, GradeNotReleasableError } from '../grading/grading.errors';
import { MarkingPolicy, type MarkingContext } from './marking.policy';
import { ensureParticipantNumbers, participantOf } from './participant-numbers';
import { scoreRubricMarks } from './rubric-marks';

/** A feedback file ready to send, with the headers that keep it inert in a browser. */
export interface FeedbackFileDownload {
  stream: Readable;
  name: string;
  contentType: string;
  size: number;
  headers: Record<string, string>;
}

/** Storage keys are ours: never derived from a file name. */
const newFeedbackKey = () => `marking/feedback/${randomUUID()}`;

/** The submission-file download a marker follows (served, access-checked, by assignments). */
export const submissionFileUrl = (fileId: string) => routeUrl(assignmentApi.submissionFile, { fileId });

/**
 * Marking for tutors and administrators: one trainee's submission beside the rubric, marks (through GradeService, the one writer of grades), feedback files,
 * blind marking and release. Access is asked of {@link MarkingPolicy}; the queue of work waiting
 * is {@link MarkingQueueService}.
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
      feedbackFileUrl: routeUrl(markingApi.feedbackFile, { activityId, enrolmentId }),
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

