import {
  BadRequestException,
  Body,
  Controller,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { once } from 'node:events';
import type {
  CertificateBatchView,
  CertificateVerification,
  CertificateView,
  CohortCertificateRow,
  CredentialVerificationResult,
} from '@aula/contracts';
import { CertificateVerifier, CertificationService, certificateFileName } from '@aula/server/certification';
import type { Actor } from '@aula/server/identity';
import { certificationApi } from '@aula/contracts';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { ExpiryDto, RevokeCertificateDto, VerifyCredentialDto } from './certification.dto';
import { Route } from '../common/route.decorator';

const INERT = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' };

/** An expiry date in the future, or none; anything else is a 400 naming the field. */
function expiryOf(body: ExpiryDto | undefined): Date | null {
  if (!body?.expiresAt) return null;
  const date = new Date(body.expiresAt);
  if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) {
    throw new BadRequestException({
      message: 'expiresAt must be in the future',
      errors: [{ path: 'expiresAt', message: 'must be in the future' }],
    });
  }
  return date;
}

/** A VC-JWT as JSON-LD (VC Data Model 2.0 enveloped credential), or the bare JWT when asked for it. */
function sendCredential(
  reply: FastifyReply,
  jwt: string,
  accept: string | undefined,
  format: string | undefined,
): unknown {
  void reply.header('Cache-Control', 'no-cache');
  if (format === 'jwt' || /application\/(vc\+)?jwt/.test(accept ?? '')) {
    void reply.type('application/vc+jwt');
    return jwt;
  }
  return {
    '@context': 'https://www.w3.org/ns/credentials/v2',
    id: `data:application/vc+jwt,${jwt}`,
    type: 'EnvelopedVerifiableCredential',
  };
}

/** Public: verification by code, the issuer profile, credentials and the revocation list. */
@ApiTags('certificates')
@Controller()
export class CertificateVerificationController {
  constructor(private readonly verifier: CertificateVerifier) {}

  @Public()
  @Route(certificationApi.verify)
  @ApiOperation({
    summary:
      'What a certificate says and whether it holds. Unknown and malformed codes: the same 404. Rate-limited per address.',
  })
  async verify(
    @Param('code') code: string,
    @Req() request: FastifyRequest,
  ): Promise<CertificateVerification> {
    await this.verifier.throttle(request.ip);
    return this.verifier.verifyCode(code);
  }

  @Public()
  @Route(certificationApi.verifyCredential)
  @HttpCode(200)
  @ApiOperation({ summary: 'Checks a VC-JWT: signature by the issuer, then status' })
  async verifyCredential(
    @Body() body: VerifyCredentialDto,
    @Req() request: FastifyRequest,
  ): Promise<CredentialVerificationResult> {
    await this.verifier.throttle(request.ip);
    return this.verifier.verifyCredential(body.credential);
  }

  @Public()
  @Route(certificationApi.issuer)
  @ApiOperation({ summary: 'The issuer profile (Open Badges 3.0) with its public keys' })
  issuer(): Promise<Record<string, unknown>> {
    return this.verifier.issuerProfile();
  }

  @Public()
  @Route(certificationApi.achievement)
  @ApiOperation({
    summary: "A course's Open Badges 3.0 Achievement, which its certificates' credentials name (no personal data)",
  })
  achievement(@Param('id', uuidParam()) id: string): Promise<Record<string, unknown>> {
    return this.verifier.achievement(id);
  }

  @Public()
  @Route(certificationApi.statusList)
  @ApiOperation({
    summary:
      'Bitstring Status List credential (revocation); ?format=jwt or Accept: application/vc+jwt for the JWT',
  })
  async statusList(
    @Param(
      'list',
      new ParseIntPipe({
        exceptionFactory: () =>
          new BadRequestException({
            message: 'list must be a number',
            errors: [{ path: 'list', message: 'must be a number' }],
          }),
      }),
    )
    list: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept') accept?: string,
    @Query('format') format?: string,
  ): Promise<unknown> {
    return sendCredential(reply, await this.verifier.statusListJwt(list), accept, format);
  }

  @Public()
  @Route(certificationApi.credential)
  @ApiOperation({ summary: 'The certificate as an Open Badges 3.0 credential (VC-JWT, EdDSA)' })
  async credential(
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept') accept?: string,
    @Query('format') format?: string,
  ): Promise<unknown> {
    return sendCredential(reply, await this.verifier.credentialJwt(code), accept, format);
  }
}

/** Holders, tutors and administrators: lists, downloads, and the administrators' actions. */
@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(private readonly certification: CertificationService) {}

  @Route(certificationApi.mine)
  @ApiOperation({ summary: "The signed-in person's certificates" })
  mine(@CurrentActor() actor: Actor): Promise<CertificateView[]> {
    return this.certification.listOwn(actor);
  }

  @Route(certificationApi.certificate)
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CertificateView> {
    return this.certification.toView(await this.certification.get(actor, id));
  }

  @Route(certificationApi.pdf)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The PDF: its holder, the cohort tutors and administrators; 404 for anyone else' })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.certification.download(actor, id);
    void reply.headers(INERT);
    return new StreamableFile(file.stream, {
      type: 'application/pdf',
      length: file.size,
      disposition: file.disposition,
    });
  }

  @Route(certificationApi.revoke)
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke with a reason (administrators)' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: RevokeCertificateDto,
  ): Promise<CertificateView> {
    return this.certification.revoke(actor, id, body.reason);
  }

  @Route(certificationApi.reissue)
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a new certificate with a new code replacing this one (administrators)' })
  reissue(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ExpiryDto,
  ): Promise<{ queued: true }> {
    return this.certification.requestReissue(actor, id, expiryOf(body));
  }

  @Route(certificationApi.issue)
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Issue now for one completed enrolment (administrators); answers the current certificate if there is one',
  })
  issue(
    @CurrentActor() actor: Actor,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
    @Body() body: ExpiryDto,
  ): Promise<{ queued: boolean; certificate: CertificateView | null }> {
    return this.certification.requestIssue(actor, enrolmentId, expiryOf(body));
  }

  @Route(certificationApi.issueCohort)
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Issue for every completed enrolment of the cohort without a certificate: one job each (administrators)',
  })
  issueCohort(
    @CurrentActor() actor: Actor,
    @Param('cohortId', uuidParam('cohortId')) cohortId: string,
    @Body() body: ExpiryDto,
  ): Promise<CertificateBatchView> {
    return this.certification.requestCohortIssue(actor, cohortId, expiryOf(body));
  }

  @Route(certificationApi.batch)
  @ApiOperation({ summary: 'Progress of a cohort issue' })
  batch(
    @CurrentActor() actor: Actor,
    @Param('batchId', uuidParam('batchId')) batchId: string,
  ): Promise<CertificateBatchView> {
    return this.certification.batchProgress(actor, batchId);
  }

  @Route(certificationApi.cohort)
  @ApiOperation({
    summary:
      "Completed enrolments of a cohort with their certificates (the cohort's tutors and administrators)",
  })
  cohort(
    @CurrentActor() actor: Actor,
    @Param('cohortId', uuidParam('cohortId')) cohortId: string,
  ): Promise<CohortCertificateRow[]> {
    return this.certification.listForCohort(actor, cohortId);
  }

  @Route(certificationApi.cohortZip)
  @ApiProduces('application/zip')
  @ApiOperation({
    summary:
      "Every current certificate of the cohort as one ZIP, streamed (the cohort's tutors and administrators)",
  })
  async zip(
    @CurrentActor() actor: Actor,
    @Param('cohortId', uuidParam('cohortId')) cohortId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const certificates = await this.certification.cohortCertificates(actor, cohortId);
    // archiver is ESM-only: loaded on first use.
    const { ZipArchive } = await import('archiver');
    // PDFs are compressed already: stored, not deflated again.
    const archive = new ZipArchive({ store: true });
    void (async () => {
      try {
        // One file open at a time: the next is opened when the archive has taken the previous one.
        for (const c of certificates) {
          const entry = once(archive, 'entry');
          archive.append(await this.certification.open(c), { name: certificateFileName(c) });
          await entry;
        }
        await archive.finalize();
      } catch (e) {
        archive.destroy(e instanceof Error ? e : new Error(String(e)));
      }
    })();
    void reply.headers(INERT);
    return new StreamableFile(archive, {
      type: 'application/zip',
      disposition: `attachment; filename="certificates-${cohortId}.zip"`,
    });
  }
}
