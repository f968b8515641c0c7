import {
  WORKSHOP_SEAT_STATUSES,
  WORKSHOP_TRANSITIONS,
  type WorkshopRegistrationStatus,
  type WorkshopStatus,
} from '@aula/contracts';

/** Pure rules of the workshop lifecycle and its seats; the services apply them to the database. */

export function canTransition(from: WorkshopStatus, to: WorkshopStatus): boolean {
  return WORKSHOP_TRANSITIONS[from].includes(to);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export const holdsSeat = (status: WorkshopRegistrationStatus | null): boolean =>
  status !== null && WORKSHOP_SEAT_STATUSES.includes(status);

/** Seats left; null: no limit. */
export function seatsLeft(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken);
}

/** Whether one more seat may go to someone from a country that already holds `countryTaken` seats. */
export function hasRoom(
  workshop: { capacity: number | null; seatsTaken: number; countryQuota: number | null },
  countryTaken: number,
): boolean {
  const left = seatsLeft(workshop.capacity, workshop.seatsTaken);
  if (left !== null && left <= 0) return false;
  return workshop.countryQuota === null || countryTaken < workshop.countryQuota;
}

export interface RegistrationWindow {
  status: WorkshopStatus;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startDate: string;
  timeZone: string;
}

/** Whether someone may register now: published, inside the window, and (with no closing time) before the first day. */
export function registrationOpen(w: RegistrationWindow, now: Date): boolean {
  if (w.status !== 'published') return false;
  if (w.registrationOpensAt && w.registrationOpensAt > now) return false;
  if (w.registrationClosesAt) return w.registrationClosesAt > now;
  return localDate(now, w.timeZone) < w.startDate;
}

/** Whether the workshop has not begun yet (withdrawing still frees the seat). */
export function beforeStart(w: { status: WorkshopStatus; startDate: string; timeZone: string }, now: Date): boolean {
  return (w.status === 'published' || w.status === 'registration-closed') && localDate(now, w.timeZone) < w.startDate;
}

/** What a registration may become, by action. */
export const REGISTRATION_ACTIONS = {
  approve: ['pending'],
  decline: ['pending', 'waitlisted', 'offered'],
  withdraw: ['pending', 'confirmed', 'waitlisted', 'offered'],
  confirm: ['offered'],
} as const satisfies Record<string, readonly WorkshopRegistrationStatus[]>;
export type RegistrationAction = keyof typeof REGISTRATION_ACTIONS;

export const canAct = (action: RegistrationAction, status: WorkshopRegistrationStatus): boolean =>
  (REGISTRATION_ACTIONS[action] as readonly WorkshopRegistrationStatus[]).includes(status);

/** A registration in one of these may register again (a new arrival); any other is "already registered". */
export const REREGISTER_FROM: readonly WorkshopRegistrationStatus[] = ['withdrawn', 'expired'];
