import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import type { WorkshopRegistrationStatus } from '@aula/contracts';
import { formulaSafe, UTF8_BOM } from '@aula/server/core';
import type { Actor } from '@aula/server/identity';
import { WorkshopPolicy } from './workshop.policy';
import { WorkshopNotFoundError } from './workshops.errors';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './workshop.views';

/** The columns of the registrations CSV, in order. */
export const REGISTRATION_CSV_COLUMNS = [
  'arrival',
  'name',
  'email',
  'status',
  'waitlist_position',
  'offer_expires_at',
  'country',
  'motivation',
  'decline_reason',
  'registered_at',
] as const;

/**
 * A workshop's registrations as CSV for its organisers, in arrival order (the order seats and the
 * waiting list follow): UTF-8 with a BOM, cells that would run as formulas made inert.
 */
@Injectable()
export class RegistrationCsvService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
  ) {}

  async export(
    actor: Actor,
    workshopId: string,
    query: { status?: WorkshopRegistrationStatus } = {},
  ): Promise<{ fileName: string; content: string }> {
    await this.policy.assertOrganiser(actor, workshopId);
    const [workshop] = (await this.dataSource.query('SELECT slug FROM workshops WHERE id = $1', [workshopId])) as {
      slug: string;
    }[];
    if (!workshop) throw new WorkshopNotFoundError();
    const params: unknown[] = [workshopId];
    let where = 'r.workshop_id = $1';
    if (query.status) {
      params.push(query.status);
      where += ` AND r.status = $2::workshop_registration_status`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS}, u.display_name AS "displayName", u.email
         FROM workshop_registrations r JOIN users u ON u.id = r.user_id
        WHERE ${where} ORDER BY r.arrival`,
      params,
    )) as (RegistrationRow & { displayName: string; email: string })[];
    const records = rows.map((r) =>
      [
        r.arrival,
        r.displayName,
        r.email,
        r.status,
        r.waitlistPosition,
        r.offerExpiresAt?.toISOString() ?? null,
        r.country,
        r.motivation,
        r.declineReason,
        r.createdAt.toISOString(),
      ].map(formulaSafe),
    );
    const content = stringify(records, {
      header: true,
      columns: [...REGISTRATION_CSV_COLUMNS],
      record_delimiter: 'windows',
    });
    return { fileName: `registrations-${workshop.slug}.csv`, content: UTF8_BOM + content };
  }
}
