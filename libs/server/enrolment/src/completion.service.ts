import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PreparedSql } from '@aula/server/database';
import { OutboxService } from '@aula/server/outbox';
import { EnrolmentService, type EnrolmentState } from './enrolment.service';
import { ENROLMENT_COLUMNS } from './views';

/**
 * What the course completion rule looks at for one enrolment. `conditions` are the answers of the
 * rules other domains register (see {@link CompletionCondition}); each must be true.
 */
export interface CompletionFacts {
  requiredActivities: number;
  requiredDone: number;
  conditions?: Record<string, boolean>;
}

/** The course completion rule: every required activity done, and every registered condition met. */
export function completionReached(facts: CompletionFacts): boolean {
  if (facts.requiredDone < facts.requiredActivities) return false;
  return Object.values(facts.conditions ?? {}).every(Boolean);
}

/**
 * An extra condition for completing a course, registered by a domain this one may not import
 * (the assessment gradebook registers "the course total reaches the pass mark" on module init).
 * Asked only once every required activity is done, inside the transaction that locked the
 * enrolment; true lets the enrolment complete.
 */
export interface CompletionCondition {
  /** A short name for the facts (`passMarkReached`). */
  name: string;
  met(em: EntityManager, enrolment: { id: string; courseId: string }): Promise<boolean>;
}

/**
 * Required activities done, in whole percent (rounded down, so 100 only when all are done), as SQL
 * over `counted.required` and `counted.done`: the statement that saves progress computes it.
 */
const PROGRESS_PERCENT_SQL = `CASE WHEN counted.required = 0 THEN 100
  ELSE (100 * least(counted.done, counted.required)) / counted.required END`;

/** The enrolment row, locked, with its course (prepared: every completion and grade release runs it). */
const LOCK_ENROLMENT = new PreparedSql(
  `SELECT ${ENROLMENT_COLUMNS}, e.user_id AS "userId", c.course_id AS "courseId"
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.id = $1
          FOR UPDATE OF e`,
);

/**
 * Records the activity just done (if any: `$4`), counts the required activities done and saves the
 * progress, in one statement. Run after LOCK_ENROLMENT, so it sees every completion committed
 * before; its own insert is not visible to its count, hence `+ fresh`.
 */
const SAVE_PROGRESS = new PreparedSql(
  `WITH fresh AS (
         INSERT INTO activity_completions (enrolment_id, activity_id)
         SELECT $1, a.id FROM activities a WHERE a.id = $4::uuid AND a.course_id = $2
         ON CONFLICT DO NOTHING
         RETURNING activity_id),
       counted AS (
         SELECT count(*) FILTER (WHERE a.required)::int AS required,
                (count(ac.activity_id) FILTER (WHERE a.required)
                  + (SELECT count(*) FROM fresh JOIN activities f ON f.id = fresh.activity_id WHERE f.required))::int AS done
           FROM activities a
           LEFT JOIN activity_completions ac ON ac.activity_id = a.id AND ac.enrolment_id = $1
          WHERE a.course_id = $2)
       UPDATE enrolments e
          SET progress_percent = ${PROGRESS_PERCENT_SQL},
              last_activity_at = coalesce($3::timestamptz, e.last_activity_at),
              updated_at = now()
         FROM counted
        WHERE e.id = $1
        RETURNING ${ENROLMENT_COLUMNS}, e.user_id AS "userId",
                  counted.required AS "requiredActivities", counted.done AS "requiredDone"`,
);

/**
 * Keeps an enrolment's progress and completion in step with its activity completions. Called in
 * the transaction that changed them (mark as done here; grading in the assessment domain).
 */
@Injectable()
export class CompletionService {
  constructor(
    private readonly enrolments: EnrolmentService,
    private readonly outbox: OutboxService,
  ) {}

  private readonly conditions = new Map<string, CompletionCondition>();

  /** Adds (or replaces, by name) an extra completion condition; see {@link CompletionCondition}. */
  registerCondition(condition: CompletionCondition): void {
    this.conditions.set(condition.name, condition);
  }

  /**
   * Recomputes progress, and completes the enrolment when the rule is reached. The enrolment row
   * is locked first, so two calls at once finish one after the other and only the first one
   * completes it: `enrolment.completed` is written exactly once. `done` names an activity of the
   * course to record as done first (a released grade, a mark as done).
   */
  async recompute(
    em: EntityManager,
    enrolmentId: string,
    options: { activityAt?: Date; done?: string } = {},
  ): Promise<EnrolmentState> {
    const [enrolment] = await LOCK_ENROLMENT.run<EnrolmentState & { courseId: string }>(em, [enrolmentId]);
    if (!enrolment) throw new NotFoundException();

    const [row] = await SAVE_PROGRESS.run<EnrolmentState & CompletionFacts>(em, [enrolmentId, enrolment.courseId, options.activityAt ?? null, options.done ?? null]);
    const { requiredActivities, requiredDone, ...updated } = row;
    const facts: CompletionFacts = { requiredActivities, requiredDone };

    if (updated.status !== 'active' || !completionReached(facts)) return updated;
    facts.conditions = {};
    for (const condition of this.conditions.values()) {
      facts.conditions[condition.name] = await condition.met(em, {
        id: enrolmentId,
        courseId: enrolment.courseId,
      });
    }
    if (!completionReached(facts)) return updated;
    // active → completed keeps the seat, so the cohort row need not be locked here.
    const completed = await this.enrolments.changeStatus(em, updated, 'completed', null);
    await this.outbox.add(em, 'enrolment.completed', {
      enrolmentId: completed.id,
      userId: completed.userId,
      cohortId: completed.cohortId,
      courseId: enrolment.courseId,
      completedAt: new Date(completed.completedAt as Date | string).toISOString(),
    });
    return completed;
  }

  /**
   * Looks again at the course's active enrolments that only a completion condition can still be
   * holding back (every required activity done), after a condition's rule changed.
   */
  async recomputeCourse(em: EntityManager, courseId: string): Promise<void> {
    const waiting = (await em.query(
      `SELECT e.id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE c.course_id = $1 AND e.status = 'active' AND e.progress_percent = 100
        ORDER BY e.id`,
      [courseId],
    )) as { id: string }[];
    for (const { id } of waiting) await this.recompute(em, id);
  }
}
