import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale, MyWorkshopCertificate, Translations } from '@aula/contracts';
import { CertificatePdfRenderer, issuerUrls, newCertificateCode } from '@aula/server/certification';
import { AppConfig, pickText } from '@aula/server/core';
import { institutionDisplayName } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { StoragePort } from '@aula/server/storage';
import { AttendanceService } from './attendance.service';
import { WORKSHOP_CERTIFICATE_TEMPLATE } from './workshop-certificate-template';
import { WorkshopCertificate } from './workshop-certificate.entity';
import { WorkshopNotFoundError } from './workshops.errors';

/** Where a participation certificate's PDF lives: one per registration, so a retry overwrites. */
export function workshopCertificateStorageKey(registrationId: string): string {
  return `workshop-certificates/${registrationId}.pdf`;
}

/** Statuses after which participation is certified. */
const CERTIFIED_STATUSES = ['held', 'report-published'];

interface PrintedFacts {
  registrationId: string;
  workshopId: string;
  userId: string;
  displayName: string;
  locale: Locale;
  slug: string;
  title: Translations;
  defaultLocale: Locale;
  startDate: string;
  endDate: string;
  timeZone: string;
  institutionNames: { value: string; lang: string | null; type: string }[];
  institutionPrimaryName: string;
  status: string;
  existing: string | null;
}

/** Locks the registration for the job: two deliveries of the same event run one after the other. */
const LOCK_REGISTRATION = `
  SELECT r.id AS "registrationId", r.workshop_id AS "workshopId", r.user_id AS "userId", u.display_name AS "displayName",
         u.locale, w.slug, w.title, w.default_locale AS "defaultLocale", w.start_date::text AS "startDate",
         w.end_date::text AS "endDate", w.time_zone AS "timeZone", w.status, i.names AS "institutionNames",
         i.primary_name AS "institutionPrimaryName", c.id AS existing
    FROM workshop_registrations r
    JOIN users u ON u.id = r.user_id
    JOIN workshops w ON w.id = r.workshop_id
    JOIN institutions i ON i.id = w.host_institution_id
    LEFT JOIN workshop_certificates c ON c.registration_id = r.id
   WHERE r.id = $1
     FOR UPDATE OF r`;

export interface WorkshopCertificatesOutcome {
  /** Certificates created by this run (0 on a redelivery). */
  issued: number;
  /** Participants at or above the threshold (each has exactly one certificate afterwards). */
  eligible: number;
}

/**
 * Participation certificates: issued by the worker when a workshop is held (to everyone at or above
 * the attendance threshold, exactly once per registration), read and downloaded by their holder,
 * and verified publicly by code (see CertificateVerifier).
 */
@Injectable()
export class WorkshopCertificateService {
  private readonly logger = new Logger(WorkshopCertificateService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly attendance: AttendanceService,
    private readonly renderer: CertificatePdfRenderer,
    private readonly storage: StoragePort,
  ) {}

  /** For `workshop.held`: idempotent, so a redelivered event or a later status changes nothing. */
  async issueForWorkshop(workshopId: string): Promise<WorkshopCertificatesOutcome> {
    const rates = await this.attendance.attendanceRates(workshopId);
    const eligible = rates.filter((r) => r.meetsThreshold);
    let issued = 0;
    for (const rate of eligible) {
      if (await this.issueOne(rate.registrationId, rate.attendedHours, rate.totalHours)) issued++;
    }
    return { issued, eligible: eligible.length };
  }

  /** True when this call created the certificate. */
  async issueOne(registrationId: string, attendedHours: number, expectedHours: number): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [facts] = (await em.query(LOCK_REGISTRATION, [registrationId])) as PrintedFacts[];
      if (!facts || facts.existing || !CERTIFIED_STATUSES.includes(facts.status)) return false;
      return this.create(em, facts, attendedHours, expectedHours);
    });
  }

  private async create(
    em: EntityManager,
    facts: PrintedFacts,
    attendedHours: number,
    expectedHours: number,
  ): Promise<boolean> {
    const locale = facts.locale;
    const title = pickText(facts.title, locale, facts.defaultLocale).text;
    const host = institutionDisplayName(
      {
        names: facts.institutionNames as Parameters<typeof institutionDisplayName>[0]['names'],
        primaryName: facts.institutionPrimaryName,
      },
      locale,
    );
    const code = newCertificateCode();
    const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const attended = round2(attendedHours);
    const expected = round2(expectedHours);
    const pdf = await this.renderer.render(
      {
        code,
        verifyUrl: issuerUrls(this.config.PUBLIC_URL).verifyPageUrl(code),
        locale,
        timeZone: facts.timeZone,
        holderName: facts.displayName,
        course: title,
        cohort: host,
        startDate: facts.startDate,
        endDate: facts.endDate,
        completedAt: null,
        issuedAt,
        expiresAt: null,
        hours: attended,
        grade: hoursFormat(locale).format(expected),
        heading: this.config.PLATFORM_NAME,
        issuerName: this.config.PLATFORM_NAME,
      },
      WORKSHOP_CERTIFICATE_TEMPLATE,
    );
    const storageKey = workshopCertificateStorageKey(facts.registrationId);
    const rows = (await em.query(
      `INSERT INTO workshop_certificates (id, registration_id, workshop_id, user_id, code, holder_name, workshop_title,
                                          host_institution, start_date, end_date, attended_hours, expected_hours, language,
                                          issued_at, content_hash, storage_key, size)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (registration_id) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        facts.registrationId,
        facts.workshopId,
        facts.userId,
        code,
        facts.displayName,
        title,
        host,
        facts.startDate,
        facts.endDate,
        attended,
        expected,
        locale,
        issuedAt,
        createHash('sha256').update(pdf).digest('hex'),
        storageKey,
        pdf.length,
      ],
    )) as { id: string }[];
    if (!rows.length) return false;
    await this.storage.put(storageKey, pdf);
    this.logger.log(`issued participation certificate ${rows[0].id}`);
    return true;
  }

  /** The reader's own certificate of a workshop; 404 until it is issued. */
  async mine(actor: Actor, slug: string): Promise<MyWorkshopCertificate> {
    const c = await this.mineRecord(actor, slug);
    return {
      code: c.code,
      issuedAt: c.issuedAt.toISOString(),
      verifyUrl: issuerUrls(this.config.PUBLIC_URL).verifyPageUrl(c.code),
      attendedHours: Number(c.attendedHours),
      expectedHours: Number(c.expectedHours),
    };
  }

  async download(actor: Actor, slug: string): Promise<{ size: number; stream: Readable; fileName: string }> {
    const c = await this.mineRecord(actor, slug);
    return {
      size: c.size,
      stream: await this.storage.get(c.storageKey),
      fileName: `certificate-${c.code}.pdf`,
    };
  }

  private async mineRecord(actor: Actor, slug: string): Promise<WorkshopCertificate> {
    const c = await this.dataSource
      .getRepository(WorkshopCertificate)
      .createQueryBuilder('c')
      .innerJoin('workshops', 'w', 'w.id = c.workshop_id')
      .where('w.slug = :slug AND c.user_id = :me', { slug, me: actor.id })
      .getOne();
    if (!c) throw new WorkshopNotFoundError('certificate');
    return c;
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const hoursFormats = new Map<Locale, Intl.NumberFormat>();
function hoursFormat(locale: Locale): Intl.NumberFormat {
  let f = hoursFormats.get(locale);
  if (!f) hoursFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f;
}
