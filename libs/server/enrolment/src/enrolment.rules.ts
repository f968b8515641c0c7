import type { EnrolmentMode, EnrolmentStatus } from '@aula/contracts';

/**
 * The enrolment state machine, without the database: where a request lands and which status each
 * action may start from. EnrolmentService applies these under the cohort row lock.
 *
 *   self-enrol   open → active, or waitlisted when full;  approval → pending;  invite → refused
 *   admin enrol  active, or waitlisted when full (also how a pending request is approved)
 *   reject       pending | waitlisted → withdrawn
 *   withdraw     pending | waitlisted | active → withdrawn   (an active seat frees: promotion)
 *   complete     active → completed                         (CompletionService)
 *   re-enrol     withdrawn → as a new request
 */

/** Statuses that take a seat of the cohort's capacity: people who are, or were, taking it. */
export const SEAT_STATUSES: readonly EnrolmentStatus[] = ['active', 'completed'];

export function holdsSeat(status: EnrolmentStatus | null): boolean {
  return status !== null && SEAT_STATUSES.includes(status);
}

export function seatsLeft(capacity: number | null, seatsTaken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - seatsTaken);
}

export function hasSeat(capacity: number | null, seatsTaken: number): boolean {
  const left = seatsLeft(capacity, seatsTaken);
  return left === null || left > 0;
}

/** Where a trainee's own request lands; null when the cohort takes no requests (invite only). */
export function selfEnrolStatus(mode: EnrolmentMode, seatFree: boolean): EnrolmentStatus | null {
  switch (mode) {
    case 'open':
      return seatFree ? 'active' : 'waitlisted';
    case 'approval':
      return 'pending';
    case 'invite':
      return null;
  }
}

/** Where an administrator's placement (direct enrolment, approval, import) lands. */
export function placementStatus(seatFree: boolean): EnrolmentStatus {
  return seatFree ? 'active' : 'waitlisted';
}

export type EnrolmentAction = 'approve' | 'reject' | 'withdraw' | 'complete' | 'rejoin';

export const ACTION_FROM: Record<EnrolmentAction, readonly EnrolmentStatus[]> = {
  approve: ['pending'],
  reject: ['pending', 'waitlisted'],
  withdraw: ['pending', 'waitlisted', 'active'],
  complete: ['active'],
  rejoin: ['withdrawn'],
};

export function canTake(action: EnrolmentAction, from: EnrolmentStatus): boolean {
  return ACTION_FROM[action].includes(from);
}

/** An enrolment in one of these counts as "already enrolled" for a new request. */
export function isEnrolled(status: EnrolmentStatus): boolean {
  return status !== 'withdrawn';
}
