import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActivityScheduleView, EffectiveSchedule } from '@aula/contracts';
import { fieldError } from '@aula/server/core';
import type { Actor } from '@aula/server/identity';
import { ActivitySchedule } from './activity-schedule.entity';
import { DeadlineExtension } from './deadline-extension.entity';

export interface ScheduleInput {
  opensAt?: Date | null;
  dueAt?: Date | null;
  closesAt?: Date | null;
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Refuses dates out of order: opens ≤ due ≤ closes, naming the field that is wrong. */
export function assertScheduleOrder(input: ScheduleInput): void {
  const { opensAt, dueAt, closesAt } = input;
  if (opensAt && dueAt && dueAt < opensAt) throw fieldError('dueAt', 'must not be before the opening date');
  if (opensAt && closesAt && closesAt <= opensAt)
    throw fieldError('closesAt', 'must be after the opening date');
  if (dueAt && closesAt && closesAt < dueAt) throw fieldError('closesAt', 'must not be before the due date');
}

/** Quizzes open and close; assignments are due and cut off. A date of the other kind is refused. */
export function assertKindDates(kind: 'quiz' | 'assignment', input: ScheduleInput): void {
  if (kind === 'quiz' && input.dueAt)
    throw fieldError('dueAt', 'a quiz has no due date: set its opening and close times');
  if (kind === 'assignment' && input.opensAt)
    throw fieldError('opensAt', 'an assignment has no opening time: set its due date and cut-off');
}

/**
 * An extension moves a trainee's dates later than the cohort's, never earlier, and only dates the
 * cohort has: a quiz's close time; an assignment's due date and/or cut-off.
 */
export function assertExtensionAfter(
  kind: 'quiz' | 'assignment',
  cohort: { dueAt: Date | null; closesAt: Date | null },
  input: { dueAt?: Date | null; closesAt?: Date | null },
): void {
  const { dueAt, closesAt } = input;
  if (kind === 'quiz' && dueAt) throw fieldError('dueAt', 'a quiz has no due date: extend its close time');
  if (!dueAt && !closesAt) throw fieldError(kind === 'quiz' ? 'closesAt' : 'dueAt', 'give the later date');
  if (dueAt) {
    if (!cohort.dueAt) throw fieldError('dueAt', 'the cohort has no due date to extend');
    if (dueAt <= cohort.dueAt) throw fieldError('dueAt', "must be after the cohort's due date");
  }
  if (closesAt) {
    if (!cohort.closesAt) throw fieldError('closesAt', 'the cohort has no close date to extend');
    if (closesAt <= cohort.closesAt) throw fieldError('closesAt', "must be after the cohort's close date");
  }
  assertScheduleOrder(input);
}

/**
 * Dates of quizzes and assignments per cohort, and extensions per trainee. Everyone asks
 * {@link ScheduleService.effective} for "when may this trainee still act", so an extension counts
 * everywhere at once.
 */
@Injectable()
export class ScheduleService {
  async forCohort(em: EntityManager, cohortId: string): Promise<ActivityScheduleView[]> {
    const rows = await em.findBy(ActivitySchedule, { cohortId });
    return rows.map((r) => ({
      activityId: r.activityId,
      cohortId: r.cohortId,
      opensAt: iso(r.opensAt),
      dueAt: iso(r.dueAt),
      closesAt: iso(r.closesAt),
    }));
  }

  async set(
    em: EntityManager,
    cohortId: string,
    activityId: string,
    input: ScheduleInput,
  ): Promise<ActivityScheduleView> {
    assertScheduleOrder(input);
    await em.upsert(
      ActivitySchedule,
      {
        cohortId,
        activityId,
        opensAt: input.opensAt ?? null,
        dueAt: input.dueAt ?? null,
        closesAt: input.closesAt ?? null,
      },
      ['cohortId', 'activityId'],
    );
    return {
      cohortId,
      activityId,
      opensAt: iso(input.opensAt),
      dueAt: iso(input.dueAt),
      closesAt: iso(input.closesAt),
    };
  }

  async grantExtension(
    em: EntityManager,
    actor: Actor,
    activityId: string,
    enrolmentId: string,
    input: { dueAt?: Date | null; closesAt?: Date | null },
  ): Promise<void> {
    assertScheduleOrder(input);
    await em.upsert(
      DeadlineExtension,
      {
        activityId,
        enrolmentId,
        dueAt: input.dueAt ?? null,
        closesAt: input.closesAt ?? null,
        grantedById: actor.id,
      },
      ['activityId', 'enrolmentId'],
    );
  }

  async revokeExtension(em: EntityManager, activityId: string, enrolmentId: string): Promise<void> {
    await em.delete(DeadlineExtension, { activityId, enrolmentId });
  }

  /** The dates that apply to one enrolment: the cohort's, each replaced by an extension's when later. */
  async effective(em: EntityManager, activityId: string, enrolmentId: string): Promise<EffectiveSchedule> {
    const [row] = (await em.query(
      `SELECT ${EFFECTIVE_COLUMNS}
         FROM enrolments e
         LEFT JOIN activity_schedules s ON s.cohort_id = e.cohort_id AND s.activity_id = $1
         LEFT JOIN deadline_extensions x ON x.enrolment_id = e.id AND x.activity_id = $1
        WHERE e.id = $2`,
      [activityId, enrolmentId],
    )) as EffectiveRow[];
    return row ? toEffective(row) : { opensAt: null, dueAt: null, closesAt: null, extended: false };
  }

  /**
   * {@link effective} for every quiz and assignment of the enrolment's course at once (course
   * order), for a trainee's overview of their own dates.
   */
  async effectiveForEnrolment(
    em: EntityManager,
    enrolmentId: string,
  ): Promise<(EffectiveSchedule & { activityId: string })[]> {
    const rows = (await em.query(
      `SELECT a.id AS "activityId", ${EFFECTIVE_COLUMNS}
         FROM enrolments e
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN activities a ON a.course_id = c.course_id AND a.kind IN ('quiz', 'assignment')
         JOIN course_modules m ON m.id = a.module_id
         LEFT JOIN activity_schedules s ON s.cohort_id = e.cohort_id AND s.activity_id = a.id
         LEFT JOIN deadline_extensions x ON x.enrolment_id = e.id AND x.activity_id = a.id
        WHERE e.id = $1
        ORDER BY m.position, a.position`,
      [enrolmentId],
    )) as (EffectiveRow & { activityId: string })[];
    return rows.map((row) => ({ activityId: row.activityId, ...toEffective(row) }));
  }
}

interface EffectiveRow {
  opensAt: Date | null;
  dueAt: Date | null;
  closesAt: Date | null;
  extended: boolean;
}

/** The effective dates from aliases `s` (activity_schedules) and `x` (deadline_extensions). */
const EFFECTIVE_COLUMNS = `s.opens_at AS "opensAt",
       greatest(s.due_at, x.due_at) AS "dueAt",
       -- No cohort close means none; an extension never leaves the close before its own due date.
       CASE WHEN s.closes_at IS NULL THEN NULL
            ELSE greatest(s.closes_at, x.closes_at, x.due_at) END AS "closesAt",
       (x.activity_id IS NOT NULL) AS extended`;

function toEffective(row: EffectiveRow): EffectiveSchedule {
  return {
    opensAt: iso(row.opensAt),
    dueAt: iso(row.dueAt),
    closesAt: iso(row.closesAt),
    extended: row.extended,
  };
}
