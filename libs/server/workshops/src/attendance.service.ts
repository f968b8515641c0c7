import { HttpException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AttendanceMethod,
  CheckInBatchItem,
  CheckInBatchResponse,
  CheckInBatchResult,
  CheckInRequest,
  WorkshopAttendanceRate,
  WorkshopAttendanceSheet,
  WorkshopAttendanceView,
  WorkshopCheckInCode,
  WorkshopRegistrationStatus,
  WorkshopRollEntry,
  Translations,
} from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { WorkshopPolicy } from './workshop.policy';
import { formatTypedCode, newCheckInToken, newTypedCode, qrSvgPath, readCheckInCode } from './check-in-code';
import {
  CheckInNotConfirmedError,
  CheckInOtherWorkshopError,
  ScanSupersededError,
  UnknownCheckInCodeError,
  WorkshopNotFoundError,
} from './workshops.errors';

interface CodeRow {
  registrationId: string;
  workshopId: string;
  token: string;
  code: string;
}

interface AttendanceRow {
  sessionId: string;
  registrationId: string;
  userId: string;
  displayName: string;
  country: string | null;
  method: AttendanceMethod;
  recordedAt: Date;
}

const ATTENDANCE_SELECT = `SELECT a.session_id AS "sessionId", a.registration_id AS "registrationId", r.user_id AS "userId",
  u.display_name AS "displayName", r.country, a.method, a.recorded_at AS "recordedAt"
  FROM workshop_attendances a JOIN workshop_registrations r ON r.id = a.registration_id JOIN users u ON u.id = r.user_id`;

const toAttendance = (row: AttendanceRow, alreadyRecorded: boolean): WorkshopAttendanceView => ({
  sessionId: row.sessionId,
  registrationId: row.registrationId,
  userId: row.userId,
  displayName: row.displayName,
  country: row.country,
  method: row.method,
  recordedAt: new Date(row.recordedAt).toISOString(),
  alreadyRecorded,
});

const toCode = (row: CodeRow): WorkshopCheckInCode => ({
  registrationId: row.registrationId,
  workshopId: row.workshopId,
  token: row.token,
  code: formatTypedCode(row.code),
  qr: qrSvgPath(row.token),
});

/** Options of one check-in: the offline scan's id and when it was scanned. */
interface CheckInOptions {
  clientId?: string;
  at?: Date;
}

/**
 * Attendance: each confirmed participant's check-in code (made on first need), check-in per
 * session by code (once per session and person: a second scan answers the first), roll lists for
 * online sessions, offline scans sent in batches, and each participant's share of session hours.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
  ) {}

  // ---- codes ----

  /** The reader's own code for a workshop; 404 unless they hold a confirmed seat. */
  async myCode(actor: Actor, slug: string): Promise<WorkshopCheckInCode> {
    const [row] = (await this.dataSource.query(
      `SELECT r.id FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
        WHERE w.slug = $1 AND r.user_id = $2 AND r.status = 'confirmed' AND w.status <> 'draft'`,
      [slug, actor.id],
    )) as { id: string }[];
    if (!row) throw new WorkshopNotFoundError('registration');
    return toCode(await this.ensureCode(row.id));
  }

  /** A registration's code: for the person themselves and the workshop's organisers; 404 for anyone else. */
  async codeOf(actor: Actor, registrationId: string): Promise<WorkshopCheckInCode> {
    await this.assertOwnerOrOrganiser(actor, registrationId);
    return toCode(await this.ensureCode(registrationId));
  }

  /** The confirmed registration of a person or an organiser's view of it; 404 otherwise (ids cannot be probed). */
  async assertOwnerOrOrganiser(actor: Actor, registrationId: string): Promise<{ workshopId: string; userId: string }> {
    const [row] = (await this.dataSource.query(
      `SELECT workshop_id AS "workshopId", user_id AS "userId", status FROM workshop_registrations WHERE id = $1`,
      [registrationId],
    )) as { workshopId: string; userId: string; status: WorkshopRegistrationStatus }[];
    if (!row) throw new WorkshopNotFoundError('registration');
    const allowed = row.userId === actor.id || (await this.policy.isOrganiser(actor, row.workshopId));
    if (!allowed || row.status !== 'confirmed') throw new WorkshopNotFoundError('registration');
    return row;
  }

  /** The codes of every confirmed participant (badges), made where missing. */
  async codesOfWorkshop(workshopId: string): Promise<Map<string, WorkshopCheckInCode>> {
    const regs = (await this.dataSource.query(
      `SELECT id FROM workshop_registrations WHERE workshop_id = $1 AND status = 'confirmed' ORDER BY arrival`,
      [workshopId],
    )) as { id: string }[];
    const codes = new Map<string, WorkshopCheckInCode>();
    for (const r of regs) codes.set(r.id, toCode(await this.ensureCode(r.id)));
    return codes;
  }

  /** The registration's code, made once (a new typed code is drawn again on the rare collision). */
  async ensureCode(registrationId: string, em: EntityManager = this.dataSource.manager): Promise<CodeRow> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.readCode(em, registrationId);
      if (existing) return existing;
      await em.query(
        `INSERT INTO workshop_check_in_codes (registration_id, token, code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [registrationId, newCheckInToken(), newTypedCode()],
      );
    }
    throw new Error('could not make a unique check-in code');
  }

  private async readCode(em: EntityManager, registrationId: string): Promise<CodeRow | null> {
    const [row] = (await em.query(
      `SELECT c.registration_id AS "registrationId", r.workshop_id AS "workshopId", c.token, c.code
         FROM workshop_check_in_codes c JOIN workshop_registrations r ON r.id = c.registration_id WHERE c.registration_id = $1`,
      [registrationId],
    )) as CodeRow[];
    return row ?? null;
  }

  // ---- check-in ----

  /** Checks a participant in at a session by the QR token or typed code (organisers only). */
  async checkIn(
    actor: Actor,
    workshopId: string,
    sessionId: string,
    request: CheckInRequest,
    options: CheckInOptions = {},
  ): Promise<WorkshopAttendanceView> {
    await this.policy.assertOrganiser(actor, workshopId);
    await this.assertSession(workshopId, sessionId);
    return this.record(actor, workshopId, sessionId, request, options);
  }

  private async record(
    actor: Actor,
    workshopId: string,
    sessionId: string,
    request: CheckInRequest,
    options: CheckInOptions,
  ): Promise<WorkshopAttendanceView> {
    if (options.clientId) {
      // A scan sent again (the answer to the first sending was lost): the first one's result.
      const [scan] = (await this.dataSource.query(
        `SELECT session_id AS "sessionId", registration_id AS "registrationId" FROM workshop_check_in_scans WHERE client_id = $1`,
        [options.clientId],
      )) as { sessionId: string; registrationId: string }[];
      if (scan) {
        const [row] = (await this.dataSource.query(`${ATTENDANCE_SELECT} WHERE a.session_id = $1 AND a.registration_id = $2`, [
          scan.sessionId,
          scan.registrationId,
        ])) as AttendanceRow[];
        if (row) return toAttendance(row, true);
        throw new ScanSupersededError();
      }
    }
    const { token, code } = readCheckInCode(request.code);
    const [holder] = (await this.dataSource.query(
      `SELECT r.id, r.workshop_id AS "workshopId", r.status, u.display_name AS "displayName"
         FROM workshop_check_in_codes c JOIN workshop_registrations r ON r.id = c.registration_id JOIN users u ON u.id = r.user_id
        WHERE c.token = $1 OR c.code = $2`,
      [token, code ?? ''],
    )) as { id: string; workshopId: string; status: WorkshopRegistrationStatus; displayName: string }[];
    if (!holder) throw new UnknownCheckInCodeError();
    if (holder.workshopId !== workshopId) throw new CheckInOtherWorkshopError();
    if (holder.status !== 'confirmed') throw new CheckInNotConfirmedError(holder.displayName, holder.status);
    const attendance = await this.mark(actor, sessionId, holder.id, request.method ?? 'typed', options);
    if (options.clientId)
      await this.dataSource.query(
        `INSERT INTO workshop_check_in_scans (client_id, session_id, registration_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [options.clientId, sessionId, holder.id],
      );
    return attendance;
  }

  private async mark(
    actor: Actor,
    sessionId: string,
    registrationId: string,
    method: AttendanceMethod,
    options: CheckInOptions,
  ): Promise<WorkshopAttendanceView> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO workshop_attendances (session_id, registration_id, method, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [sessionId, registrationId, method, actor.id, options.at ?? new Date()],
    )) as { id: string }[];
    const [row] = (await this.dataSource.query(`${ATTENDANCE_SELECT} WHERE a.session_id = $1 AND a.registration_id = $2`, [
      sessionId,
      registrationId,
    ])) as AttendanceRow[];
    return toAttendance(row, inserted.length === 0);
  }

  /** Scans kept offline, sent together: each answered on its own (a conflict stops none of the others). */
  async checkInBatch(actor: Actor, workshopId: string, items: CheckInBatchItem[]): Promise<CheckInBatchResponse> {
    await this.policy.assertOrganiser(actor, workshopId);
    const sessions = new Set(
      ((await this.dataSource.query(`SELECT id FROM workshop_sessions WHERE workshop_id = $1`, [workshopId])) as { id: string }[]).map((s) => s.id),
    );
    const results: CheckInBatchResult[] = [];
    for (const item of items) {
      if (!sessions.has(item.sessionId)) {
        results.push({ clientId: item.clientId, outcome: 'invalid', status: 404, message: 'No such session in this workshop.', attendance: null });
        continue;
      }
      try {
        const at = item.scannedAt ? new Date(item.scannedAt) : undefined;
        const attendance = await this.record(actor, workshopId, item.sessionId, { code: item.code, method: item.method ?? 'scan' }, {
          clientId: item.clientId,
          at,
        });
        results.push({
          clientId: item.clientId,
          outcome: attendance.alreadyRecorded ? 'already-recorded' : 'recorded',
          status: 200,
          message: null,
          attendance,
        });
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        const status = error.getStatus();
        results.push({
          clientId: item.clientId,
          outcome:
            error instanceof UnknownCheckInCodeError
              ? 'unknown-code'
              : error instanceof CheckInOtherWorkshopError
                ? 'other-workshop'
                : error instanceof CheckInNotConfirmedError
                  ? 'not-confirmed'
                  : error instanceof ScanSupersededError
                    ? 'superseded'
                    : 'invalid',
          status,
          message: messageOf(error),
          attendance: null,
        });
      }
    }
    return { results };
  }

  // ---- roll lists (online sessions) ----

  /** Every confirmed participant with present or absent at one session. */
  async rollList(actor: Actor, workshopId: string, sessionId: string): Promise<WorkshopRollEntry[]> {
    await this.policy.assertOrganiser(actor, workshopId);
    await this.assertSession(workshopId, sessionId);
    return this.roll(workshopId, sessionId);
  }

  private async roll(workshopId: string, sessionId: string, registrationId?: string): Promise<WorkshopRollEntry[]> {
    const params: unknown[] = [workshopId, sessionId];
    let extra = '';
    if (registrationId) {
      params.push(registrationId);
      extra = ' AND r.id = $3';
    }
    const rows = (await this.dataSource.query(
      `SELECT r.id AS "registrationId", r.user_id AS "userId", u.display_name AS "displayName", r.country,
              a.method, a.recorded_at AS "recordedAt"
         FROM workshop_registrations r JOIN users u ON u.id = r.user_id
         LEFT JOIN workshop_attendances a ON a.registration_id = r.id AND a.session_id = $2
        WHERE r.workshop_id = $1 AND r.status = 'confirmed'${extra}
        ORDER BY lower(u.display_name), r.arrival`,
      params,
    )) as (Omit<WorkshopRollEntry, 'present' | 'recordedAt'> & { recordedAt: Date | null })[];
    return rows.map((r) => ({ ...r, present: r.method !== null, recordedAt: r.recordedAt ? new Date(r.recordedAt).toISOString() : null }));
  }

  /** Marks a confirmed participant present (once) or absent at a session, from the roll list. */
  async markFromRoll(actor: Actor, workshopId: string, sessionId: string, registrationId: string, present: boolean): Promise<WorkshopRollEntry> {
    await this.policy.assertOrganiser(actor, workshopId);
    await this.assertSession(workshopId, sessionId);
    const [reg] = (await this.dataSource.query(
      `SELECT r.status, u.display_name AS "displayName" FROM workshop_registrations r JOIN users u ON u.id = r.user_id
        WHERE r.id = $1 AND r.workshop_id = $2`,
      [registrationId, workshopId],
    )) as { status: WorkshopRegistrationStatus; displayName: string }[];
    if (!reg) throw new WorkshopNotFoundError('registration');
    if (reg.status !== 'confirmed') throw new CheckInNotConfirmedError(reg.displayName, reg.status);
    if (present) await this.mark(actor, sessionId, registrationId, 'roll', {});
    else await this.dataSource.query(`DELETE FROM workshop_attendances WHERE session_id = $1 AND registration_id = $2`, [sessionId, registrationId]);
    const [entry] = await this.roll(workshopId, sessionId, registrationId);
    return entry;
  }

  // ---- rates ----

  /** The organiser's sheet: each session's count and each confirmed participant's rate. */
  async sheet(actor: Actor, workshopId: string): Promise<WorkshopAttendanceSheet> {
    await this.policy.assertOrganiser(actor, workshopId);
    const [w] = (await this.dataSource.query(`SELECT attendance_threshold AS threshold FROM workshops WHERE id = $1`, [workshopId])) as {
      threshold: number;
    }[];
    if (!w) throw new WorkshopNotFoundError();
    const sessions = (await this.dataSource.query(
      `SELECT s.id, s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
              (SELECT count(*)::int FROM workshop_attendances a JOIN workshop_registrations r ON r.id = a.registration_id
                WHERE a.session_id = s.id AND r.status = 'confirmed') AS present
         FROM workshop_sessions s WHERE s.workshop_id = $1 ORDER BY s.starts_at, s.id`,
      [workshopId],
    )) as { id: string; title: Translations; startsAt: Date; endsAt: Date; present: number }[];
    const participants = await this.attendanceRates(workshopId);
    const totalMs = sessions.reduce((sum, s) => sum + (new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime()), 0);
    return {
      workshopId,
      threshold: w.threshold,
      totalHours: totalMs / 3_600_000,
      confirmed: participants.length,
      sessions: sessions.map((s) => ({
        id: s.id,
        title: s.title,
        startsAt: new Date(s.startsAt).toISOString(),
        endsAt: new Date(s.endsAt).toISOString(),
        present: s.present,
      })),
      participants,
    };
  }

  /**
   * Each confirmed participant's attended session hours over the workshop's session hours, and
   * whether that reaches the workshop's threshold (what participation certificates go by).
   */
  async attendanceRates(workshopId: string, em: EntityManager = this.dataSource.manager): Promise<WorkshopAttendanceRate[]> {
    const rows = (await em.query(
      `WITH s AS (SELECT id, extract(epoch FROM ends_at - starts_at)::bigint AS seconds FROM workshop_sessions WHERE workshop_id = $1),
            total AS (SELECT coalesce(sum(seconds), 0)::bigint AS seconds FROM s)
       SELECT r.id AS "registrationId", r.user_id AS "userId", u.display_name AS "displayName", r.country,
              coalesce(sum(s.seconds), 0)::bigint AS attended, (SELECT seconds FROM total) AS total,
              coalesce(array_agg(s.id::text ORDER BY s.id) FILTER (WHERE s.id IS NOT NULL), '{}'::text[]) AS "sessionIds",
              w.attendance_threshold AS threshold
         FROM workshop_registrations r JOIN users u ON u.id = r.user_id JOIN workshops w ON w.id = r.workshop_id
         LEFT JOIN workshop_attendances a ON a.registration_id = r.id
         LEFT JOIN s ON s.id = a.session_id
        WHERE r.workshop_id = $1 AND r.status = 'confirmed'
        GROUP BY r.id, u.display_name, w.attendance_threshold
        ORDER BY lower(u.display_name), r.arrival`,
      [workshopId],
    )) as {
      registrationId: string;
      userId: string;
      displayName: string;
      country: string | null;
      attended: string;
      total: string;
      sessionIds: string[];
      threshold: number;
    }[];
    return rows.map((r) => {
      const attended = Number(r.attended);
      const total = Number(r.total);
      return {
        registrationId: r.registrationId,
        userId: r.userId,
        displayName: r.displayName,
        country: r.country,
        attendedHours: attended / 3600,
        totalHours: total / 3600,
        rate: total > 0 ? attended / total : 0,
        // In whole seconds, without rounding: 75% of 4 h is met by exactly 3 h.
        meetsThreshold: total > 0 && attended * 100 >= r.threshold * total,
        sessionIds: r.sessionIds,
      };
    });
  }

  private async assertSession(workshopId: string, sessionId: string): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM workshop_sessions WHERE id = $1 AND workshop_id = $2`, [sessionId, workshopId])) as unknown[];
    if (!rows.length) throw new WorkshopNotFoundError('session');
  }
}

function messageOf(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' ? message : error.message;
}
