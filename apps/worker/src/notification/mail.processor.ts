import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Queue } from 'bullmq';
import { QUEUES } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { MailDeliveryService, requestsForEvent, WorkshopMailLoader, type DeliveryOutcome } from '@aula/server/notification';
import type { QueueJob } from '../queue-job';
import { MAIL_JOB_OPTIONS } from '../worker-queues.module';

/** How long a message held by another copy waits before it is asked again. */
export const DEFERRED_RECHECK_MS = 60_000;

/**
 * An agenda change waits this long before participants hear of it; further changes meanwhile join
 * the same message (one delayed job per workshop, deduplicated until it has run).
 */
export const AGENDA_QUIET_MS = 10 * 60_000;

type MailJob = QueueJob<'mail'>;

/**
 * Consumes the `mail` queue: relayed domain events, reminders and digests. Every message goes
 * through the send ledger, so a job delivered twice sends once. The limiter is shared by every
 * worker (it lives in Redis): MAIL_RATE_PER_SECOND for the whole platform.
 */
@Processor(QUEUES.mail, { autorun: false })
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly delivery: MailDeliveryService,
    private readonly workshops: WorkshopMailLoader,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
  ) {
    super();
  }

  /** How long agenda changes are gathered (AGENDA_QUIET_MS; tests shorten it). */
  agendaQuietMs = AGENDA_QUIET_MS;

  /** Started here, not by the decorator, because its concurrency and rate come from the configuration. */
  async onApplicationBootstrap(): Promise<void> {
    // Most of a message's time is spent waiting on PostgreSQL and SMTP. Many in flight keep every
    // SMTP connection busy, and let the delivery's statements go to PostgreSQL in larger batches
    // (with 20 per connection the worker still sat idle a third of a 10,000-reminder batch).
    this.worker.concurrency = this.config.MAIL_POOL_SIZE * 40;
    await this.queue.setGlobalRateLimit(this.config.MAIL_RATE_PER_SECOND, 1000);
    this.worker.run().catch((e: unknown) => this.logger.error(`mail worker stopped: ${e instanceof Error ? e.message : String(e)}`));
  }

  @OnWorkerEvent('error')
  onError(e: Error): void {
    this.logger.warn(`mail worker: ${e.message}`);
  }

  /**
   * A message another copy holds and has not finished (`deferred`: that worker may be sending it,
   * or may have died mid-send) is asked again later, without using up a retry: the job waits in
   * the delayed set until the other copy has settled it, or until its claim is stale and this one
   * takes it over.
   */
  async process(job: MailJob, token?: string): Promise<DeliveryOutcome[]> {
    const outcomes = await this.deliver(job);
    if (!outcomes.includes('deferred')) return outcomes;
    await job.moveToDelayed(Date.now() + DEFERRED_RECHECK_MS, token);
    throw new DelayedError();
  }

  /** Sends the job's messages: one digest, one reminder, or those its event asks for. */
  async deliver(job: MailJob): Promise<DeliveryOutcome[]> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? MAIL_JOB_OPTIONS.attempts ?? 1);
    if (job.name === 'digest') return [(await this.delivery.sendDigest(job.data.userId)) ? 'sent' : 'duplicate'];
    if (job.name === 'workshop.agenda-changed') {
      await this.queue.add(
        'workshop-agenda',
        { workshopId: job.data.payload.workshopId, eventId: job.data.eventId },
        // While a batch's job waits, later changes join it; one arriving while it sends starts the next batch.
        { ...MAIL_JOB_OPTIONS, delay: this.agendaQuietMs, deduplication: { id: `agenda-${job.data.payload.workshopId}`, keepLastIfActive: true } },
      );
      return [];
    }
    const requests =
      job.name === 'reminder'
        ? [job.data]
        : job.name === 'workshop-agenda'
          ? (await this.workshops.confirmedParticipants(job.data.workshopId)).map((p) => ({
              userId: p.userId,
              template: 'workshop-agenda-changed' as const,
              subjectId: p.registrationId,
              // The batch's first change names it: a retried batch sends nothing twice.
              occasion: job.data.eventId,
            }))
          : requestsForEvent(job.data);
    const outcomes: DeliveryOutcome[] = [];
    for (const request of requests) outcomes.push(await this.delivery.deliver(request, lastAttempt));
    return outcomes;
  }
}
