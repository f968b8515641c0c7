import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkshopRegistrationStatus } from '@aula/contracts';
import { PreparedSql } from '@aula/server/database';
import { OutboxService } from '@aula/server/outbox';
import { Workshop } from './workshop.entity';
import { hasRoom, holdsSeat, seatsLeft } from './workshop.rules';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './workshop.views';

export interface PlacementDetails {
  country: string | null;
  motivation: string | null;
  institutionId?: string | null;
  position?: string | null;
  sector?: string | null;
  regionId?: string | null;
  accessibilityNeeds?: string | null;
  answers?: Record<string, string>;
}

/**
 * A first arrival at an open workshop without a country quota, in one statement: the subquery locks
 * the workshop row (FOR UPDATE waits for the previous arrival's commit, then reads the row as that
 * commit left it, and re-checks that the workshop is still published, open and without a quota), the
 * UPDATE takes the next arrival number and a seat when one is free, and the INSERT writes the
 * registration with that number and status. The lock is held from here to the commit.
 * `waitlistPosition` is not returned: the statement's snapshot predates the lock, so the caller
 * reads it afterwards.
 */
export const TAKE_OPEN_SEAT = new PreparedSql(`WITH seat AS (
  UPDATE workshops w SET arrivals = w.arrivals + 1, seats_taken = w.seats_taken + s.gain
    FROM (SELECT id, CASE WHEN capacity IS NULL OR seats_taken < capacity THEN 1 ELSE 0 END AS gain
            FROM workshops
           WHERE id = $1 AND status = 'published' AND registration_mode = 'open' AND country_quota IS NULL
             FOR UPDATE) s
   WHERE w.id = s.id
  RETURNING w.arrivals AS arrival, s.gain)
INSERT INTO workshop_registrations AS r (workshop_id, user_id, status, arrival, country, motivation)
SELECT $1, $2, (CASE WHEN seat.gain = 1 THEN 'confirmed' ELSE 'waitlisted' END)::workshop_registration_status,
       seat.arrival, $3, $4 FROM seat
RETURNING r.id, r.workshop_id AS "workshopId", r.user_id AS "userId", r.status, r.arrival, r.country, r.motivation,
  r.offer_expires_at AS "offerExpiresAt", r.decline_reason AS "declineReason", NULL::int AS "waitlistPosition",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`);

/**
 * The one place seats change. Every method runs in the caller's transaction with the workshop
 * row locked (`lockWorkshop`, SELECT ... FOR UPDATE), so concurrent registrations queue on that
 * row and the seat count read from it is exact: a workshop is never over-booked, and arrival
 * numbers follow the order in which requests got the lock. Every status change writes its
 * outbox event in the same transaction.
 */
@Injectable()
export class SeatAllocator {
  constructor(private readonly outbox: OutboxService) {}

  /** Locks the workshop row for the rest of the transaction; null when there is none. */
  lockWorkshop(em: EntityManager, workshopId: string): Promise<Workshop | null> {
    return em.findOne(Workshop, { where: { id: workshopId }, lock: { mode: 'pessimistic_write' } });
  }

  async read(em: EntityManager, registrationId: string, lock = false): Promise<RegistrationRow | null> {
    const [row] = (await em.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM workshop_registrations r WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
      [registrationId],
    )) as RegistrationRow[];
    return row ?? null;
  }

  async readOf(em: EntityManager, workshopId: string, userId: string, lock = false): Promise<RegistrationRow | null> {
    const [row] = (await em.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM workshop_registrations r
        WHERE r.workshop_id = $1 AND r.user_id = $2${lock ? ' FOR UPDATE OF r' : ''}`,
      [workshopId, userId],
    )) as RegistrationRow[];
    return row ?? null;
  }

  /** Seats held by people of each country. */
  async seatsByCountry(em: EntityManager, workshopId: string): Promise<Map<string | null, number>> {
    const rows = (await em.query(
      `SELECT country, count(*)::int AS n FROM workshop_registrations
        WHERE workshop_id = $1 AND status IN ('confirmed', 'offered') GROUP BY country`,
      [workshopId],
    )) as { country: string | null; n: number }[];
    return new Map(rows.map((r) => [r.country, r.n]));
  }

  /** Whether a seat is free for someone of this country (capacity and quota). */
  async seatFor(em: EntityManager, workshop: Workshop, country: string | null): Promise<boolean> {
    if (seatsLeft(workshop.capacity, workshop.seatsTaken) === 0) return false;
    if (workshop.countryQuota === null) return true;
    return hasRoom(workshop, (await this.seatsByCountry(em, workshop.id)).get(country) ?? 0);
  }

  /**
   * A new arrival (a first registration, or again after withdrawing or letting an offer expire):
   * the next arrival number, the given status.
   */
  async arrive(
    em: EntityManager,
    workshop: Workshop,
    userId: string,
    to: WorkshopRegistrationStatus,
    details: PlacementDetails,
    existing: RegistrationRow | null,
  ): Promise<RegistrationRow> {
    workshop.arrivals += 1;
    await em.query('UPDATE workshops SET arrivals = $2 WHERE id = $1', [workshop.id, workshop.arrivals]);
    const params = [
      workshop.id,
      userId,
      to,
      workshop.arrivals,
      details.country,
      details.motivation,
      details.institutionId ?? null,
      details.position ?? null,
      details.sector ?? null,
      details.regionId ?? null,
      details.accessibilityNeeds ?? null,
      JSON.stringify(details.answers ?? {}),
    ];
    if (existing) {
      await em.query(
        `UPDATE workshop_registrations
            SET status = $3::workshop_registration_status, arrival = $4, country = $5, motivation = $6,
                institution_id = $7, position = $8, sector = $9::workshop_registration_sector, region_id = $10,
                accessibility_needs = $11, answers = $12::jsonb,
                offer_expires_at = NULL, decline_reason = NULL, updated_at = now()
          WHERE workshop_id = $1 AND user_id = $2`,
        params,
      );
    }
    const id = existing
      ? existing.id
      : ((await em.query(
          `INSERT INTO workshop_registrations (workshop_id, user_id, status, arrival, country, motivation,
                  institution_id, position, sector, region_id, accessibility_needs, answers)
           VALUES ($1, $2, $3::workshop_registration_status, $4, $5, $6,
                  $7, $8, $9::workshop_registration_sector, $10, $11, $12::jsonb) RETURNING id`,
          params,
        )) as { id: string }[])[0].id;
    return this.afterChange(em, workshop, id, existing?.status ?? null, to, null);
  }

  /**
   * The short path of a first registration at an open workshop without a quota (TAKE_OPEN_SEAT, then
   * the outbox event): two statements while the workshop row is locked, against about eight on the
   * locked path. Null when the workshop no longer qualifies (closed, mode or quota changed): the
   * caller then takes the locked path, which decides with everything re-read under the lock.
   */
  async takeOpenSeat(em: EntityManager, workshopId: string, userId: string, details: PlacementDetails): Promise<RegistrationRow | null> {
    const [row] = await TAKE_OPEN_SEAT.run<RegistrationRow>(em, [workshopId, userId, details.country, details.motivation]);
    if (!row) return null;
    await this.announce(em, row, null, row.status, null);
    return row;
  }

  /** A registration's new status, with the seat count and the outbox event. */
  async change(
    em: EntityManager,
    workshop: Workshop,
    registration: RegistrationRow,
    to: WorkshopRegistrationStatus,
    extra: { offerExpiresAt?: Date | null; declineReason?: string | null } = {},
  ): Promise<RegistrationRow> {
    if (registration.workshopId !== workshop.id) throw new Error('A seat may only change with its workshop locked.');
    await em.query(
      `UPDATE workshop_registrations
          SET status = $2::workshop_registration_status, offer_expires_at = $3,
              decline_reason = coalesce($4, decline_reason), updated_at = now()
        WHERE id = $1`,
      [registration.id, to, extra.offerExpiresAt ?? null, extra.declineReason ?? null],
    );
    return this.afterChange(em, workshop, registration.id, registration.status, to, extra.offerExpiresAt ?? null);
  }

  /**
   * Offers free seats to the waiting list in arrival order, skipping people whose country has
   * reached its quota; each offer holds the seat until `now + holdHours`.
   */
  async offerSeats(em: EntityManager, workshop: Workshop, now: Date): Promise<RegistrationRow[]> {
    if (seatsLeft(workshop.capacity, workshop.seatsTaken) === 0) return [];
    const waiting = (await em.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM workshop_registrations r
        WHERE r.workshop_id = $1 AND r.status = 'waitlisted' ORDER BY r.arrival FOR UPDATE OF r`,
      [workshop.id],
    )) as RegistrationRow[];
    if (waiting.length === 0) return [];
    const byCountry = await this.seatsByCountry(em, workshop.id);
    const offered: RegistrationRow[] = [];
    const expiresAt = new Date(now.getTime() + workshop.holdHours * 3_600_000);
    for (const next of waiting) {
      if (!hasRoom(workshop, byCountry.get(next.country) ?? 0)) {
        if (seatsLeft(workshop.capacity, workshop.seatsTaken) === 0) break;
        continue;
      }
      offered.push(await this.change(em, workshop, next, 'offered', { offerExpiresAt: expiresAt }));
      byCountry.set(next.country, (byCountry.get(next.country) ?? 0) + 1);
    }
    return offered;
  }

  /**
   * The workshop was cancelled: every registration still in play (application, seat, waiting-list
   * place, seat offer) ends as `cancelled`, each with its own event, so everyone registered is told.
   */
  async cancelAll(em: EntityManager, workshop: Workshop): Promise<RegistrationRow[]> {
    const active = (await em.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM workshop_registrations r
        WHERE r.workshop_id = $1 AND r.status IN ('pending', 'confirmed', 'waitlisted', 'offered') ORDER BY r.arrival FOR UPDATE OF r`,
      [workshop.id],
    )) as RegistrationRow[];
    const cancelled: RegistrationRow[] = [];
    for (const registration of active) cancelled.push(await this.change(em, workshop, registration, 'cancelled'));
    return cancelled;
  }

  private async afterChange(
    em: EntityManager,
    workshop: Workshop,
    registrationId: string,
    from: WorkshopRegistrationStatus | null,
    to: WorkshopRegistrationStatus,
    offerExpiresAt: Date | null,
  ): Promise<RegistrationRow> {
    const delta = Number(holdsSeat(to)) - Number(holdsSeat(from));
    if (delta !== 0) {
      workshop.seatsTaken += delta;
      await em.query('UPDATE workshops SET seats_taken = $2 WHERE id = $1', [workshop.id, workshop.seatsTaken]);
    }
    const row = (await this.read(em, registrationId)) as RegistrationRow;
    await this.announce(em, row, from, to, offerExpiresAt);
    return row;
  }

  private async announce(
    em: EntityManager,
    row: RegistrationRow,
    from: WorkshopRegistrationStatus | null,
    to: WorkshopRegistrationStatus,
    offerExpiresAt: Date | null,
  ): Promise<void> {
    if (from === to) return;
    const base = { registrationId: row.id, workshopId: row.workshopId, userId: row.userId };
    switch (to) {
      case 'pending':
        return void (await this.outbox.add(em, 'workshop-registration.received', base));
      case 'confirmed':
        return void (await this.outbox.add(em, 'workshop-registration.confirmed', base));
      case 'waitlisted':
        return void (await this.outbox.add(em, 'workshop-registration.waitlisted', base));
      case 'offered':
        return void (await this.outbox.add(em, 'workshop-registration.promoted', {
          ...base,
          offerExpiresAt: (offerExpiresAt ?? new Date()).toISOString(),
        }));
      case 'declined':
        return void (await this.outbox.add(em, 'workshop-registration.declined', base));
      case 'withdrawn':
        return void (await this.outbox.add(em, 'workshop-registration.cancelled', { ...base, reason: 'withdrawn' }));
      case 'expired':
        return void (await this.outbox.add(em, 'workshop-registration.cancelled', { ...base, reason: 'offer-expired' }));
      case 'cancelled':
        return void (await this.outbox.add(em, 'workshop-registration.cancelled', { ...base, reason: 'workshop-cancelled' }));
    }
  }
}
