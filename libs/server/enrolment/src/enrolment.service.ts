import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CourseStatus, EnrolmentStatus, EnrolmentSummary } from '@aula/contracts';
import { fieldError } from '@aula/server/core';
import { AccessPolicy, IdentityReader, type Actor } from '@aula/server/identity';
import { PreparedSql } from '@aula/server/database';
import { OutboxService } from '@aula/server/outbox';
import { todayIn } from './dates';
import {
  AlreadyEnrolledError,
  CohortEndedError,
  InviteOnlyError,
  TransitionRefusedError,
} from './enrolment.errors';
import { EnrolmentPolicy } from './enrolment.policy';
import {
  canTake,
  hasSeat,
  holdsSeat,
  isEnrolled,
  placementStatus,
  seatsLeft,
  selfEnrolStatus,
  type EnrolmentAction,
} from './enrolment.rules';
import {
  COHORT_COLUMNS,
  ENROLMENT_COLUMNS,
  toEnrolmentSummary,
  type CohortRow,
  type EnrolmentRow,
} from './views';

/** Who an enrolment belongs to and where: enough for access checks and dates in the cohort's zone. */
export interface EnrolmentRef {
  id: string;
  userId: string;
  cohortId: string;
  status: EnrolmentStatus;
  timeZone: string;
}

/** A cohort row locked (FOR UPDATE) by the current transaction: seat counts read from it are exact. */
export interface LockedCohort extends CohortRow {
  courseId: string;
  courseStatus: CourseStatus;
}

export interface EnrolmentState extends EnrolmentRow {
  userId: string;
}

export type PlacementOutcome = 'enrolled' | 'waitlisted' | 'already-enrolled';

const STATE_COLUMNS = `${ENROLMENT_COLUMNS}, e.user_id AS "userId"`;

const PAST_TENSE: Record<EnrolmentAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  withdraw: 'withdrawn',
  complete: 'completed',
  rejoin: 'enrolled again',
};

/**
 * The enrolment state machine (rules in enrolment.rules.ts) applied to the database. Every change
 * of seats happens with the cohort row locked, so two people taking the last seat at once end up
 * one active and one waitlisted; every status change writes `enrolment.status-changed` to the
 * outbox in the same transaction.
 */
/** An enrolment's new status (prepared: every completion runs it). */
const CHANGE_STATUS = new PreparedSql(
  `UPDATE enrolments e
      SET status = $2::enrolment_status,
          waitlisted_at = CASE WHEN $2::enrolment_status = 'waitlisted' THEN now() END,
          completed_at = CASE WHEN $2::enrolment_status = 'completed' THEN coalesce(e.completed_at, now()) END,
          updated_at = now()
    WHERE e.id = $1
    RETURNING ${STATE_COLUMNS}`,
);

@Injectable()
export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly policy: EnrolmentPolicy,
    private readonly people: IdentityReader,
  ) {}

  // ---- what people do ----

  /** A trainee joins (open), asks to join (approval), or is refused (invite only). */
  async selfEnrol(actor: Actor, cohortId: string): Promise<EnrolmentSummary> {
    return this.dataSource.transaction(async (em) => {
      const cohort = await this.lockCohort(em, cohortId);
      if (!cohort || cohort.courseStatus !== 'published') throw new NotFoundException('No such cohort.');
      const to = selfEnrolStatus(cohort.enrolmentMode, hasSeat(cohort.capacity, cohort.seatsTaken));
      if (!to) throw new InviteOnlyError();
      if (cohort.endDate < todayIn(cohort.timeZone)) throw new CohortEndedError();
      const existing = await this.lockEnrolmentOf(em, cohort.id, actor.id);
      if (existing && isEnrolled(existing.status)) throw new AlreadyEnrolledError(existing.status);
      const enrolment = existing
        ? await this.changeStatus(em, existing, to, cohort)
        : await this.insert(em, cohort, actor.id, to);
      return toEnrolmentSummary(enrolment);
    });
  }

  /** An administrator enrols someone directly: active, or waitlisted when the cohort is full. */
  async adminEnrol(actor: Actor, cohortId: string, userId: string): Promise<EnrolmentSummary> {
    AccessPolicy.assertRole(actor, 'admin');
    return this.dataSource.transaction(async (em) => {
      const cohort = await this.lockCohort(em, cohortId);
      if (!cohort) throw new NotFoundException('No such cohort.');
      const user = await this.people.account(userId, em);
      if (!user) throw fieldError('userId', 'is not a known person');
      if (!user.active) throw fieldError('userId', 'is a deactivated account');
      const placed = await this.place(em, cohort, userId);
      if (placed.outcome === 'already-enrolled')
        throw new AlreadyEnrolledError(placed.enrolment.status, 'they');
      return toEnrolmentSummary(placed.enrolment);
    });
  }

  /** A pending request accepted: active, or waitlisted when the cohort is full. */
  approve(actor: Actor, enrolmentId: string): Promise<EnrolmentSummary> {
    AccessPolicy.assertRole(actor, 'admin');
    return this.act(actor, enrolmentId, 'approve', async (em, enrolment, cohort) =>
      this.changeStatus(em, enrolment, placementStatus(hasSeat(cohort.capacity, cohort.seatsTaken)), cohort),
    );
  }

  /** A pending request or a place on the waiting list declined. */
  reject(actor: Actor, enrolmentId: string): Promise<EnrolmentSummary> {
    AccessPolicy.assertRole(actor, 'admin');
    return this.act(actor, enrolmentId, 'reject', (em, enrolment, cohort) =>
      this.changeStatus(em, enrolment, 'withdrawn', cohort),
    );
  }

  /** An administrator takes someone out of a cohort; a seat that frees goes to the waiting list. */
  adminWithdraw(actor: Actor, enrolmentId: string): Promise<EnrolmentSummary> {
    AccessPolicy.assertRole(actor, 'admin');
    return this.act(actor, enrolmentId, 'withdraw', (em, enrolment, cohort) =>
      this.withdraw(em, enrolment, cohort),
    );
  }

  /** A trainee leaves a cohort (their own enrolment only; anyone else's is a 404). */
  selfWithdraw(actor: Actor, enrolmentId: string): Promise<EnrolmentSummary> {
    return this.act(
      actor,
      enrolmentId,
      'withdraw',
      (em, enrolment, cohort) => this.withdraw(em, enrolment, cohort),
      { ownOnly: true },
    );
  }

  async get(actor: Actor, enrolmentId: string): Promise<EnrolmentSummary> {
    const [row] = (await this.dataSource.query(`SELECT ${STATE_COLUMNS} FROM enrolments e WHERE e.id = $1`, [
      enrolmentId,
    ])) as EnrolmentState[];
    if (!row) throw new NotFoundException();
    await this.policy.assertCanSeeEnrolment(actor, row);
    return toEnrolmentSummary(row);
  }

  // ---- building blocks for the cohort, import and completion services, and other domains ----

  /** Whether there is a cohort with this id. */
  async cohortExists(cohortId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = (await em.query('SELECT 1 FROM cohorts WHERE id = $1', [cohortId])) as unknown[];
    return rows.length > 0;
  }

  /** An enrolment's owner, cohort and the cohort's time zone, without access checks; null when absent. */
  async findEnrolment(enrolmentId: string, em: EntityManager = this.dataSource.manager): Promise<EnrolmentRef | null> {
    const [row] = (await em.query(
      `SELECT e.id, e.user_id AS "userId", e.cohort_id AS "cohortId", e.status, c.time_zone AS "timeZone"
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.id = $1`,
      [enrolmentId],
    )) as EnrolmentRef[];
    return row ?? null;
  }

  /** The active and completed enrolments of a cohort with their holder's email, lower-cased. */
  async participantEmails(cohortId: string, em: EntityManager = this.dataSource.manager): Promise<{ id: string; email: string }[]> {
    return (await em.query(
      `SELECT e.id, lower(u.email) AS email FROM enrolments e JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND e.status IN ('active', 'completed')`,
      [cohortId],
    )) as { id: string; email: string }[];
  }

  /** Ids of the cohort's completed enrolments, in id order. */
  async completedEnrolmentIds(em: EntityManager, cohortId: string): Promise<string[]> {
    const rows = (await em.query(
      `SELECT e.id FROM enrolments e WHERE e.cohort_id = $1 AND e.status = 'completed' ORDER BY e.id`,
      [cohortId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Locks one enrolment row for the rest of the transaction; null when there is no such enrolment. */
  async lockEnrolment(em: EntityManager, enrolmentId: string): Promise<EnrolmentState | null> {
    const [row] = (await em.query(`SELECT ${STATE_COLUMNS} FROM enrolments e WHERE e.id = $1 FOR UPDATE`, [
      enrolmentId,
    ])) as EnrolmentState[];
    return row ?? null;
  }

  /** Locks the cohort row for the rest of the transaction; null when there is no such cohort. */
  async lockCohort(em: EntityManager, cohortId: string): Promise<LockedCohort | null> {
    const [row] = (await em.query(
      `SELECT ${COHORT_COLUMNS}, c.course_id AS "courseId", co.status AS "courseStatus"
         FROM cohorts c JOIN courses co ON co.id = c.course_id
        WHERE c.id = $1
          FOR UPDATE OF c`,
      [cohortId],
    )) as LockedCohort[];
    return row ?? null;
  }

  /**
   * Places someone in a locked cohort as an administrator would: a new or withdrawn enrolment, or
   * a pending request, becomes active (waitlisted when full); anything else is left as it is.
   */
  async place(
    em: EntityManager,
    cohort: LockedCohort,
    userId: string,
  ): Promise<{ enrolment: EnrolmentState; outcome: PlacementOutcome }> {
    const to = placementStatus(hasSeat(cohort.capacity, cohort.seatsTaken));
    const outcome: PlacementOutcome = to === 'active' ? 'enrolled' : 'waitlisted';
    const existing = await this.lockEnrolmentOf(em, cohort.id, userId);
    if (!existing) return { enrolment: await this.insert(em, cohort, userId, to), outcome };
    if (existing.status !== 'pending' && existing.status !== 'withdrawn')
      return { enrolment: existing, outcome: 'already-enrolled' };
    return { enrolment: await this.changeStatus(em, existing, to, cohort), outcome };
  }

  /** Gives free seats to the waiting list, longest-waiting first. */
  async fillSeats(em: EntityManager, cohort: LockedCohort): Promise<EnrolmentState[]> {
    const left = seatsLeft(cohort.capacity, cohort.seatsTaken);
    if (left === 0) return [];
    const waiting = (await em.query(
      `SELECT ${STATE_COLUMNS} FROM enrolments e
        WHERE e.cohort_id = $1 AND e.status = 'waitlisted'
        ORDER BY e.waitlisted_at, e.id
        LIMIT $2
          FOR UPDATE`,
      [cohort.id, left],
    )) as EnrolmentState[];
    const promoted: EnrolmentState[] = [];
    for (const enrolment of waiting) promoted.push(await this.changeStatus(em, enrolment, 'active', cohort));
    return promoted;
  }

  /**
   * The one place a status changes: the row, the cohort's seat count and the outbox event, all in
   * the caller's transaction. A change that takes or frees a seat needs the locked cohort.
   */
  async changeStatus(
    em: EntityManager,
    enrolment: EnrolmentState,
    to: EnrolmentStatus,
    cohort: LockedCohort | null,
  ): Promise<EnrolmentState> {
    const from = enrolment.status;
    const [updated] = await CHANGE_STATUS.run<EnrolmentState>(em, [enrolment.id, to]);
    await this.afterChange(em, updated, from, cohort);
    return updated;
  }

  // ---- internals ----

  private async insert(
    em: EntityManager,
    cohort: LockedCohort,
    userId: string,
    to: EnrolmentStatus,
  ): Promise<EnrolmentState> {
    const [created] = (await em.query(
      `INSERT INTO enrolments AS e (cohort_id, user_id, status, waitlisted_at)
       VALUES ($1, $2, $3::enrolment_status, CASE WHEN $3::enrolment_status = 'waitlisted' THEN now() END)
       RETURNING ${STATE_COLUMNS}`,
      [cohort.id, userId, to],
    )) as EnrolmentState[];
    await this.afterChange(em, created, null, cohort);
    return created;
  }

  private async afterChange(
    em: EntityManager,
    enrolment: EnrolmentState,
    from: EnrolmentStatus | null,
    cohort: LockedCohort | null,
  ): Promise<void> {
    const delta = Number(holdsSeat(enrolment.status)) - Number(holdsSeat(from));
    if (delta !== 0) {
      if (!cohort || cohort.id !== enrolment.cohortId)
        throw new Error('A seat may only change with its cohort locked.');
      await em.query('UPDATE cohorts SET seats_taken = seats_taken + $2 WHERE id = $1', [cohort.id, delta]);
      cohort.seatsTaken += delta;
    }
    await this.outbox.add(em, 'enrolment.status-changed', {
      enrolmentId: enrolment.id,
      userId: enrolment.userId,
      cohortId: enrolment.cohortId,
      from,
      to: enrolment.status,
    });
  }

  private async withdraw(
    em: EntityManager,
    enrolment: EnrolmentState,
    cohort: LockedCohort,
  ): Promise<EnrolmentState> {
    const withdrawn = await this.changeStatus(em, enrolment, 'withdrawn', cohort);
    if (holdsSeat(enrolment.status)) await this.fillSeats(em, cohort);
    return withdrawn;
  }

  private async lockEnrolmentOf(
    em: EntityManager,
    cohortId: string,
    userId: string,
  ): Promise<EnrolmentState | null> {
    const [row] = (await em.query(
      `SELECT ${STATE_COLUMNS} FROM enrolments e WHERE e.cohort_id = $1 AND e.user_id = $2 FOR UPDATE`,
      [cohortId, userId],
    )) as EnrolmentState[];
    return row ?? null;
  }

  /** Runs an action on one enrolment with its cohort locked first (always cohort, then enrolment). */
  private act(
    actor: Actor,
    enrolmentId: string,
    action: EnrolmentAction,
    work: (em: EntityManager, enrolment: EnrolmentState, cohort: LockedCohort) => Promise<EnrolmentState>,
    options: { ownOnly?: boolean } = {},
  ): Promise<EnrolmentSummary> {
    return this.dataSource.transaction(async (em) => {
      const [peek] = (await em.query(
        'SELECT cohort_id AS "cohortId", user_id AS "userId" FROM enrolments WHERE id = $1',
        [enrolmentId],
      )) as {
        cohortId: string;
        userId: string;
      }[];
      if (!peek || (options.ownOnly && peek.userId !== actor.id)) throw new NotFoundException();
      const cohort = await this.lockCohort(em, peek.cohortId);
      const enrolment = await this.lockEnrolment(em, enrolmentId);
      if (!cohort || !enrolment) throw new NotFoundException();
      if (!canTake(action, enrolment.status))
        throw new TransitionRefusedError(PAST_TENSE[action], enrolment.status);
      return toEnrolmentSummary(await work(em, enrolment, cohort));
    });
  }
}
