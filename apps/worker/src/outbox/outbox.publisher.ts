import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EVENT_QUEUES, QUEUES, type DomainEventType, type EventJob, type QueueName } from '@aula/contracts';
import { OutboxEvent } from '@aula/server/outbox';

/** Events per transaction. */
export const OUTBOX_BATCH = 200;

const isEventType = (type: string): type is DomainEventType => Object.hasOwn(EVENT_QUEUES, type);

/**
 * Moves one batch of outbox events into their queues. Rows are claimed with SKIP LOCKED, so
 * several workers share the work; the job id is the event id, so an event published twice (a
 * crash between the queue write and the commit) is still one job.
 */
@Injectable()
export class OutboxPublisher {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.certificates) certificates: Queue,
    @InjectQueue(QUEUES.mail) mail: Queue,
    @InjectQueue(QUEUES.reminders) reminders: Queue,
    @InjectQueue(QUEUES.maintenance) maintenance: Queue,
  ) {
    this.queues = { certificates, mail, reminders, maintenance };
  }

  /** Publishes up to one batch; returns how many events went out. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const events = await em
        .createQueryBuilder(OutboxEvent, 'e')
        .where('e.published_at IS NULL')
        .orderBy('e.created_at', 'ASC')
        .limit(OUTBOX_BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!events.length) return 0;
      const byQueue = new Map<QueueName, { name: string; data: EventJob; opts: { jobId: string } }[]>();
      for (const event of events) {
        if (!isEventType(event.type)) continue;
        // The row was written by OutboxService.add with the payload of its type.
        const job = { eventId: event.id, type: event.type, payload: event.payload, occurredAt: event.createdAt.toISOString() } as EventJob;
        for (const queue of EVENT_QUEUES[event.type]) {
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
