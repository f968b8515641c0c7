import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { CertificateVerification, CredentialVerificationResult } from '@aula/contracts';
import { CatalogReader } from '@aula/server/catalog';
import { AppConfig, InjectRedis, pickText } from '@aula/server/core';
import { TooManyAttemptsError } from '@aula/server/identity';
import { openBadgeAchievement } from './achievement';
import { normaliseCertificateCode } from './certificate-code';
import { Certificate } from './certificate.entity';
import { certificateStatus } from './certification.service';
import {
  issuerUrls,
  STATUS_LIST_SIZE,
  statusBit,
  thumbprintOfKid,
  verifyJwt,
  type PublicJwk,
} from './credential';
import { IssuerKey } from './issuer-key.entity';
import { StatusList } from './status-list.entity';

/** 429 with Retry-After (the API's problem filter adds the header for throttling errors). */
export class VerificationThrottledError extends TooManyAttemptsError {
  override getResponse(): string {
    return 'Too many verification requests. Try again later.';
  }
}

/**
 * Public verification: by code (what the paper says and whether it still holds), and of the signed
 * credential (signature by a published issuer key, then status). Rate-limited per client address
 * in Redis, with an in-process stand-in while Redis is away, so codes cannot be enumerated.
 */
@Injectable()
export class CertificateVerifier {
  private readonly logger = new Logger(CertificateVerifier.name);
  private readonly perAddress: RateLimiterRedis;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly catalog: CatalogReader,
    @InjectRedis() redis: Redis,
  ) {
    const keyPrefix = 'aula:certificate-verify:address';
    const points = config.CERTIFICATE_VERIFY_MAX_PER_ADDRESS;
    const duration = config.CERTIFICATE_VERIFY_WINDOW_SECONDS;
    this.perAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
    });
  }

  /** Counts one verification for the address; 429 when its allowance is spent. */
  async throttle(address: string): Promise<void> {
    try {
      await this.perAddress.consume(address, 1);
    } catch (e) {
      if (e instanceof RateLimiterRes)
        throw new VerificationThrottledError(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  }

  /** A malformed code and an unknown one both answer 404 with the same body. */
  async verifyCode(input: string): Promise<CertificateVerification> {
    const code = normaliseCertificateCode(input);
    const certificate = code
      ? await this.dataSource.getRepository(Certificate).findOne({ where: { code } })
      : null;
    if (certificate) return this.verification(certificate);
    const participation = code ? await this.workshopVerification(code) : null;
    if (!participation) throw new NotFoundException();
    return participation;
  }

  /**
   * A workshop participation certificate (table of the workshops domain, read here so that one
   * public page verifies both kinds). No credential of its own yet: the URL answers 404.
   */
  private async workshopVerification(code: string): Promise<CertificateVerification | null> {
    const [row] = (await this.dataSource.query(
      `SELECT c.code, c.holder_name AS "holderName", c.workshop_title AS "title", c.host_institution AS "hostInstitution",
              c.start_date::text AS "startDate", c.end_date::text AS "endDate", c.attended_hours::float8 AS "attendedHours",
              c.expected_hours::float8 AS "expectedHours", c.issued_at AS "issuedAt", w.slug
         FROM workshop_certificates c JOIN workshops w ON w.id = c.workshop_id
        WHERE c.code = $1`,
      [code],
    )) as {
      code: string;
      holderName: string;
      title: string;
      hostInstitution: string;
      startDate: string;
      endDate: string;
      attendedHours: number;
      expectedHours: number;
      issuedAt: Date;
      slug: string;
    }[];
    if (!row) return null;
    return {
      code: row.code,
      status: 'valid',
      holderName: row.holderName,
      course: row.title,
      cohort: row.hostInstitution,
      issuedAt: new Date(row.issuedAt).toISOString(),
      revokedAt: null,
      expiresAt: null,
      credentialUrl: issuerUrls(this.config.PUBLIC_URL).credentialUrl(row.code),
      kind: 'workshop',
      workshop: {
        slug: row.slug,
        title: row.title,
        hostInstitution: row.hostInstitution,
        startDate: row.startDate,
        endDate: row.endDate,
        attendedHours: row.attendedHours,
        expectedHours: row.expectedHours,
      },
    };
  }

  verification(c: Certificate, now = new Date()): CertificateVerification {
    return {
      code: c.code,
      status: certificateStatus(c, now),
      holderName: c.holderName,
      course: c.courseTitle,
      cohort: c.cohortName,
      issuedAt: c.issuedAt.toISOString(),
      revokedAt: c.revokedAt?.toISOString() ?? null,
      expiresAt: c.expiresAt?.toISOString() ?? null,
      credentialUrl: issuerUrls(this.config.PUBLIC_URL).credentialUrl(c.code),
    };
  }

  async credentialJwt(input: string): Promise<string> {
    const code = normaliseCertificateCode(input);
    const c = code
      ? await this.dataSource
          .getRepository(Certificate)
          .findOne({ where: { code }, select: { id: true, credentialJwt: true } })
      : null;
    if (!c) throw new NotFoundException();
    return c.credentialJwt;
  }

  async statusListJwt(list: number): Promise<string> {
    const row = await this.dataSource.getRepository(StatusList).findOne({ where: { id: list } });
    if (!row) throw new NotFoundException();
    return row.credentialJwt;
  }

  /**
   * The Open Badges Achievement of a course, in the course's own language: 404 for an unknown
   * course and for one that has not awarded a certificate yet (drafts stay private).
   */
  async achievement(courseId: string): Promise<Record<string, unknown>> {
    const awarded = await this.dataSource.getRepository(Certificate).exists({ where: { courseId } });
    const course = awarded ? await this.catalog.findCourse(courseId) : null;
    if (!course) throw new NotFoundException();
    const title = pickText(course.title, course.defaultLocale, course.defaultLocale);
    return openBadgeAchievement(
      {
        courseId: course.id,
        course: title.text,
        courseDescription: pickText(course.summary, title.locale, course.defaultLocale).text,
        locale: title.locale,
        issuerName: this.config.PLATFORM_NAME,
      },
      issuerUrls(this.config.PUBLIC_URL),
    );
  }

  /** The issuer profile (Open Badges Profile) with its public keys as verification methods. */
  async issuerProfile(): Promise<Record<string, unknown>> {
    const urls = issuerUrls(this.config.PUBLIC_URL);
    const keys = await this.dataSource.getRepository(IssuerKey).find({ order: { createdAt: 'ASC' } });
    const methods = keys.map((k) => ({
      id: `${urls.issuerId}#${k.kid}`,
      type: 'JsonWebKey',
      controller: urls.issuerId,
      publicKeyJwk: k.publicKeyJwk,
    }));
    return {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: urls.issuerId,
      type: ['Profile'],
      name: this.config.PLATFORM_NAME,
      url: urls.publicUrl,
      verificationMethod: methods,
      assertionMethod: methods.map((m) => m.id),
    };
  }

  /**
   * Checks a VC-JWT: the signature against the issuer's published keys, that it is ours and
   * belongs to a certificate we issued with exactly this token, then the certificate's status.
   */
  async verifyCredential(token: string, now = new Date()): Promise<CredentialVerificationResult> {
    const keys = await this.dataSource.getRepository(IssuerKey).find();
    const byKid = new Map(keys.map((k) => [k.kid, k.publicKeyJwk as PublicJwk]));
    const urls = issuerUrls(this.config.PUBLIC_URL);
    const checked = await verifyJwt(token, (kid) =>
      kid.startsWith(`${urls.issuerId}#`) ? byKid.get(thumbprintOfKid(kid)) : undefined,
    );
    if (!checked.ok) return { valid: false, reason: checked.reason };
    const { claims } = checked;
    if (claims['iss'] !== urls.issuerId) return { valid: false, reason: 'issuer' };
    const credentialId = typeof claims['jti'] === 'string' ? claims['jti'] : '';
    // Ours only if the id is exactly the credential URL of the code it names.
    const named = credentialId.split('/').at(-2) ?? '';
    const code = named && urls.credentialUrl(named) === credentialId ? named : '';
    const certificate = code
      ? await this.dataSource.getRepository(Certificate).findOne({ where: { code } })
      : null;
    // A valid signature over a credential we have no record of (or another token for it): not ours to vouch for.
    if (!certificate || certificate.credentialJwt !== token) return { valid: false, reason: 'unknown' };
    const verification = this.verification(certificate, now);
    const exp = typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : null;
    if (verification.status === 'valid' && exp !== null && exp <= now.getTime())
      return { valid: false, reason: 'expired', certificate: verification };
    if (verification.status === 'valid' && (await this.revokedInStatusList(certificate)))
      return { valid: false, reason: 'revoked', certificate: verification };
    if (verification.status !== 'valid')
      return { valid: false, reason: verification.status, certificate: verification };
    return { valid: true, certificate: verification };
  }

  /** The published status list agrees with the database except for the moments after a revocation before the worker re-signs it. */
  private async revokedInStatusList(c: Certificate): Promise<boolean> {
    const list = Math.floor(c.statusListIndex / STATUS_LIST_SIZE) + 1;
    const row = await this.dataSource.getRepository(StatusList).findOne({ where: { id: list } });
    if (!row) return false;
    try {
      const payload = decodeJwt<{ credentialSubject: { encodedList: string } }>(row.credentialJwt);
      return statusBit(payload.credentialSubject.encodedList, c.statusListIndex % STATUS_LIST_SIZE);
    } catch (e) {
      this.logger.warn(`status list ${list} unreadable: ${String(e)}`);
      return false;
    }
  }
}
