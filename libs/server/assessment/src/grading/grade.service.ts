import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GradeChangeAction, GradeSnapshot, GradeStatus, GradeView, OwnGradeView, RubricMarks } from '@aula/contracts';
import { fieldError } from '@aula/server/core';
import { CompletionService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { PreparedSql } from '@aula/server/database';
import { OutboxService } from '@aula/server/outbox';
import { Grade } from './grade.entity';
import { GradeItem } from './grade-item.entity';
import { GradeChangedError, GradeNotReleasableError } from './grading.errors';

export interface GradeKey {
  activityId: string;
  enrolmentId: string;
}

export interface MarkInput {
  /** Points before the late penalty; null clears the score (a draft with feedback only). */
  rawPoints: number | null;
  latePenaltyPercent?: number;
  rubricMarks?: RubricMarks | null;
  feedback?: string | null;
}

export interface MarkOptions {
  /** The version the marker read; null when they saw no grade yet. Anything else → 409. */
  expectedVersion: number | null;
  /** Where the grade goes; a released grade stays released (its trainee sees the new mark). */
  status: Exclude<GradeStatus, 'released'>;
  action?: Extract<GradeChangeAction, 'mark' | 'import' | 'penalty'>;
}

/** Points after a late penalty of `percent`, never below zero, to the cent. */
export function applyPenalty(rawPoints: number, percent: number): number {
  return Math.max(0, Math.round(rawPoints * (100 - Math.min(100, Math.max(0, percent)))) / 100);
}

export function gradeSnapshot(g: Grade): GradeSnapshot {
  return {
    status: g.status,
    points: g.points,
    rawPoints: g.rawPoints,
    latePenaltyPercent: g.latePenaltyPercent,
    rubricMarks: g.rubricMarks,
    feedback: g.feedback,
    ...(g.feedbackFileKey && g.feedbackFileName ? { feedbackFileName: g.feedbackFileName } : {}),
  };
}

interface AuditEntry {
  action: GradeChangeAction;
  before: GradeSnapshot | null;
}

/** Every column of a grade, named as the entity names them. */
const GRADE_COLUMNS = `id, activity_id AS "activityId", enrolment_id AS "enrolmentId", status, points, raw_points AS "rawPoints",
  late_penalty_percent AS "latePenaltyPercent", rubric_marks AS "rubricMarks", feedback,
  feedback_file_key AS "feedbackFileKey", feedback_file_name AS "feedbackFileName",
  feedback_file_content_type AS "feedbackFileContentType", feedback_file_size AS "feedbackFileSize",
  graded_by_id AS "gradedById", graded_at AS "gradedAt", released_at AS "releasedAt", version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Creates the grade row if needed and locks it (prepared: it runs in every grade change). */
const LOCK_OR_CREATE = new PreparedSql(
  `INSERT INTO grades (activity_id, enrolment_id, version) VALUES ($1, $2, 0)
       ON CONFLICT (activity_id, enrolment_id) DO UPDATE SET version = grades.version
       RETURNING ${GRADE_COLUMNS}, (xmax = 0) AS created`,
);

/** Saves a locked grade and appends its audit entries, in one round trip (prepared, as above). */
const SAVE_GRADE = new PreparedSql(
  `WITH saved AS (
         UPDATE grades
            SET status = $2, points = $3, raw_points = $4, late_penalty_percent = $5, rubric_marks = $6,
                feedback = $7, feedback_file_key = $8, feedback_file_name = $9,
                feedback_file_content_type = $10, feedback_file_size = $11, graded_by_id = $12,
                graded_at = $13, released_at = $14, version = $15, updated_at = now()
          WHERE id = $1
          RETURNING id, updated_at),
       audit AS (
         INSERT INTO grade_changes (grade_id, action, changed_by_id, before, after)
         SELECT saved.id, e->>'action', $16::uuid, nullif(e->'before', 'null'::jsonb), e->'after'
           FROM saved, jsonb_array_elements($17::jsonb) e)
       SELECT updated_at AS "updatedAt" FROM saved`,
);

type GradeRow = Omit<Grade, 'points' | 'rawPoints' | 'latePenaltyPercent'> & {
  points: string | null;
  rawPoints: string | null;
  latePenaltyPercent: string;
};

const num = (value: string | null): number | null => (value === null ? null : Number(value));

function gradeFromRow(row: GradeRow): Grade {
  return Object.assign(new Grade(), {
    ...row,
    points: num(row.points),
    rawPoints: num(row.rawPoints),
    latePenaltyPercent: Number(row.latePenaltyPercent),
  });
}

/** A feedback file already stored through the storage port. */
export interface FeedbackFile {
  key: string;
  name: string;
  contentType: string;
  size: number;
}

/**
 * The one writer of grades, for quizzes, assignments and gradebook imports. Every change runs in
 * the caller's transaction, on the locked grade row: it checks the version the caller read,
 * records the change in the audit trail and, on release, announces `grade.released`, marks the
 * activity done and lets the course completion rule look again.
 */
@Injectable()
export class GradeService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly completion: CompletionService,
  ) {}

  /** The grade row for (activity, enrolment), locked for this transaction; null when none exists. */
  async lock(em: EntityManager, key: GradeKey): Promise<Grade | null> {
    return em
      .createQueryBuilder(Grade, 'g')
      .setLock('pessimistic_write')
      .where('g.activity_id = :activityId AND g.enrolment_id = :enrolmentId', key)
      .getOne();
  }

  async maxPoints(em: EntityManager, activityId: string): Promise<number> {
    const item = await em.findOneBy(GradeItem, { activityId });
    return item?.maxPoints ?? 100;
  }

  /**
   * Creates the row if needed and locks it, in one statement: concurrent creators meet on the unique
   * key, and `DO UPDATE` takes the row lock whether the row was new or not.
   */
  private async lockOrCreate(em: EntityManager, key: GradeKey): Promise<{ grade: Grade; created: boolean }> {
    const [row] = await LOCK_OR_CREATE.run<GradeRow & { created: boolean }>(em, [key.activityId, key.enrolmentId]);
    return { grade: gradeFromRow(row), created: row.created };
  }

  /**
   * A tutor's (or an import's) mark. `expectedVersion` guards against silent overwrites: two tutors
   * saving at once → the second gets {@link GradeChangedError}.
   */
  async saveMark(
    em: EntityManager,
    actor: Actor | null,
    key: GradeKey,
    input: MarkInput,
    options: MarkOptions,
  ): Promise<Grade> {
    const max = await this.maxPoints(em, key.activityId);
    if (input.rawPoints !== null && (input.rawPoints < 0 || input.rawPoints > max)) {
      throw fieldError('points', `must be between 0 and ${max}`);
    }
    const { grade, created } = await this.lockOrCreate(em, key);
    const seen = created ? null : grade.version === 0 ? null : grade.version;
    if ((options.expectedVersion ?? null) !== seen) throw new GradeChangedError(grade.version);
    const before = created || grade.version === 0 ? null : gradeSnapshot(grade);

    const penalty = input.latePenaltyPercent ?? grade.latePenaltyPercent ?? 0;
    grade.rawPoints = input.rawPoints;
    grade.latePenaltyPercent = penalty;
    grade.points = input.rawPoints === null ? null : applyPenalty(input.rawPoints, penalty);
    if (input.rubricMarks !== undefined) grade.rubricMarks = input.rubricMarks;
    if (input.feedback !== undefined) grade.feedback = input.feedback;
    if (grade.status !== 'released') grade.status = options.status;
    grade.gradedById = actor?.id ?? null;
    grade.gradedAt = new Date();
    return this.write(em, grade, [{ action: options.action ?? 'mark', before }], actor);
  }

  /**
   * Attaches (or with `null` removes) the feedback file of a grade, creating a draft grade when
   * there is none yet; same version check and audit trail as {@link saveMark}. Returns the saved
   * grade and the storage key it no longer points to (the caller removes it after commit).
   */
  async setFeedbackFile(
    em: EntityManager,
    actor: Actor | null,
    key: GradeKey,
    file: FeedbackFile | null,
    options: { expectedVersion: number | null },
  ): Promise<{ grade: Grade; replacedKey: string | null }> {
    const { grade, created } = await this.lockOrCreate(em, key);
    const seen = created ? null : grade.version === 0 ? null : grade.version;
    if ((options.expectedVersion ?? null) !== seen) throw new GradeChangedError(grade.version);
    const before = created || grade.version === 0 ? null : gradeSnapshot(grade);
    const replacedKey = grade.feedbackFileKey;
    grade.feedbackFileKey = file?.key ?? null;
    grade.feedbackFileName = file?.name ?? null;
    grade.feedbackFileContentType = file?.contentType ?? null;
    grade.feedbackFileSize = file?.size ?? null;
    grade.gradedById = actor?.id ?? grade.gradedById;
    grade.gradedAt = new Date();
    const saved = await this.write(em, grade, [{ action: 'mark', before }], actor);
    return { grade: saved, replacedKey: replacedKey && replacedKey !== file?.key ? replacedKey : null };
  }

  /**
   * A grade the platform computed (quizzes). Released at once when `release` is set, which is how
   * quiz scores reach trainees the moment they submit.
   */
  async recordAutomatic(
    em: EntityManager,
    key: GradeKey,
    rawPoints: number,
    options: { release: boolean; latePenaltyPercent?: number },
  ): Promise<Grade> {
    const { grade, created } = await this.lockOrCreate(em, key);
    const before = created || grade.version === 0 ? null : gradeSnapshot(grade);
    const penalty = options.latePenaltyPercent ?? 0;
    grade.rawPoints = rawPoints;
    grade.latePenaltyPercent = penalty;
    grade.points = applyPenalty(rawPoints, penalty);
    grade.gradedById = null;
    grade.gradedAt = new Date();
    if (grade.status === 'released' || !options.release) {
      if (grade.status !== 'released') grade.status = 'ready';
      return this.write(em, grade, [{ action: 'auto', before }], null);
    }
    // Scored and released in one write, with both steps in the audit trail.
    grade.status = 'ready';
    const scored = gradeSnapshot(grade);
    return this.releaseLocked(em, grade, null, [{ action: 'auto', before }, { action: 'release', before: scored }]);
  }

  /**
   * Releases the given grades (those not yet released; grades without points are refused when
   * named one by one, skipped in bulk). Returns the grades it released.
   */
  async release(
    em: EntityManager,
    actor: Actor | null,
    gradeIds: string[],
    options: { skipUnscored?: boolean } = {},
  ): Promise<Grade[]> {
    if (gradeIds.length === 0) return [];
    const grades = await em
      .createQueryBuilder(Grade, 'g')
      .setLock('pessimistic_write')
      .where('g.id IN (:...ids)', { ids: gradeIds })
      .orderBy('g.id')
      .getMany();
    const released: Grade[] = [];
    for (const grade of grades) {
      if (grade.status === 'released') continue;
      if (grade.points === null) {
        if (options.skipUnscored) continue;
        throw new GradeNotReleasableError();
      }
      released.push(await this.releaseLocked(em, grade, actor));
    }
    return released;
  }

  private async releaseLocked(
    em: EntityManager,
    grade: Grade,
    actor: Actor | null,
    changes: AuditEntry[] = [{ action: 'release', before: gradeSnapshot(grade) }],
  ): Promise<Grade> {
    grade.status = 'released';
    grade.releasedAt = new Date();
    const saved = await this.write(em, grade, changes, actor);
    // A released grade is what completes a quiz or assignment.
    const enrolment = await this.completion.recompute(em, saved.enrolmentId, {
      activityAt: saved.releasedAt ?? undefined,
      done: saved.activityId,
    });
    await this.outbox.add(em, 'grade.released', {
      gradeId: saved.id,
      activityId: saved.activityId,
      enrolmentId: saved.enrolmentId,
      userId: enrolment.userId,
      cohortId: enrolment.cohortId,
    });
    return saved;
  }

  /**
   * Saves the locked grade (one version more) and its audit entries in one round trip. `after` of
   * each entry is the grade as saved, except for earlier entries of a multi-step change, whose
   * `after` is the next entry's `before`.
   */
  private async write(
    em: EntityManager,
    grade: Grade,
    changes: AuditEntry[],
    actor: Actor | null,
  ): Promise<Grade> {
    grade.version += 1;
    const after = gradeSnapshot(grade);
    const entries = changes.map((c, i) => ({
      action: c.action,
      before: c.before,
      after: i + 1 < changes.length ? (changes[i + 1].before ?? after) : after,
    }));
    const [row] = await SAVE_GRADE.run<{ updatedAt: Date }>(em, [
        grade.id,
        grade.status,
        grade.points,
        grade.rawPoints,
        grade.latePenaltyPercent,
        grade.rubricMarks === null ? null : JSON.stringify(grade.rubricMarks),
        grade.feedback,
        grade.feedbackFileKey,
        grade.feedbackFileName,
        grade.feedbackFileContentType,
        grade.feedbackFileSize,
        grade.gradedById,
        grade.gradedAt,
        grade.releasedAt,
        grade.version,
        actor?.id ?? null,
        JSON.stringify(entries),
      ]);
    grade.updatedAt = row.updatedAt;
    return grade;
  }

  toView(grade: Grade, maxPoints: number): GradeView {
    return {
      id: grade.id,
      activityId: grade.activityId,
      enrolmentId: grade.enrolmentId,
      status: grade.status,
      points: grade.points,
      rawPoints: grade.rawPoints,
      latePenaltyPercent: grade.latePenaltyPercent,
      maxPoints,
      rubricMarks: grade.rubricMarks,
      feedback: grade.feedback,
      feedbackFile: fileOf(grade),
      gradedById: grade.gradedById,
      gradedAt: grade.gradedAt?.toISOString() ?? null,
      releasedAt: grade.releasedAt?.toISOString() ?? null,
      version: grade.version,
    };
  }

  /** A trainee's view: nothing at all until the grade is released. */
  ownView(grade: Grade | null, maxPoints: number): OwnGradeView | null {
    if (!grade || grade.status !== 'released' || !grade.releasedAt) return null;
    return {
      points: grade.points,
      maxPoints,
      latePenaltyPercent: grade.latePenaltyPercent,
      rubricMarks: grade.rubricMarks,
      feedback: grade.feedback,
      feedbackFile: fileOf(grade),
      releasedAt: grade.releasedAt.toISOString(),
    };
  }
}

function fileOf(grade: Grade): GradeView['feedbackFile'] {
  return grade.feedbackFileKey && grade.feedbackFileName
    ? { name: grade.feedbackFileName, size: grade.feedbackFileSize ?? 0, contentType: grade.feedbackFileContentType ?? '' }
    : null;
}
