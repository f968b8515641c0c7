import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUES, type DomainEvents, type EventJob } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { MailDeliveryService, type DeliveryOutcome, type MailRequest, type TemplateId } from '@aula/server/notification';
import { DIGEST_JOB, MAIL_JOB_OPTIONS, REMINDER_JOB } from './mail-queue';

/** The messages a domain event asks for (none for events that concern nobody's inbox). */
export function requestsForEvent(job: EventJob): MailRequest[] {
  switch (job.type) {
    case 'user.invited': {
      const p = job.payload as DomainEvents['user.invited'];
      return [{ userId: p.userId, template: 'invitation', subjectId: p.invitationId, occasion: job.eventId }];
    }
    case 'password-reset.requested': {
      const p = job.payload as DomainEvents['password-reset.requested'];
      return [{ userId: p.userId, template: 'password-reset', subjectId: p.requestId, occasion: 'request' }];
    }
    case 'enrolment.status-changed': {
      const p = job.payload as DomainEvents['enrolment.status-changed'];
      const template: TemplateId | null =
        p.to === 'waitlisted' ? 'enrolment-waitlisted' : p.to === 'active' ? (p.from === 'waitlisted' ? 'enrolment-promoted' : 'enrolment-approved') : null;
      return template ? [{ userId: p.userId, template, subjectId: p.enrolmentId, enrolmentId: p.enrolmentId, occasion: job.eventId }] : [];
    }
    case 'assignment.submitted': {
      const p = job.payload as DomainEvents['assignment.submitted'];
      return [{ userId: p.userId, template: 'submission-receipt', subjectId: p.submissionId, enrolmentId: p.enrolmentId, occasion: `v${p.version}` }];
    }
    case 'grade.released': {
      const p = job.payload as DomainEvents['grade.released'];
      return [{ userId: p.userId, template: 'grade-released', subjectId: p.gradeId, enrolmentId: p.enrolmentId, occasion: job.eventId }];
    }
    case 'certificate.issued': {
      const p = job.payload as DomainEvents['certificate.issued'];
      return [{ userId: p.userId, template: 'certificate-issued', subjectId: p.certificateId, enrolmentId: p.enrolmentId, occasion: 'issued' }];
    }
    default:
      return [];
  }
}

/** How long a message held by another copy waits before it is asked again. */
export const DEFERRED_RECHECK_MS = 60_000;

/**
 * Consumes the `mail` queue: relayed domain events, reminders and digests. Every message goes
 * through the send ledger, so a job delivered twice sends once. The limiter is shared by every
 * worker (it lives in Redis): MAIL_RATE_PER_SECOND for the whole platform.
 */
@Injectable()
export class MailProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);
  private worker: Worker | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly delivery: MailDeliveryService,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env['MAIL_WORKER'] === 'off') return;
    this.worker = new Worker(QUEUES.mail, (job, token) => this.run(job, token), {
      connection: (this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null })),
      // Most of a message's time is spent waiting on PostgreSQL and SMTP. Many in flight keep every
      // SMTP connection busy, and let the delivery's statements go to PostgreSQL in larger batches
      // (with 20 per connection the worker still sat idle a third of a 10,000-reminder batch).
      concurrency: this.config.MAIL_POOL_SIZE * 40,
      limiter: { max: this.config.MAIL_RATE_PER_SECOND, duration: 1000 },
    });
    this.worker.on('error', (e) => this.logger.warn(`mail worker: ${e.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }

  /**
   * A message another copy holds and has not finished (`deferred`: that worker may be sending it,
   * or may have died mid-send) is asked again later, without using up a retry: the job waits in
   * the delayed set until the other copy has settled it, or until its claim is stale and this one
   * takes it over.
   */
  async run(job: Job, token: string | undefined): Promise<DeliveryOutcome[]> {
    const outcomes = await this.process(job);
    if (!outcomes.includes('deferred')) return outcomes;
    await job.moveToDelayed(Date.now() + DEFERRED_RECHECK_MS, token);
    throw new DelayedError();
  }

  async process(job: Job): Promise<DeliveryOutcome[]> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? MAIL_JOB_OPTIONS.attempts ?? 1);
    if (job.name === DIGEST_JOB) {
      return [(await this.delivery.sendDigest((job.data as { userId: string }).userId)) ? 'sent' : 'duplicate'];
    }
    const requests = job.name === REMINDER_JOB ? [job.data as MailRequest] : requestsForEvent(job.data as EventJob);
    const outcomes: DeliveryOutcome[] = [];
    for (const request of requests) outcomes.push(await this.delivery.deliver(request, lastAttempt));
    return outcomes;
  }
}
