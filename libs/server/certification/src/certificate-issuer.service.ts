import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale, Translations } from '@aula/contracts';
import { AppConfig, pickText } from '@aula/server/core';
import { PreparedSql } from '@aula/server/database';
import { OutboxService } from '@aula/server/outbox';
import { StoragePort } from '@aula/server/storage';
import { CertificatePdfRenderer } from './certificate-pdf.renderer';
import { CertificateSigner } from './certificate-signer';
import { newCertificateCode } from './certificate-code';
import { Certificate } from './certificate.entity';
import { CertificateTemplateService } from './certificate-template.service';
import {
  credentialClaims,
  encodeStatusList,
  issuerUrls,
  openBadgeCredential,
  STATUS_LIST_SIZE,
  statusListCredential,
} from './credential';
import { StatusList } from './status-list.entity';

/** Where a certificate's PDF lives: derived from enrolment and generation, so a retry overwrites, never adds. */
export function certificateStorageKey(enrolmentId: string, generation: number): string {
  return `certificates/${enrolmentId}/${generation}.pdf`;
}

/**
 * Locks the enrolment for the job and reads what is printed, with its latest certificate, in one
 * round trip (planned once per connection). When the enrolment is completed and has no certificate
 * yet, its status list position is taken here too. The statement's snapshot predates its wait for
 * the lock, so a certificate committed meanwhile by the job it waited for is not seen here: the
 * insert's ON CONFLICT answers for that case.
 */
const LOCK_ENROLMENT = new PreparedSql(
  `SELECT e.id AS "enrolmentId", e.status, e.user_id AS "userId", e.cohort_id AS "cohortId", c.course_id AS "courseId",
          e.completed_at AS "completedAt", u.display_name AS "displayName", u.locale,
          c.name AS "cohortName", c.start_date::text AS "startDate", c.end_date::text AS "endDate", c.time_zone AS "timeZone",
          co.title AS "courseTitle", co.summary AS "courseSummary", co.default_locale AS "courseLocale",
          co.estimated_hours AS "estimatedHours", p.title AS "programmeTitle", latest.id AS "latestId",
          CASE WHEN e.status = 'completed' AND latest.id IS NULL
               THEN nextval('certificate_status_list_index_seq')::int END AS "statusListIndex"
     FROM enrolments e
     JOIN users u ON u.id = e.user_id
     JOIN cohorts c ON c.id = e.cohort_id
     JOIN courses co ON co.id = c.course_id
     JOIN programmes p ON p.id = co.programme_id
     LEFT JOIN LATERAL (
       SELECT id FROM certificates WHERE enrolment_id = e.id ORDER BY generation DESC LIMIT 1
     ) latest ON true
    WHERE e.id = $1
    FOR UPDATE OF e`,
);

const NEXT_STATUS_LIST_INDEX = new PreparedSql(
  `SELECT nextval('certificate_status_list_index_seq')::int AS index`,
);

/** Nothing when (enrolment, generation) exists: then another delivery of the same job issued it first. */
const INSERT_CERTIFICATE = new PreparedSql(
  `INSERT INTO certificates (id, enrolment_id, generation, user_id, cohort_id, course_id, code, holder_name, course_title,
                             cohort_name, language, issued_at, expires_at, content_hash, storage_key, size, credential_jwt,
                             status_list_index)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
   ON CONFLICT (enrolment_id, generation) DO NOTHING
   RETURNING created_at AS "createdAt"`,
);

interface EnrolmentFacts {
  enrolmentId: string;
  status: string;
  userId: string;
  cohortId: string;
  courseId: string;
  completedAt: Date | null;
  displayName: string;
  locale: Locale;
  cohortName: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  courseTitle: Translations;
  courseSummary: Translations;
  courseLocale: Locale;
  estimatedHours: number | null;
  programmeTitle: Translations;
  /** The enrolment's latest certificate, as seen before the lock was granted. */
  latestId: string | null;
  /** Taken when the enrolment is completed and has no certificate (first issue), else null. */
  statusListIndex: number | null;
}

export type IssueOutcome =
  | { certificate: Certificate; created: boolean }
  | { certificate: null; created: false; reason: 'not-completed' | 'missing' };

/**
 * Issues certificates: render, store, record and announce. Worker only (it signs).
 *
 * Exactly once per enrolment and generation: the enrolment row is locked for the whole job, so
 * two deliveries of the same event run one after the other. The second finds the certificate, or,
 * when it was already waiting for the lock, loses on the unique (enrolment, generation) key: the
 * row is inserted with ON CONFLICT DO NOTHING before the file is written, so a job that loses
 * writes nothing. The PDF is written before the commit to a key derived from enrolment and
 * generation: a job that dies after writing it and before committing leaves a file that the retry
 * overwrites, so there is never a second file nor a row without its file.
 */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger(CertificateIssuer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly renderer: CertificatePdfRenderer,
    private readonly signer: CertificateSigner,
    private readonly storage: StoragePort,
    private readonly outbox: OutboxService,
    private readonly templates: CertificateTemplateService,
  ) {}

  /** First issue for a completed enrolment; does nothing when the enrolment already has a certificate. */
  async issue(enrolmentId: string, options: { expiresAt?: Date | null } = {}): Promise<IssueOutcome> {
    return this.dataSource.transaction(async (em) => {
      const facts = await this.lockEnrolment(em, enrolmentId);
      if (!facts) return { certificate: null, created: false, reason: 'missing' };
      if (facts.latestId) {
        return { certificate: await em.findOneByOrFail(Certificate, { id: facts.latestId }), created: false };
      }
      if (facts.status !== 'completed') return { certificate: null, created: false, reason: 'not-completed' };
      const certificate = await this.create(em, facts, 1, options.expiresAt ?? null, null);
      if (certificate) return { certificate, created: true };
      // A duplicate delivery that waited for the lock: the other one issued it.
      return {
        certificate: await em.findOneByOrFail(Certificate, { enrolmentId, generation: 1 }),
        created: false,
      };
    });
  }

  /** A new certificate (new code) replacing `certificateId`; nothing when it was already replaced. */
  async reissue(certificateId: string, options: { expiresAt?: Date | null } = {}): Promise<IssueOutcome> {
    const outcome = await this.dataSource.transaction(async (em): Promise<IssueOutcome> => {
      const old = await em.findOne(Certificate, { where: { id: certificateId } });
      if (!old) return { certificate: null, created: false, reason: 'missing' };
      const facts = await this.lockEnrolment(em, old.enrolmentId);
      if (!facts) return { certificate: null, created: false, reason: 'missing' };
      const current = await em.findOneOrFail(Certificate, { where: { id: certificateId } });
      if (current.replacedById) {
        return {
          certificate: await em.findOneOrFail(Certificate, { where: { id: current.replacedById } }),
          created: false,
        };
      }
      const latest = await em.findOneOrFail(Certificate, {
        where: { enrolmentId: old.enrolmentId },
        order: { generation: 'DESC' },
      });
      const certificate = await this.create(
        em,
        facts,
        latest.generation + 1,
        options.expiresAt ?? null,
        current,
      );
      // Cannot happen: the next generation is read under the enrolment lock.
      if (!certificate) throw new Error(`generation ${latest.generation + 1} of ${old.enrolmentId} exists`);
      await em.update(Certificate, { id: current.id }, { replacedById: certificate.id });
      return { certificate, created: true };
    });
    if (outcome.created) await this.rebuildStatusList(listOf(outcome.certificate.statusListIndex));
    return outcome;
  }

  /** Re-signs a status list from the certificates table: revoked and replaced certificates are set. */
  async rebuildStatusList(list: number): Promise<void> {
    const urls = issuerUrls(this.config.PUBLIC_URL);
    const from = (list - 1) * STATUS_LIST_SIZE;
    // Sign first (the key may be read from disk), then write under the row lock, newest state wins.
    await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('aula:certificate-status-list'), $1)`, [list]);
      const rows = (await em.query(
        `SELECT status_list_index AS i FROM certificates
          WHERE status_list_index >= $1 AND status_list_index < $2 AND (revoked_at IS NOT NULL OR replaced_by_id IS NOT NULL)`,
        [from, from + STATUS_LIST_SIZE],
      )) as { i: number }[];
      const encoded = encodeStatusList(rows.map((r) => r.i - from));
      const credential = statusListCredential(
        list,
        encoded,
        urls.issuerId,
        urls.statusListUrl(list),
        new Date(),
      );
      const jwt = await this.signer.sign({
        ...credential,
        iss: urls.issuerId,
        jti: credential['id'],
        nbf: Math.floor(Date.now() / 1000),
      });
      await em.query(
        `INSERT INTO certificate_status_lists (id, credential_jwt, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (id) DO UPDATE SET credential_jwt = EXCLUDED.credential_jwt, updated_at = now()`,
        [list, jwt],
      );
    });
  }

  /** Makes sure list 1 exists, signed, so the API can serve it before the first revocation. */
  async ensureStatusList(): Promise<void> {
    const exists = await this.dataSource.getRepository(StatusList).exists({ where: { id: 1 } });
    if (!exists) await this.rebuildStatusList(1);
  }

  private async lockEnrolment(em: EntityManager, enrolmentId: string): Promise<EnrolmentFacts | null> {
    const [facts] = await LOCK_ENROLMENT.run<EnrolmentFacts>(em, [enrolmentId]);
    return facts ?? null;
  }

  private async create(
    em: EntityManager,
    facts: EnrolmentFacts,
    generation: number,
    expiresAt: Date | null,
    replaces: Certificate | null,
  ): Promise<Certificate | null> {
    const urls = issuerUrls(this.config.PUBLIC_URL);
    const locale = facts.locale;
    const course = pickText(facts.courseTitle, locale, facts.courseLocale).text;
    const heading =
      pickText(facts.programmeTitle, locale, facts.courseLocale).text || this.config.PLATFORM_NAME;
    const id = randomUUID();
    const code = newCertificateCode();
    // Whole seconds: the JWT's nbf and the stored issue date agree exactly.
    const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const index =
      facts.statusListIndex ?? (await NEXT_STATUS_LIST_INDEX.run<{ index: number }>(em, []))[0].index;

    const credential = openBadgeCredential(
      {
        certificateId: id,
        code,
        holderName: facts.displayName,
        courseId: facts.courseId,
        course,
        courseDescription: pickText(facts.courseSummary, locale, facts.courseLocale).text,
        cohort: facts.cohortName,
        issuedAt,
        expiresAt,
        statusListIndex: index,
        issuerName: this.config.PLATFORM_NAME,
      },
      urls,
    );
    const credentialJwt = await this.signer.sign(credentialClaims(credential, urls.issuerId));
    // The course's template (own, else programme's, else built-in) and the gradebook's course total.
    const printed = await this.templates.forCertificate(em, facts, locale);
    const pdf = await this.renderer.render(
      {
        code,
        verifyUrl: urls.verifyPageUrl(code),
        locale,
        timeZone: facts.timeZone,
        holderName: facts.displayName,
        course,
        cohort: facts.cohortName,
        startDate: facts.startDate,
        endDate: facts.endDate,
        completedAt: facts.completedAt,
        issuedAt,
        expiresAt,
        hours: facts.estimatedHours,
        grade: printed.grade,
        heading,
        issuerName: this.config.PLATFORM_NAME,
      },
      printed.template,
      printed.images,
    );
    const storageKey = certificateStorageKey(facts.enrolmentId, generation);
    const certificate = em.create(Certificate, {
      id,
      enrolmentId: facts.enrolmentId,
      generation,
      userId: facts.userId,
      cohortId: facts.cohortId,
      courseId: facts.courseId,
      code,
      holderName: facts.displayName,
      courseTitle: course,
      cohortName: facts.cohortName,
      language: locale,
      issuedAt,
      expiresAt,
      revokedAt: null,
      revocationReason: null,
      revokedById: null,
      replacedById: null,
      contentHash: createHash('sha256').update(pdf).digest('hex'),
      storageKey,
      size: pdf.length,
      credentialJwt,
      statusListIndex: index,
    });
    const [inserted] = await INSERT_CERTIFICATE.run<{ createdAt: Date }>(em, [
      id,
      facts.enrolmentId,
      generation,
      facts.userId,
      facts.cohortId,
      facts.courseId,
      code,
      certificate.holderName,
      course,
      facts.cohortName,
      locale,
      issuedAt,
      expiresAt,
      certificate.contentHash,
      storageKey,
      certificate.size,
      credentialJwt,
      index,
    ]);
    if (!inserted) return null;
    certificate.createdAt = inserted.createdAt;
    await this.storage.put(storageKey, pdf);
    await this.outbox.add(em, 'certificate.issued', {
      certificateId: id,
      enrolmentId: facts.enrolmentId,
      userId: facts.userId,
      cohortId: facts.cohortId,
      replacesId: replaces?.id ?? null,
    });
    this.logger.log(`issued certificate ${id} (generation ${generation})`);
    return certificate;
  }
}

export function listOf(statusListIndex: number): number {
  return Math.floor(statusListIndex / STATUS_LIST_SIZE) + 1;
}
