import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale, Translations } from '@aula/contracts';
import { pickText } from '@aula/server/core';
import type { Actor } from '@aula/server/identity';
import { WorkshopPolicy } from './workshop.policy';
import { AttendanceService } from './attendance.service';
import { BadgePdfRenderer, type BadgeContent } from './badge-pdf.renderer';
import { WorkshopNotFoundError } from './workshops.errors';

interface BadgeRow {
  registrationId: string;
  displayName: string;
  organisation: string | null;
  country: string | null;
  title: Translations;
  defaultLocale: Locale;
  startDate: string;
  endDate: string;
  city: string | null;
}

const BADGE_SELECT = `SELECT r.id AS "registrationId", u.display_name AS "displayName", u.organisation,
  coalesce(r.country, u.country) AS country, w.title, w.default_locale AS "defaultLocale",
  to_char(w.start_date, 'YYYY-MM-DD') AS "startDate", to_char(w.end_date, 'YYYY-MM-DD') AS "endDate", w.venue->>'city' AS city
  FROM workshop_registrations r JOIN users u ON u.id = r.user_id JOIN workshops w ON w.id = r.workshop_id`;

/** Name badges as PDF: a participant's own, or the whole workshop's for its organisers. */
@Injectable()
export class BadgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
    private readonly attendance: AttendanceService,
    private readonly renderer: BadgePdfRenderer,
  ) {}

  /** One confirmed registration's badge: for the person and the workshop's organisers (404 for anyone else). */
  async badge(actor: Actor, registrationId: string, locale: Locale): Promise<Buffer> {
    await this.attendance.assertOwnerOrOrganiser(actor, registrationId);
    const [row] = (await this.dataSource.query(`${BADGE_SELECT} WHERE r.id = $1`, [registrationId])) as BadgeRow[];
    const code = await this.attendance.codeOf(actor, registrationId);
    return this.renderer.renderOne(badgeContent(row, code, locale), row.displayName);
  }

  /** Every confirmed participant's badge, four to an A4 page, in name order. */
  async workshopBadges(actor: Actor, workshopId: string, locale: Locale): Promise<Buffer> {
    await this.policy.assertOrganiser(actor, workshopId);
    const exists = (await this.dataSource.query(`SELECT 1 FROM workshops WHERE id = $1`, [workshopId])) as unknown[];
    if (!exists.length) throw new WorkshopNotFoundError();
    const codes = await this.attendance.codesOfWorkshop(workshopId);
    const rows = (await this.dataSource.query(
      `${BADGE_SELECT} WHERE r.workshop_id = $1 AND r.status = 'confirmed' ORDER BY lower(u.display_name), r.arrival`,
      [workshopId],
    )) as BadgeRow[];
    const badges = rows.flatMap((row) => {
      const code = codes.get(row.registrationId);
      return code ? [badgeContent(row, code, locale)] : [];
    });
    return this.renderer.renderSheet(badges);
  }
}

function badgeContent(row: BadgeRow, code: { token: string; code: string }, locale: Locale): BadgeContent {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const range = dates.formatRange(new Date(`${row.startDate}T00:00:00Z`), new Date(`${row.endDate}T00:00:00Z`));
  let country: string | null = null;
  if (row.country) {
    try {
      country = new Intl.DisplayNames([locale], { type: 'region' }).of(row.country.trim()) ?? row.country;
    } catch {
      country = row.country;
    }
  }
  return {
    name: row.displayName,
    institution: row.organisation?.trim() || null,
    country,
    workshop: pickText(row.title, locale, row.defaultLocale).text,
    detail: row.city ? `${range} · ${row.city}` : range,
    token: code.token,
    code: code.code,
  };
}
