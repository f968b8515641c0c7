import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES, type EventJob } from '@aula/contracts';
import { Certificate, CertificateIssuer, CertificateSigner, listOf } from '@aula/server/certification';

type CertificateEventJob = EventJob<
  'enrolment.completed' | 'certificate.requested' | 'certificate.reissue-requested' | 'certificate.revoked'
>;

/**
 * The certificates queue: relayed outbox events, job id = event id. Every branch is idempotent
 * (see CertificateIssuer), so a redelivered or retried job changes nothing the second time.
 */
@Processor(QUEUES.certificates, { concurrency: 4 })
export class CertificatesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(CertificatesProcessor.name);

  constructor(
    private readonly issuer: CertificateIssuer,
    private readonly signer: CertificateSigner,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  /** Publishes the issuer's public key and a signed (empty) status list before the API needs them. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.signer.signingKey();
      await this.issuer.ensureStatusList();
    } catch (e) {
      this.logger.error(
        `certificate signing key not available: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  async process(
    job: Job<CertificateEventJob>,
  ): Promise<{ certificateId: string | null; created: boolean } | { list: number }> {
    const event = job.data;
    switch (event.type) {
      case 'enrolment.completed': {
        const { enrolmentId } = event.payload as EventJob<'enrolment.completed'>['payload'];
        const outcome = await this.issuer.issue(enrolmentId);
        return { certificateId: outcome.certificate?.id ?? null, created: outcome.created };
      }
      case 'certificate.requested': {
        const { enrolmentId, expiresAt } = event.payload as EventJob<'certificate.requested'>['payload'];
        const outcome = await this.issuer.issue(enrolmentId, {
          expiresAt: expiresAt ? new Date(expiresAt) : null,
        });
        return { certificateId: outcome.certificate?.id ?? null, created: outcome.created };
      }
      case 'certificate.reissue-requested': {
        const { certificateId, expiresAt } =
          event.payload as EventJob<'certificate.reissue-requested'>['payload'];
        const outcome = await this.issuer.reissue(certificateId, {
          expiresAt: expiresAt ? new Date(expiresAt) : null,
        });
        return { certificateId: outcome.certificate?.id ?? null, created: outcome.created };
      }
      case 'certificate.revoked': {
        const { certificateId } = event.payload as EventJob<'certificate.revoked'>['payload'];
        const c = await this.dataSource
          .getRepository(Certificate)
          .findOne({ where: { id: certificateId }, select: { id: true, statusListIndex: true } });
        const list = c ? listOf(c.statusListIndex) : 1;
        await this.issuer.rebuildStatusList(list);
        return { list };
      }
      default:
        this.logger.warn(`certificates queue: no handler for ${String((event as { type: string }).type)}`);
        return { certificateId: null, created: false };
    }
  }
}
