import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { handleEvent, QUEUES, type EventHandlers, type QueueEventType } from '@aula/contracts';
import { Certificate, CertificateIssuer, CertificateSigner, listOf, type IssueOutcome } from '@aula/server/certification';
import { WorkshopCertificateService, type WorkshopCertificatesOutcome } from '@aula/server/workshops';
import type { QueueJob } from '../queue-job';

type CertificateOutcome = { certificateId: string | null; created: boolean } | { list: number } | WorkshopCertificatesOutcome;

const issued = (outcome: IssueOutcome): CertificateOutcome => ({ certificateId: outcome.certificate?.id ?? null, created: outcome.created });

/**
 * The certificates queue: relayed outbox events, job id = event id. Every branch is idempotent
 * (see CertificateIssuer), so a redelivered or retried job changes nothing the second time.
 */
@Processor(QUEUES.certificates, { concurrency: 4 })
export class CertificatesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(CertificatesProcessor.name);

  private readonly handlers: EventHandlers<QueueEventType<'certificates'>, Promise<CertificateOutcome>> = {
    'enrolment.completed': async ({ payload }) => issued(await this.issuer.issue(payload.enrolmentId)),
    'certificate.requested': async ({ payload }) =>
      issued(await this.issuer.issue(payload.enrolmentId, { expiresAt: payload.expiresAt ? new Date(payload.expiresAt) : null })),
    'certificate.reissue-requested': async ({ payload }) =>
      issued(await this.issuer.reissue(payload.certificateId, { expiresAt: payload.expiresAt ? new Date(payload.expiresAt) : null })),
    'certificate.revoked': async ({ payload }) => {
      const c = await this.dataSource
        .getRepository(Certificate)
        .findOne({ where: { id: payload.certificateId }, select: { id: true, statusListIndex: true } });
      const list = c ? listOf(c.statusListIndex) : 1;
      await this.issuer.rebuildStatusList(list);
      return { list };
    },
    // Participation certificates: one per registration at or above the threshold, whatever the deliveries.
    'workshop.held': ({ payload }) => this.workshopCertificates.issueForWorkshop(payload.workshopId),
  };

  constructor(
    private readonly issuer: CertificateIssuer,
    private readonly signer: CertificateSigner,
    private readonly dataSource: DataSource,
    private readonly workshopCertificates: WorkshopCertificateService,
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

  process(job: QueueJob<'certificates'>): Promise<CertificateOutcome> {
    return handleEvent(this.handlers, job.data);
  }
}
