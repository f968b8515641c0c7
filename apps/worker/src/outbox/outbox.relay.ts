import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EVENT_QUEUES, QUEUES, type DomainEventType, type EventJob, type QueueName } from '@aula/contracts';
import { OutboxEvent } from '@aula/server/outbox';

const BATCH = 200;
const IDLE_MS = 500;

/**
 * Moves outbox events into their queues. Rows are claimed with SKIP LOCKED, so several workers
 * share the work; the job id is the event id, so an event published twice (a crash between the
 * queue write and the commit) is still one job. While Redis is away the events wait in
 * PostgreSQL and go out when it returns.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues: Record<QueueName, Queue>;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.certificates) certificates: Queue,
    @InjectQueue(QUEUES.mail) mail: Queue,
    @InjectQueue(QUEUES.reminders) reminders: Queue,
    @InjectQueue(QUEUES.maintenance) maintenance: Queue,
  ) {
    this.queues = { certificates, mail, reminders, maintenance };
  }

  onApplicationBootstrap(): void {
    if (process.env['OUTBOX_RELAY'] === 'off') return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
      } catch (e) {
        this.logger.warn(`outbox relay paused: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (published < BATCH && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** Publishes up to one batch; returns how many events went out. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const events = await em
        .createQueryBuilder(OutboxEvent, 'e')
        .where('e.published_at IS NULL')
        .orderBy('e.created_at', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!events.length) return 0;
      const byQueue = new Map<QueueName, { name: string; data: EventJob; opts: { jobId: string } }[]>();
      for (const event of events) {
        const job: EventJob = {
          eventId: event.id,
          type: event.type as DomainEventType,
          payload: event.payload as unknown as EventJob['payload'],
          occurredAt: event.createdAt.toISOString(),
        };
        for (const queue of EVENT_QUEUES[event.type as DomainEventType] ?? []) {
          const jobs = byQueue.get(queue) ?? [];
          jobs.push({ name: event.type, data: job, opts: { jobId: event.id } });
          byQueue.set(queue, jobs);
        }
      }
      for (const [queue, jobs] of byQueue) await this.queues[queue].addBulk(jobs);
      await em
        .createQueryBuilder()
        .update(OutboxEvent)
        .set({ publishedAt: () => 'now()', attempts: () => 'attempts + 1' })
        .whereInIds(events.map((e) => e.id))
        .execute();
      return events.length;
    });
  }
}
