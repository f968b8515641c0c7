import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource, In, IsNull } from 'typeorm';
import {
  certificationApi,
  routeUrl,
  type CertificateBatchView,
  type CertificateStatus,
  type CertificateView,
  type CohortCertificateRow,
} from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { EnrolmentService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { OutboxService } from '@aula/server/outbox';
import { StoragePort } from '@aula/server/storage';
import { CertificateBatch } from './certificate-batch.entity';
import { Certificate } from './certificate.entity';
import { CertificationPolicy } from './certification.policy';
import { issuerUrls } from './credential';

/** revoked, else replaced, else expired, else valid. */
export function certificateStatus(
  c: Pick<Certificate, 'revokedAt' | 'replacedById' | 'expiresAt'>,
  now = new Date(),
): CertificateStatus {
  if (c.revokedAt) return 'revoked';
  if (c.replacedById) return 'replaced';
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

export class EnrolmentNotCompletedError extends ConflictException {
  constructor() {
    super('This enrolment is not completed: a certificate is issued only for a completed course.');
  }
}

export class CertificateReplacedError extends ConflictException {
  constructor() {
    super('This certificate has already been replaced: re-issue or revoke the newest one.');
  }
}

/** `attachment` with an ASCII file name and the holder's name in UTF-8 (RFC 6266 / 5987). */
export function certificateDisposition(c: Pick<Certificate, 'holderName' | 'code'>): string {
  const unicode = `${c.holderName
    .replace(/[\p{C}"\\/:*?<>|]+/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60)}-${c.code}.pdf`;
  return `attachment; filename="${certificateFileName(c)}"; filename*=UTF-8''${encodeURIComponent(unicode)}`;
}

/** A file name safe in a Content-Disposition header and a ZIP. */
export function certificateFileName(c: Pick<Certificate, 'holderName' | 'code'>): string {
  const name = c.holderName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${name ? `${name}-` : ''}${c.code}.pdf`;
}

/**
 * Certificates as the API sees them: requests to issue and re-issue (carried out by the worker,
 * which holds the signing key), revocation, lists and downloads. Every change is one transaction
 * with its outbox event.
 */
@Injectable()
export class CertificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly policy: CertificationPolicy,
    private readonly outbox: OutboxService,
    private readonly storage: StoragePort,
    private readonly enrolments: EnrolmentService,
  ) {}

  toView(c: Certificate, now = new Date()): CertificateView {
    const urls = issuerUrls(this.config.PUBLIC_URL);
    return {
      id: c.id,
      code: c.code,
      enrolmentId: c.enrolmentId,
      userId: c.userId,
      holderName: c.holderName,
      cohortId: c.cohortId,
      cohort: c.cohortName,
      courseId: c.courseId,
      course: c.courseTitle,
      language: c.language,
      status: certificateStatus(c, now),
      issuedAt: c.issuedAt.toISOString(),
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revocationReason: c.revocationReason,
      expiresAt: c.expiresAt?.toISOString() ?? null,
      replacedById: c.replacedById,
      verifyUrl: urls.verifyPageUrl(c.code),
      downloadUrl: routeUrl(certificationApi.pdf, { id: c.id }),
    };
  }

  /** Issue now for one enrolment: queued for the worker. Answers the current certificate when there is one already. */
  async requestIssue(
    actor: Actor,
    enrolmentId: string,
    expiresAt: Date | null,
  ): Promise<{ queued: boolean; certificate: CertificateView | null }> {
    this.policy.assertCanIssue(actor);
    return this.dataSource.transaction(async (em) => {
      const enrolment = await this.enrolments.lockEnrolment(em, enrolmentId);
      if (!enrolment) throw new NotFoundException();
      const existing = await em.findOne(Certificate, {
        where: { enrolmentId, replacedById: IsNull() },
        order: { generation: 'DESC' },
      });
      if (existing) return { queued: false, certificate: this.toView(existing) };
      if (enrolment.status !== 'completed') throw new EnrolmentNotCompletedError();
      await this.outbox.add(em, 'certificate.requested', {
        enrolmentId,
        batchId: null,
        expiresAt: expiresAt?.toISOString() ?? null,
        requestedById: actor.id,
      });
      return { queued: true, certificate: null };
    });
  }

  /** Issue for every completed enrolment of the cohort that has no certificate yet: one job each. */
  async requestCohortIssue(
    actor: Actor,
    cohortId: string,
    expiresAt: Date | null,
  ): Promise<CertificateBatchView> {
    this.policy.assertCanIssue(actor);
    const batch = await this.dataSource.transaction(async (em) => {
      if (!(await this.enrolments.lockCohort(em, cohortId))) throw new NotFoundException();
      const completed = await this.enrolments.completedEnrolmentIds(em, cohortId);
      const certified = (await em.query(
        `SELECT DISTINCT enrolment_id AS id FROM certificates WHERE enrolment_id = ANY($1::uuid[])`,
        [completed],
      )) as { id: string }[];
      const done = new Set(certified.map((c) => c.id));
      const ids = completed.filter((id) => !done.has(id));
      const saved = await em.save(
        CertificateBatch,
        em.create(CertificateBatch, {
          cohortId,
          requestedById: actor.id,
          enrolmentIds: ids,
        }),
      );
      for (const id of ids) {
        await this.outbox.add(em, 'certificate.requested', {
          enrolmentId: id,
          batchId: saved.id,
          expiresAt: expiresAt?.toISOString() ?? null,
          requestedById: actor.id,
        });
      }
      return saved;
    });
    return this.batchView(batch);
  }

  async batchProgress(actor: Actor, batchId: string): Promise<CertificateBatchView> {
    this.policy.assertCanIssue(actor);
    const batch = await this.dataSource.getRepository(CertificateBatch).findOne({ where: { id: batchId } });
    if (!batch) throw new NotFoundException();
    return this.batchView(batch);
  }

  private async batchView(batch: CertificateBatch): Promise<CertificateBatchView> {
    const [{ issued }] = (await this.dataSource.query(
      `SELECT count(DISTINCT enrolment_id)::int AS issued FROM certificates WHERE enrolment_id = ANY($1::uuid[])`,
      [batch.enrolmentIds],
    )) as { issued: number }[];
    return {
      batchId: batch.id,
      cohortId: batch.cohortId,
      requested: batch.enrolmentIds.length,
      issued,
      done: issued >= batch.enrolmentIds.length,
      createdAt: batch.createdAt.toISOString(),
    };
  }

  /** Revokes with a reason; revoking again keeps the first revocation. The worker re-signs the status list. */
  async revoke(actor: Actor, certificateId: string, reason: string): Promise<CertificateView> {
    this.policy.assertCanIssue(actor);
    return this.dataSource.transaction(async (em) => {
      const c = await em.findOne(Certificate, {
        where: { id: certificateId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw new NotFoundException();
      if (c.revokedAt) return this.toView(c);
      c.revokedAt = new Date();
      c.revocationReason = reason;
      c.revokedById = actor.id;
      await em.save(c);
      await this.outbox.add(em, 'certificate.revoked', {
        certificateId: c.id,
        enrolmentId: c.enrolmentId,
        userId: c.userId,
        cohortId: c.cohortId,
      });
      return this.toView(c);
    });
  }

  /** A new certificate with a new code will replace this one (worker). */
  async requestReissue(
    actor: Actor,
    certificateId: string,
    expiresAt: Date | null,
  ): Promise<{ queued: true }> {
    this.policy.assertCanIssue(actor);
    return this.dataSource.transaction(async (em) => {
      const c = await em.findOne(Certificate, {
        where: { id: certificateId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw new NotFoundException();
      if (c.replacedById) throw new CertificateReplacedError();
      await this.outbox.add(em, 'certificate.reissue-requested', {
        certificateId,
        expiresAt: expiresAt?.toISOString() ?? null,
        requestedById: actor.id,
      });
      return { queued: true as const };
    });
  }

  /** Every completed enrolment of the cohort with its newest certificate. Tutors of the cohort and administrators. */
  async listForCohort(actor: Actor, cohortId: string): Promise<CohortCertificateRow[]> {
    if (!(await this.enrolments.cohortExists(cohortId))) throw new NotFoundException();
    await this.policy.assertCanManageCohort(actor, cohortId);
    const rows = (await this.dataSource.query(
      `SELECT e.id AS "enrolmentId", e.user_id AS "userId", u.display_name AS "holderName", e.completed_at AS "completedAt"
         FROM enrolments e JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND (e.status = 'completed' OR EXISTS (SELECT 1 FROM certificates c WHERE c.enrolment_id = e.id))
        ORDER BY u.search_text, e.id`,
      [cohortId],
    )) as { enrolmentId: string; userId: string; holderName: string; completedAt: Date | null }[];
    const certificates = rows.length
      ? await this.dataSource
          .getRepository(Certificate)
          .find({ where: { enrolmentId: In(rows.map((r) => r.enrolmentId)), replacedById: IsNull() } })
      : [];
    const byEnrolment = new Map(certificates.map((c) => [c.enrolmentId, c]));
    const now = new Date();
    return rows.map((r) => {
      const c = byEnrolment.get(r.enrolmentId);
      return {
        enrolmentId: r.enrolmentId,
        userId: r.userId,
        holderName: r.holderName,
        completedAt: r.completedAt ? new Date(r.completedAt).toISOString() : null,
        certificate: c ? this.toView(c, now) : null,
      };
    });
  }

  /** The signed-in person's certificates, newest first (replaced ones left out: their replacement is listed). */
  async listOwn(actor: Actor): Promise<CertificateView[]> {
    const list = await this.dataSource.getRepository(Certificate).find({
      where: { userId: actor.id, replacedById: IsNull() },
      order: { issuedAt: 'DESC', id: 'ASC' },
    });
    const now = new Date();
    return list.map((c) => this.toView(c, now));
  }

  /** One certificate by id, for its holder, the cohort's tutors and administrators; 404 for anyone else. */
  async get(actor: Actor, certificateId: string): Promise<Certificate> {
    const c = await this.dataSource.getRepository(Certificate).findOne({ where: { id: certificateId } });
    if (!c) throw new NotFoundException();
    await this.policy.assertCanSee(actor, c);
    return c;
  }

  async download(
    actor: Actor,
    certificateId: string,
  ): Promise<{ disposition: string; size: number; stream: Readable }> {
    const c = await this.get(actor, certificateId);
    return {
      disposition: certificateDisposition(c),
      size: c.size,
      stream: await this.storage.get(c.storageKey),
    };
  }

  /** Opens a certificate's stored PDF (after access was checked by `get` or `cohortCertificates`). */
  open(c: Certificate): Promise<Readable> {
    return this.storage.get(c.storageKey);
  }

  /** Checks access and lists what a cohort ZIP holds: current, unrevoked certificates. */
  async cohortCertificates(actor: Actor, cohortId: string): Promise<Certificate[]> {
    if (!(await this.enrolments.cohortExists(cohortId))) throw new NotFoundException();
    await this.policy.assertCanManageCohort(actor, cohortId);
    return this.dataSource.getRepository(Certificate).find({
      where: { cohortId, replacedById: IsNull(), revokedAt: IsNull() },
      order: { holderName: 'ASC', id: 'ASC' },
    });
  }
}
