import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MailRequest } from '@aula/contracts';
import { DAYTIME_START_HOUR, localDate, localParts } from './local-time';
import { INACTIVITY_DAYS, LAST_SEEN_SQL, MARKING_WAIT_HOURS, QUIZ_CLOSING_HOURS } from './reminder-rules';

export interface ReminderCandidate extends MailRequest {
  /** Recipient's time zone: reminders wait for their daytime. */
  timeZone: string;
}

export interface DigestCandidate {
  userId: string;
  /** The recipient's calendar day: one digest each. */
  day: string;
}

/** Overdue work older than this is not chased any more. */
const OVERDUE_LOOKBACK_DAYS = 7;

interface DeadlineRow {
  enrolmentId: string;
  userId: string;
  activityId: string;
  timeZone: string;
  at: Date;
  /** The course's own assignment reminder offsets (null: the default); selected for due work only. */
  offsetsHours?: number[] | null;
}

const ascending = (hours: number[]) => [...hours].sort((a, b) => a - b);

const iso = (d: Date) => new Date(d).toISOString();

/** The calendar day before a YYYY-MM-DD day. */
export function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y as number, (m as number) - 1, (d as number) - 1)).toISOString().slice(0, 10);
}

/**
 * Finds the reminders due at `now`. Each one is a ledger key (person | reason | object | occasion),
 * so finding the same work twice, or on two workers, still sends one message. Only active
 * enrolments of active people; work already done is left out (and checked again at send time).
 */
@Injectable()
export class ReminderFinder {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `offsetsHours`: the platform's hours before an assignment's due time; a course with its own
   * (`courses.reminder_offsets_hours`) uses those instead.
   */
  async find(now: Date, offsetsHours: number[]): Promise<ReminderCandidate[]> {
    const defaults = ascending(offsetsHours);
    const maxDefault = defaults.at(-1) ?? 24;
    // One query for every course: each row's window reaches its own course's largest offset.
    const dueWindow = `> $1 AND {at} <= $1 + make_interval(hours => COALESCE((SELECT max(h) FROM unnest(co.reminder_offsets_hours) h), $2))`;
    const [due, closing, overdue, starting, inactive, marking, workshops] = await Promise.all([
      this.deadlines('assignment', 'due_at', now, dueWindow, maxDefault, { courseOffsets: true }),
      this.deadlines('quiz', 'closes_at', now, `> $1 AND {at} <= $1 + make_interval(hours => $2)`, QUIZ_CLOSING_HOURS),
      this.deadlines('assignment', 'due_at', now, `<= $1 AND {at} > $1 - make_interval(days => $2)`, OVERDUE_LOOKBACK_DAYS, { stillOpen: true }),
      this.startingTomorrow(now),
      this.inactive(now),
      this.markingWaiting(now),
      this.workshopsStarting(now),
    ]);
    const out: ReminderCandidate[] = [];
    for (const r of due) {
      const hoursLeft = (new Date(r.at).getTime() - now.getTime()) / 3600_000;
      const offsets = r.offsetsHours?.length ? ascending(r.offsetsHours) : defaults;
      // The closest offset only: a deadline set 10 hours ahead gets one reminder, not two.
      const offset = offsets.find((h) => hoursLeft <= h);
      if (offset === undefined) continue;
      out.push({ ...this.base(r, 'assignment-due'), occasion: `${r.enrolmentId}:${offset}h@${iso(r.at)}` });
    }
    for (const r of closing) out.push({ ...this.base(r, 'quiz-closing'), occasion: `${r.enrolmentId}:closing@${iso(r.at)}` });
    for (const r of overdue) out.push({ ...this.base(r, 'work-overdue'), occasion: `${r.enrolmentId}:overdue@${iso(r.at)}` });
    return [...out, ...starting, ...inactive, ...marking, ...workshops];
  }

  /** People with held messages, from 08:00 on their clock (at any hour with `ignoreDaytime`): one digest per local day. */
  async digestsDue(now: Date, { ignoreDaytime = false }: { ignoreDaytime?: boolean } = {}): Promise<DigestCandidate[]> {
    const held = (await this.dataSource.query(
      `SELECT DISTINCT l.user_id AS "userId", u.time_zone AS "timeZone" FROM mail_ledger l JOIN users u ON u.id = l.user_id WHERE l.status = 'held'`,
    )) as { userId: string; timeZone: string }[];
    return held
      .filter((h) => ignoreDaytime || localParts(now, h.timeZone).hour >= DAYTIME_START_HOUR)
      .map((h) => ({ userId: h.userId, day: localDate(now, h.timeZone) }));
  }

  private base(r: DeadlineRow, template: MailRequest['template']) {
    return { userId: r.userId, template, subjectId: r.activityId, enrolmentId: r.enrolmentId, timeZone: r.timeZone };
  }

  private async deadlines(
    kind: 'assignment' | 'quiz',
    column: 'due_at' | 'closes_at',
    now: Date,
    window: string,
    amount: number,
    { stillOpen = false, courseOffsets = false }: { stillOpen?: boolean; courseOffsets?: boolean } = {},
  ): Promise<DeadlineRow[]> {
    const at = `d.${column}`;
    // The trainee's dates and whether the work is done: assessment's read models.
    const notDone = `NOT EXISTS (SELECT 1 FROM assessment_submitted_work w WHERE w.activity_id = a.id AND w.enrolment_id = e.id AND w.kind = '${kind}')`;
    return (await this.dataSource.query(
      `SELECT e.id AS "enrolmentId", e.user_id AS "userId", a.id AS "activityId", u.time_zone AS "timeZone", ${at} AS at
              ${courseOffsets ? `, co.reminder_offsets_hours AS "offsetsHours"` : ''}
         FROM assessment_deadlines d
         JOIN activities a ON a.id = d.activity_id AND a.kind = '${kind}'
         ${courseOffsets ? `JOIN courses co ON co.id = a.course_id` : ''}
         JOIN enrolments e ON e.id = d.enrolment_id AND e.status = 'active'
         JOIN users u ON u.id = e.user_id AND u.active
        WHERE ${at} ${window.replace('{at}', at)}
          ${stillOpen ? `AND (d.closes_at IS NULL OR d.closes_at > $1)` : ''}
          AND ${notDone}`,
      [now, amount],
    )) as DeadlineRow[];
  }

  /** Cohorts whose first day is tomorrow on the cohort's own calendar. */
  private async startingTomorrow(now: Date): Promise<ReminderCandidate[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.id AS "enrolmentId", e.user_id AS "userId", c.id AS "cohortId", u.time_zone AS "timeZone",
              to_char(c.start_date, 'YYYY-MM-DD') AS "startDate"
         FROM cohorts c
         JOIN enrolments e ON e.cohort_id = c.id AND e.status = 'active'
         JOIN users u ON u.id = e.user_id AND u.active
        WHERE c.start_date = (($1::timestamptz AT TIME ZONE c.time_zone)::date + 1)`,
      [now],
    )) as { enrolmentId: string; userId: string; cohortId: string; timeZone: string; startDate: string }[];
    return rows.map((r) => ({
      userId: r.userId,
      template: 'cohort-starting' as const,
      subjectId: r.cohortId,
      enrolmentId: r.enrolmentId,
      occasion: `${r.enrolmentId}:start@${r.startDate}`,
      timeZone: r.timeZone,
    }));
  }

  /**
   * Confirmed participants of workshops whose first session is on their tomorrow: one reminder on
   * the day before, on their own calendar (the scheduler holds it until their daytime).
   */
  private async workshopsStarting(now: Date): Promise<ReminderCandidate[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id AS "registrationId", r.user_id AS "userId", u.time_zone AS "timeZone", f.first
         FROM workshop_registrations r
         JOIN workshops w ON w.id = r.workshop_id AND w.status IN ('published', 'registration-closed')
         JOIN LATERAL (SELECT min(s.starts_at) AS first FROM workshop_sessions s WHERE s.workshop_id = w.id) f ON true
         JOIN users u ON u.id = r.user_id AND u.active
        WHERE r.status = 'confirmed' AND f.first > $1 AND f.first <= $1::timestamptz + interval '48 hours'`,
      [now],
    )) as { registrationId: string; userId: string; timeZone: string; first: Date }[];
    return rows
      .filter((r) => localDate(now, r.timeZone) === dayBefore(localDate(new Date(r.first), r.timeZone)))
      .map((r) => ({
        userId: r.userId,
        template: 'workshop-starting' as const,
        subjectId: r.registrationId,
        occasion: `${r.registrationId}:start@${iso(r.first)}`,
        timeZone: r.timeZone,
      }));
  }

  /** Running cohorts, people not seen for INACTIVITY_DAYS: once per quiet stretch. */
  private async inactive(now: Date): Promise<ReminderCandidate[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.id AS "enrolmentId", e.user_id AS "userId", u.time_zone AS "timeZone", ${LAST_SEEN_SQL} AS "lastSeen"
         FROM enrolments e
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN users u ON u.id = e.user_id AND u.active
        WHERE e.status = 'active'
          AND c.start_date <= ($1::timestamptz AT TIME ZONE c.time_zone)::date
          AND c.end_date >= ($1::timestamptz AT TIME ZONE c.time_zone)::date
          AND ${LAST_SEEN_SQL} < $1::timestamptz - make_interval(days => $2)`,
      [now, INACTIVITY_DAYS],
    )) as { enrolmentId: string; userId: string; timeZone: string; lastSeen: Date }[];
    return rows.map((r) => ({
      userId: r.userId,
      template: 'inactivity' as const,
      subjectId: r.enrolmentId,
      enrolmentId: r.enrolmentId,
      occasion: `since@${iso(r.lastSeen)}`,
      timeZone: r.timeZone,
    }));
  }

  /** Tutors with submissions waiting more than MARKING_WAIT_HOURS: one reminder per cohort per local day. */
  private async markingWaiting(now: Date): Promise<ReminderCandidate[]> {
    const rows = (await this.dataSource.query(
      `SELECT ct.user_id AS "userId", ct.cohort_id AS "cohortId", u.time_zone AS "timeZone"
         FROM cohort_tutors ct
         JOIN users u ON u.id = ct.user_id AND u.active
        WHERE EXISTS (
          SELECT 1 FROM assessment_unmarked_submissions s JOIN enrolments e ON e.id = s.enrolment_id
           WHERE e.cohort_id = ct.cohort_id AND e.status IN ('active', 'completed')
             AND s.submitted_at < $1::timestamptz - make_interval(hours => $2))`,
      [now, MARKING_WAIT_HOURS],
    )) as { userId: string; cohortId: string; timeZone: string }[];
    return rows.map((r) => ({
      userId: r.userId,
      template: 'marking-waiting' as const,
      subjectId: r.cohortId,
      occasion: `waiting@${localDate(now, r.timeZone)}`,
      timeZone: r.timeZone,
    }));
  }
}
