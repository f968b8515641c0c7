import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

/** Required activities done, in whole percent (100 only when all are done). */
export function progressPercent(facts: CompletionFacts): number {
  if (facts.requiredActivities === 0) return 100;
  return Math.floor(
    (100 * Math.min(facts.requiredDone, facts.requiredActivities)) / facts.requiredActivities,
  );
}

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
   * completes it: `enrolment.completed` is written exactly once.
   */
  async recompute(
    em: EntityManager,
    enrolmentId: string,
    options: { activityAt?: Date } = {},
  ): Promise<EnrolmentState> {
    const [enrolment] = (await em.query(
      `SELECT ${ENROLMENT_COLUMNS}, e.user_id AS "userId", c.course_id AS "courseId"
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.id = $1
          FOR UPDATE OF e`,
      [enrolmentId],
    )) as (EnrolmentState & { courseId: string })[];
    if (!enrolment) throw new NotFoundException();

    const [facts] = (await em.query(
      `SELECT count(*) FILTER (WHERE a.required)::int AS "requiredActivities",
              count(ac.activity_id) FILTER (WHERE a.required)::int AS "requiredDone"
         FROM activities a
         LEFT JOIN activity_completions ac ON ac.activity_id = a.id AND ac.enrolment_id = $1
        WHERE a.course_id = $2`,
      [enrolmentId, enrolment.courseId],
    )) as CompletionFacts[];

    const [[updated]] = (await em.query(
      `UPDATE enrolments e
          SET progress_percent = $2,
              last_activity_at = coalesce($3::timestamptz, e.last_activity_at),
              updated_at = now()
        WHERE e.id = $1
        RETURNING ${ENROLMENT_COLUMNS}, e.user_id AS "userId"`,
      [enrolmentId, progressPercent(facts), options.activityAt ?? null],
    )) as [EnrolmentState[], number];

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
}
