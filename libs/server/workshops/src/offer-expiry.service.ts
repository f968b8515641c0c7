import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SeatAllocator } from './seat-allocator';
import type { RegistrationRow } from './workshop.views';
import { REGISTRATION_COLUMNS } from './workshop.views';

/**
 * Seat offers not confirmed by their deadline lapse (`expired`), and the seat passes to the next
 * in line with a fresh deadline. Safe to run from several workers at once: each workshop is
 * handled with its row locked, and an offer already handled is no longer `offered`.
 */
@Injectable()
export class OfferExpiryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: SeatAllocator,
  ) {}

  /** Expires every offer due at `now` (of one workshop, when given); resolves how many lapsed. */
  async expireOffers(now = new Date(), workshopId?: string): Promise<number> {
    const due = (await this.dataSource.query(
      `SELECT DISTINCT workshop_id AS "workshopId" FROM workshop_registrations
        WHERE status = 'offered' AND offer_expires_at <= $1 AND ($2::uuid IS NULL OR workshop_id = $2)`,
      [now, workshopId ?? null],
    )) as { workshopId: string }[];
    let expired = 0;
    for (const { workshopId } of due) expired += await this.expireIn(workshopId, now);
    return expired;
  }

  private expireIn(workshopId: string, now: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const workshop = await this.seats.lockWorkshop(em, workshopId);
      if (!workshop) return 0;
      const lapsed = (await em.query(
        `SELECT ${REGISTRATION_COLUMNS} FROM workshop_registrations r
          WHERE r.workshop_id = $1 AND r.status = 'offered' AND r.offer_expires_at <= $2
          ORDER BY r.arrival FOR UPDATE OF r`,
        [workshopId, now],
      )) as RegistrationRow[];
      for (const offer of lapsed) await this.seats.change(em, workshop, offer, 'expired');
      await this.seats.offerSeats(em, workshop, now);
      return lapsed.length;
    });
  }
}
