import { BadRequestException } from '@nestjs/common';
import type { CohortSummary, EnrolmentMode, EnrolmentStatus, EnrolmentSummary } from '@aula/contracts';
import { decodeCursor } from '@aula/server/database';
import { seatsLeft } from './enrolment.rules';

/** A cohort as SQL reads it (dates as YYYY-MM-DD text: they are days in the cohort's zone). */
export interface CohortRow {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  enrolmentMode: EnrolmentMode;
  capacity: number | null;
  seatsTaken: number;
}

/** The SELECT list for a CohortRow from alias `c`. */
export const COHORT_COLUMNS = `c.id, c.name, c.start_date::text AS "startDate", c.end_date::text AS "endDate", c.time_zone AS "timeZone",
  c.enrolment_mode AS "enrolmentMode", c.capacity, c.seats_taken AS "seatsTaken"`;

/** The same as a JSON object, for cohorts nested in a larger row. */
export const COHORT_JSON = `json_build_object('id', c.id, 'name', c.name, 'startDate', c.start_date, 'endDate', c.end_date,
  'timeZone', c.time_zone, 'enrolmentMode', c.enrolment_mode, 'capacity', c.capacity, 'seatsTaken', c.seats_taken)`;

/** Cohorts someone can still join or ask to join: not invite-only, not ended in their own zone. */
export const OPEN_COHORT_CONDITION = `c.enrolment_mode <> 'invite' AND c.end_date >= (now() AT TIME ZONE c.time_zone)::date`;

export function toCohortSummary(row: CohortRow): CohortSummary {
  return {
    id: row.id,
    name: row.name,
    startDate: row.startDate,
    endDate: row.endDate,
    timeZone: row.timeZone,
    enrolmentMode: row.enrolmentMode,
    capacity: row.capacity,
    seatsLeft: seatsLeft(row.capacity, row.seatsTaken),
  };
}

export interface EnrolmentRow {
  id: string;
  cohortId: string;
  status: EnrolmentStatus;
  progressPercent: number;
  lastActivityAt: Date | string | null;
  completedAt: Date | string | null;
}

/** The SELECT list for an EnrolmentRow from alias `e`. */
export const ENROLMENT_COLUMNS = `e.id, e.cohort_id AS "cohortId", e.status, e.progress_percent AS "progressPercent",
  e.last_activity_at AS "lastActivityAt", e.completed_at AS "completedAt"`;

export const toIso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export function toEnrolmentSummary(row: EnrolmentRow): EnrolmentSummary {
  return {
    id: row.id,
    cohortId: row.cohortId,
    status: row.status,
    progressPercent: row.progressPercent,
    lastActivityAt: toIso(row.lastActivityAt),
    completedAt: toIso(row.completedAt),
  };
}

/**
 * A keyset cursor [sort key, id] (see encodeCursor). The sort key came from the client, so it is
 * checked before it reaches SQL: no NUL (PostgreSQL refuses it), and `isValid` for typed keys.
 */
export function decodeKeyset(
  cursor: string,
  isValid: (key: string) => boolean = () => true,
): [string, string] {
  const [key, id] = decodeCursor(cursor, 2);
  if (key.includes('\u0000') || !isValid(key)) {
    throw new BadRequestException({
      message: 'The cursor is not valid.',
      errors: [{ path: 'cursor', message: 'is not a valid cursor' }],
    });
  }
  return [key, id];
}
