import { Injectable, Logger, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type {
  ActivityKind,
  AssignmentSettings,
  AssignmentSettingsInput,
  AssignmentTraineeView,
  CourseStatus,
  EnrolmentStatus,
  Locale,
  SubmissionFileView,
  SubmissionForMarking,
  SubmissionVersionView,
  Translations,
} from '@aula/contracts';
import { attachmentDisposition, fieldError, pickText, readerLocale, sanitiseFileName } from '@aula/server/core';
import {
  ActivityFileService,
  CatalogNotFoundError,
  inspectActivityFile,
  sanitiseRichText,
  UnsupportedFileError,
  WrongActivityKindError,
  type InspectedFile,
} from '@aula/server/catalog';
import { EnrolmentPolicy } from '@aula/server/enrolment';
import { AccessPolicy, type Actor } from '@aula/server/identity';
import { StorageNotFoundError, StoragePort } from '@aula/server/storage';
import { OutboxService } from '@aula/server/outbox';
import { Grade } from '../grading/grade.entity';
import { GradeService } from '../grading/grade.service';
import { ScheduleService } from '../schedule/schedule.service';
import { Assignment } from './assignment.entity';
import { NotASubmitterError, SubmissionChangedError, SubmissionClosedError } from './assignment.errors';
import {
  assertAcceptsSomething,
  fileTypeOf,
  hasText,
  isOdsPackage,
  lateSeconds,
  ODS_CONTENT_TYPE,
  rubricMaxPoints,
  rubricView,
  submitBlock,
  validateSettingsInput,
} from './assignment.rules';
import { Submission } from './submission.entity';
import { SubmissionFile } from './submission-file.entity';
import { SubmissionVersion } from './submission-version.entity';

/** A submission file ready to send, with the headers that keep it inert in a browser. */
export interface SubmissionFileDownload {
  stream: Readable;
  file: SubmissionFileView;
  headers: Record<string, string>;
}

interface TraineeContext {
  activityId: string;
  kind: ActivityKind;
  title: Translations;
  body: Translations;
  courseId: string;
  courseStatus: CourseStatus;
  defaultLocale: Locale;
  readerLocale: Locale | null;
  enrolmentId: string | null;
  enrolmentStatus: EnrolmentStatus | null;
  cohortTimeZone: string | null;
}

/** $1 activity, $2 reader. The reader's enrolment in the course: the active one first, else the latest completed. */
const CONTEXT_SQL = `
SELECT a.id AS "activityId", a.kind, a.title, a.body, a.course_id AS "courseId",
       co.status AS "courseStatus", co.default_locale AS "defaultLocale",
       (SELECT u.locale FROM users u WHERE u.id = $2) AS "readerLocale",
       en.id AS "enrolmentId", en.status AS "enrolmentStatus", en.time_zone AS "cohortTimeZone"
  FROM activities a
  JOIN courses co ON co.id = a.course_id
  LEFT JOIN LATERAL (
        SELECT e.id, e.status, c.time_zone
          FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
         WHERE e.user_id = $2 AND c.course_id = a.course_id AND e.status IN ('active', 'completed')
         ORDER BY (e.status = 'active') DESC, e.created_at DESC
         LIMIT 1) en ON true
 WHERE a.id = $1`;

/** Storage keys are ours: never derived from a file name. */
const newFileKey = () => `assessment/submissions/${randomUUID()}`;

const fileView = (f: SubmissionFile): SubmissionFileView => ({
  id: f.id,
  name: f.name,
  contentType: f.contentType,
  size: f.size,
});

/**
 * Assignments: settings (administrators), a trainee's draft, files and submitted versions, and
 * what marking reads. Submitting writes nothing to grades: marking does, through GradeService.
 * Who may see a submission is decided here (owner, the cohort's tutors, administrators).
 */
@Injectable()
export class AssignmentService implements OnModuleInit {
  private readonly logger = new Logger(AssignmentService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EnrolmentPolicy,
    private readonly schedule: ScheduleService,
    private readonly grades: GradeService,
    private readonly storage: StoragePort,
    private readonly outbox: OutboxService,
    private readonly activityFiles: ActivityFileService,
  ) {}

  /** Deleting an activity (or its module) also removes the trainees' files and the tutors' feedback files kept for it. */
  onModuleInit(): void {
    this.activityFiles.registerOwner({
      name: 'assessment-files',
      keys: async (em, activityIds) => {
        const rows = (await em.query(
          `SELECT DISTINCT sf.storage_key AS key FROM submission_files sf JOIN submissions s ON s.id = sf.submission_id
            WHERE s.activity_id = ANY($1::uuid[])
           UNION ALL
           SELECT g.feedback_file_key FROM grades g WHERE g.activity_id = ANY($1::uuid[]) AND g.feedback_file_key IS NOT NULL`,
          [activityIds],
        )) as { key: string }[];
        return rows.map((r) => r.key);
      },
    });
  }

  // ---------------------------------------------------------------- settings

  /**
   * The assignment row of an `assignment` activity, created with defaults (and its grade item)
   * the first time. 404 for an unknown activity, 409 naming `kind` for another kind.
   */
  async ensure(em: EntityManager, activityId: string): Promise<Assignment> {
    const [activity] = (await em.query(`SELECT kind, course_id AS "courseId" FROM activities WHERE id = $1`, [
      activityId,
    ])) as { kind: ActivityKind; courseId: string }[];
    if (!activity) throw new CatalogNotFoundError('activity');
    if (activity.kind !== 'assignment')
      throw new WrongActivityKindError(`Only assignment activities have assignment settings; this one is a ${activity.kind}.`);
    await em.query(
      `INSERT INTO assignments (activity_id, course_id) VALUES ($1, $2) ON CONFLICT (activity_id) DO NOTHING`,
      [activityId, activity.courseId],
    );
    await em.query(
      `INSERT INTO grade_items (activity_id, course_id) VALUES ($1, $2) ON CONFLICT (activity_id) DO NOTHING`,
      [activityId, activity.courseId],
    );
    return em.findOneByOrFail(Assignment, { activityId });
  }

  async settingsView(em: EntityManager, a: Assignment): Promise<AssignmentSettings> {
    return {
      activityId: a.activityId,
      courseId: a.courseId,
      acceptsText: a.acceptsText,
      acceptsFiles: a.acceptsFiles,
      maxFiles: a.maxFiles,
      maxFileBytes: a.maxFileBytes,
      allowedFileTypes: a.allowedFileTypes,
      latePolicy: a.latePolicy,
      latePenaltyPercentPerDay: a.latePenaltyPercentPerDay,
      allowResubmission: a.allowResubmission,
      blindMarking: a.blindMarking,
      rubric: a.rubric,
      maxPoints: await this.grades.maxPoints(em, a.activityId),
    };
  }

  /** Administrators: the settings (defaults the first time). */
  async settings(activityId: string): Promise<AssignmentSettings> {
    return this.dataSource.transaction(async (em) => this.settingsView(em, await this.ensure(em, activityId)));
  }

  /**
   * Administrators: changes the settings (fields left out keep their value) and writes the max
   * points to the grade item: the rubric's when there is one, else `maxPoints`.
   */
  async updateSettings(activityId: string, input: AssignmentSettingsInput): Promise<AssignmentSettings> {
    const clean = validateSettingsInput(input);
    return this.dataSource.transaction(async (em) => {
      await this.ensure(em, activityId);
      const a = await em.findOneOrFail(Assignment, { where: { activityId }, lock: { mode: 'pessimistic_write' } });
      const { maxPoints, ...fields } = clean;
      Object.assign(a, fields);
      assertAcceptsSomething(a);
      await em.save(Assignment, a);
      const points = a.rubric ? rubricMaxPoints(a.rubric) : maxPoints;
      if (a.rubric && points === 0) throw fieldError('rubric', 'must be worth more than 0 points (its highest levels add up to 0)');
      if (points !== undefined) {
        await em.query(
          `INSERT INTO grade_items (activity_id, course_id, max_points) VALUES ($1, $2, $3)
           ON CONFLICT (activity_id) DO UPDATE SET max_points = EXCLUDED.max_points, course_id = EXCLUDED.course_id`,
          [activityId, a.courseId, points],
        );
      }
      return this.settingsView(em, a);
    });
  }

  // ---------------------------------------------------------------- for marking

  /**
   * What a marker needs of one trainee's submission: the settings, the latest submitted version
   * (text, files, when, how late) and how many versions there are. Null when nothing was
   * submitted. No access check: marking asks its own policy first.
   */
  async latestForMarking(em: EntityManager, activityId: string, enrolmentId: string): Promise<SubmissionForMarking | null> {
    const submission = await em.findOneBy(Submission, { activityId, enrolmentId });
    if (!submission || submission.latestVersion === 0) return null;
    const assignment = await this.ensure(em, activityId);
    const version = await em.findOneByOrFail(SubmissionVersion, {
      submissionId: submission.id,
      number: submission.latestVersion,
    });
    const files = await em.find(SubmissionFile, { where: { versionId: version.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return {
      settings: await this.settingsView(em, assignment),
      submissionId: submission.id,
      latest: this.versionView(version, files),
      versionsCount: submission.latestVersion,
    };
  }

  /**
   * A submission file for download, for its owner (draft and submitted files), and for the
   * tutors of the owner's cohort and administrators (submitted files only). 404 for anyone else,
   * exactly as for a file that does not exist.
   */
  async openFile(actor: Actor, fileId: string): Promise<SubmissionFileDownload> {
    const [row] = (await this.dataSource.query(
      `SELECT f.id, f.storage_key AS "storageKey", f.name, f.content_type AS "contentType", f.size,
              f.version_id AS "versionId", e.user_id AS "userId", e.cohort_id AS "cohortId"
         FROM submission_files f
         JOIN submissions s ON s.id = f.submission_id
         JOIN enrolments e ON e.id = s.enrolment_id
        WHERE f.id = $1`,
      [fileId],
    )) as (SubmissionFile & { userId: string; cohortId: string })[];
    if (!row) throw new NotFoundException();
    const owner = row.userId === actor.id;
    if (!owner) {
      AccessPolicy.assertVisible(row.versionId !== null);
      AccessPolicy.assertVisible(this.policy.isAdmin(actor) || (await this.policy.isTutorOf(actor, row.cohortId)));
    }
    let stream: Readable;
    try {
      stream = await this.storage.get(row.storageKey);
    } catch (e) {
      if (!(e instanceof StorageNotFoundError)) throw e;
      this.logger.error({ fileId: row.id, key: row.storageKey }, 'submission file missing from storage');
      throw new NotFoundException();
    }
    return {
      stream,
      file: fileView(row),
      headers: {
        'Content-Type': row.contentType,
        'Content-Length': String(row.size),
        'Content-Disposition': attachmentDisposition(row.name),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    };
  }

  // ---------------------------------------------------------------- trainee

  /** The reader's view of an assignment; 404 for anyone who may not read the course's content. */
  async view(actor: Actor, activityId: string, explicit?: Locale, acceptLanguage?: string): Promise<AssignmentTraineeView> {
    const ctx = await this.context(actor, activityId);
    return this.dataSource.transaction((em) => this.buildView(em, ctx, explicit, acceptLanguage));
  }

  /** Saves the draft text (sanitised rich text; empty clears it). */
  async saveDraft(actor: Actor, activityId: string, text: string | null): Promise<AssignmentTraineeView> {
    const ctx = await this.context(actor, activityId);
    const safe = text ? sanitiseRichText(text.normalize('NFC')) : '';
    return this.dataSource.transaction(async (em) => {
      const { assignment, submission } = await this.writable(em, ctx);
      if (!assignment.acceptsText && hasText(safe)) throw fieldError('text', 'this assignment does not accept text');
      submission.draftText = hasText(safe) ? safe : null;
      await em.save(Submission, submission);
      return this.buildView(em, ctx);
    });
  }

  /**
   * Adds a file to the draft: checked against the assignment's size, count and type limits, the
   * type decided by the content (a page renamed `.pdf` is refused). 400 naming `file`.
   */
  async addFile(actor: Actor, activityId: string, content: Buffer, originalName: string): Promise<SubmissionFileView> {
    const ctx = await this.context(actor, activityId);
    const early = await this.dataSource.transaction(async (em) => {
      const { assignment, submission } = await this.writable(em, ctx);
      await this.assertRoomForFile(em, assignment, submission.id);
      return assignment;
    });
    if (content.length > early.maxFileBytes)
      throw fieldError('file', `must be at most ${formatBytes(early.maxFileBytes)}`, `The file is too large: at most ${formatBytes(early.maxFileBytes)} per file.`);
    const inspected = await this.inspect(content, originalName, early.allowedFileTypes);

    const key = newFileKey();
    const stored = await this.storage.put(key, content);
    try {
      return await this.dataSource.transaction(async (em) => {
        const { assignment, submission } = await this.writable(em, ctx);
        await this.assertRoomForFile(em, assignment, submission.id);
        const row = await em.save(
          SubmissionFile,
          em.create(SubmissionFile, {
            submissionId: submission.id,
            versionId: null,
            storageKey: key,
            name: inspected.name,
            contentType: inspected.contentType,
            size: stored.size,
          }),
        );
        submission.updatedAt = new Date();
        await em.save(Submission, submission);
        return fileView(row);
      });
    } catch (e) {
      await this.discard([key]);
      throw e;
    }
  }

  /** Removes a file from the draft (files of submitted versions stay). 404 for anything else. */
  async removeFile(actor: Actor, activityId: string, fileId: string): Promise<void> {
    const ctx = await this.context(actor, activityId);
    const key = await this.dataSource.transaction(async (em) => {
      const { submission } = await this.writable(em, ctx);
      const file = await em.findOneBy(SubmissionFile, { id: fileId, submissionId: submission.id, versionId: IsNull() });
      if (!file) throw new NotFoundException();
      await em.delete(SubmissionFile, { id: file.id });
      const [{ used }] = (await em.query(`SELECT count(*)::int AS used FROM submission_files WHERE storage_key = $1`, [
        file.storageKey,
      ])) as { used: number }[];
      return used === 0 ? file.storageKey : null;
    });
    await this.discard([key]);
  }

  /**
   * Submits the draft as a new version (text and files as accepted), with its lateness against
   * the trainee's effective due date. Refused (409) after the cut-off, after the due date under
   * the `refuse` policy without a cut-off, and a second time when resubmission is not allowed.
   * `expectedVersion` (the latest version the trainee saw) turns a double submit into one.
   */
  async submit(actor: Actor, activityId: string, expectedVersion?: number): Promise<AssignmentTraineeView> {
    const ctx = await this.context(actor, activityId);
    return this.dataSource.transaction(async (em) => {
      const { assignment, submission, schedule, now } = await this.writable(em, ctx);
      if (expectedVersion !== undefined && expectedVersion !== submission.latestVersion)
        throw new SubmissionChangedError(submission.latestVersion);
      const text = assignment.acceptsText && hasText(submission.draftText) ? submission.draftText : null;
      const draftFiles = assignment.acceptsFiles
        ? await em.find(SubmissionFile, {
            where: { submissionId: submission.id, versionId: IsNull() },
            order: { createdAt: 'ASC', id: 'ASC' },
          })
        : [];
      if (!text && draftFiles.length === 0) {
        const what = assignment.acceptsText && assignment.acceptsFiles ? 'text or a file' : assignment.acceptsText ? 'text' : 'a file';
        throw fieldError(assignment.acceptsText ? 'text' : 'files', `add ${what} before submitting`, `Add ${what} before submitting.`);
      }
      if (draftFiles.length > assignment.maxFiles)
        throw fieldError('files', `at most ${assignment.maxFiles} files`, `Remove files: at most ${assignment.maxFiles} may be submitted.`);
      const version = await em.save(
        SubmissionVersion,
        em.create(SubmissionVersion, {
          submissionId: submission.id,
          number: submission.latestVersion + 1,
          text,
          submittedAt: now,
          lateSeconds: lateSeconds(schedule.dueAt, now),
        }),
      );
      if (draftFiles.length > 0) {
        await em.insert(
          SubmissionFile,
          draftFiles.map((f) => ({
            submissionId: submission.id,
            versionId: version.id,
            storageKey: f.storageKey,
            name: f.name,
            contentType: f.contentType,
            size: f.size,
          })),
        );
      }
      submission.status = 'submitted';
      submission.latestVersion = version.number;
      submission.submittedAt = now;
      await em.save(Submission, submission);
      await this.outbox.add(em, 'assignment.submitted', {
        submissionId: submission.id,
        activityId: ctx.activityId,
        enrolmentId: submission.enrolmentId,
        userId: actor.id,
        version: version.number,
      });
      return this.buildView(em, ctx);
    });
  }

  // ---------------------------------------------------------------- internals

  /** The activity and the reader's enrolment; 404 unless the reader may read the course's content. */
  private async context(actor: Actor, activityId: string): Promise<TraineeContext> {
    const [row] = (await this.dataSource.query(CONTEXT_SQL, [activityId, actor.id])) as TraineeContext[];
    if (!row || row.kind !== 'assignment') throw new NotFoundException();
    AccessPolicy.assertVisible(
      await this.policy.canReadCourseContent(actor, { courseId: row.courseId, courseStatus: row.courseStatus }),
    );
    return row;
  }

  /**
   * The settings and the reader's submission (created if needed), locked, after checking they may
   * change it now: 403 for someone not enrolled or no longer active, 409 when submissions are closed.
   */
  private async writable(em: EntityManager, ctx: TraineeContext) {
    if (!ctx.enrolmentId) throw new NotASubmitterError('not-enrolled');
    if (ctx.enrolmentStatus !== 'active') throw new NotASubmitterError('not-active');
    const assignment = await this.ensure(em, ctx.activityId);
    await em.query(
      `INSERT INTO submissions (activity_id, enrolment_id) VALUES ($1, $2)
       ON CONFLICT (activity_id, enrolment_id) DO NOTHING`,
      [ctx.activityId, ctx.enrolmentId],
    );
    const submission = await em.findOneOrFail(Submission, {
      where: { activityId: ctx.activityId, enrolmentId: ctx.enrolmentId },
      lock: { mode: 'pessimistic_write' },
    });
    // Re-read under the lock: the enrolment may have just been completed or withdrawn.
    const [enrolment] = (await em.query(`SELECT status FROM enrolments WHERE id = $1`, [ctx.enrolmentId])) as {
      status: EnrolmentStatus;
    }[];
    const schedule = await this.schedule.effective(em, ctx.activityId, ctx.enrolmentId);
    const now = new Date();
    const block = submitBlock({
      enrolmentStatus: enrolment?.status ?? null,
      schedule,
      latePolicy: assignment.latePolicy,
      allowResubmission: assignment.allowResubmission,
      submittedVersions: submission.latestVersion,
      now,
    });
    if (block === 'not-enrolled' || block === 'not-active') throw new NotASubmitterError(block);
    if (block) throw new SubmissionClosedError(block);
    return { assignment, submission, schedule, now };
  }

  private async assertRoomForFile(em: EntityManager, assignment: Assignment, submissionId: string): Promise<void> {
    if (!assignment.acceptsFiles) throw fieldError('file', 'this assignment does not accept files');
    const count = await em.countBy(SubmissionFile, { submissionId, versionId: IsNull() });
    if (count >= assignment.maxFiles)
      throw fieldError('file', `at most ${assignment.maxFiles} files`, `You can add at most ${assignment.maxFiles} files. Remove one first.`);
  }

  /** The catalog's content check, plus OpenDocument spreadsheets, limited to the assignment's types. */
  private async inspect(content: Buffer, originalName: string, allowed: string[]): Promise<InspectedFile> {
    let inspected: InspectedFile;
    try {
      inspected = await inspectActivityFile(content, originalName);
    } catch (e) {
      if (!(e instanceof UnsupportedFileError)) throw e;
      if (!isOdsPackage(content)) throw fieldError('file', refusedType(allowed), `This file is not accepted. ${refusedType(allowed)}.`);
      const name = sanitiseFileName(originalName);
      inspected = { name: /\.ods$/i.test(name) ? name : `${name}.ods`, contentType: ODS_CONTENT_TYPE };
    }
    const type = fileTypeOf(inspected.name);
    if (!type || !allowed.includes(type))
      throw fieldError('file', refusedType(allowed), `Files of this type are not accepted here. ${refusedType(allowed)}.`);
    return inspected;
  }

  private async buildView(
    em: EntityManager,
    ctx: TraineeContext,
    explicit?: Locale,
    acceptLanguage?: string,
  ): Promise<AssignmentTraineeView> {
    const assignment = await this.ensure(em, ctx.activityId);
    const wanted = readerLocale(explicit, ctx.readerLocale, acceptLanguage);
    const title = pickText(ctx.title, wanted, ctx.defaultLocale);
    const maxPoints = await this.grades.maxPoints(em, ctx.activityId);
    const base = {
      activityId: ctx.activityId,
      courseId: ctx.courseId,
      title: title.text,
      locale: title.locale,
      instructions: pickText(ctx.body, title.locale, ctx.defaultLocale).text,
      acceptsText: assignment.acceptsText,
      acceptsFiles: assignment.acceptsFiles,
      maxFiles: assignment.maxFiles,
      maxFileBytes: assignment.maxFileBytes,
      allowedFileTypes: assignment.allowedFileTypes,
      latePolicy: assignment.latePolicy,
      latePenaltyPercentPerDay: assignment.latePenaltyPercentPerDay,
      allowResubmission: assignment.allowResubmission,
      maxPoints,
      rubric: rubricView(assignment.rubric, title.locale, ctx.defaultLocale),
    };
    if (!ctx.enrolmentId) {
      return {
        ...base,
        enrolmentId: null,
        schedule: { opensAt: null, dueAt: null, closesAt: null, extended: false },
        cohortTimeZone: null,
        status: null,
        draft: { text: null, files: [] },
        versions: [],
        submitBlock: 'not-enrolled',
        grade: null,
      };
    }
    const schedule = await this.schedule.effective(em, ctx.activityId, ctx.enrolmentId);
    const submission = await em.findOneBy(Submission, { activityId: ctx.activityId, enrolmentId: ctx.enrolmentId });
    const versions = submission
      ? await em.find(SubmissionVersion, { where: { submissionId: submission.id }, order: { number: 'DESC' } })
      : [];
    const files = submission
      ? await em.find(SubmissionFile, { where: { submissionId: submission.id }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const grade = await em.findOneBy(Grade, { activityId: ctx.activityId, enrolmentId: ctx.enrolmentId });
    return {
      ...base,
      enrolmentId: ctx.enrolmentId,
      schedule,
      cohortTimeZone: ctx.cohortTimeZone,
      status: submission?.status ?? null,
      draft: {
        text: submission?.draftText ?? null,
        files: files.filter((f) => f.versionId === null).map(fileView),
      },
      versions: versions.map((v) =>
        this.versionView(
          v,
          files.filter((f) => f.versionId === v.id),
        ),
      ),
      submitBlock: submitBlock({
        enrolmentStatus: ctx.enrolmentStatus,
        schedule,
        latePolicy: assignment.latePolicy,
        allowResubmission: assignment.allowResubmission,
        submittedVersions: submission?.latestVersion ?? 0,
        now: new Date(),
      }),
      grade: this.grades.ownView(grade, maxPoints),
    };
  }

  private versionView(v: SubmissionVersion, files: SubmissionFile[]): SubmissionVersionView {
    return {
      number: v.number,
      text: v.text,
      submittedAt: v.submittedAt.toISOString(),
      lateSeconds: v.lateSeconds,
      files: files.map(fileView),
    };
  }

  /** Removes stored files no row points to any more. Best effort: a failure is logged, not thrown. */
  private async discard(keys: (string | null)[]): Promise<void> {
    for (const key of keys) {
      if (!key) continue;
      try {
        await this.storage.delete(key);
      } catch (err) {
        this.logger.warn({ err, key }, 'could not remove a submission file');
      }
    }
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function refusedType(allowed: string[]): string {
  return `Accepted types: ${allowed.join(', ')} (judged by the content, not the name)`;
}
