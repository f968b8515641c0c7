import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { DefaultJobOptions } from 'bullmq';
import { QUEUES } from '@aula/contracts';
import { AppConfig, queueConnection } from '@aula/server/core';

/**
 * Finished jobs stay in Redis for a while (to look at), not for ever: Redis runs with noeviction,
 * so kept jobs would fill it. Effects are guarded by unique keys in PostgreSQL, not by job ids, so
 * an event relayed again after its job is gone is still handled once.
 */
const KEEP_FINISHED_JOBS = {
  removeOnComplete: { age: 3 * 86400, count: 50_000 },
  removeOnFail: { age: 14 * 86400 },
};

/** Retries for temporary SMTP failures: 8 tries, 5 s doubling (about 10 minutes at the last). */
export const MAIL_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5000 },
  ...KEEP_FINISHED_JOBS,
};

/**
 * Every queue, registered once, on one connection: processors consume them, the outbox relay and
 * the reminder scheduler add to them.
 */
@Module({
  imports: [
    BullModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ connection: queueConnection(config) }) }),
    BullModule.registerQueue(
      { name: QUEUES.maintenance, defaultJobOptions: KEEP_FINISHED_JOBS },
      // Rendering can fail for a moment (storage, database): retried with backoff; idempotent.
      {
        name: QUEUES.certificates,
        defaultJobOptions: { ...KEEP_FINISHED_JOBS, attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
      },
      // Temporary SMTP failures are retried with backoff; the send ledger keeps retries to one mail.
      { name: QUEUES.mail, defaultJobOptions: MAIL_JOB_OPTIONS },
      { name: QUEUES.reminders, defaultJobOptions: KEEP_FINISHED_JOBS },
    ),
  ],
  exports: [BullModule],
})
export class WorkerQueuesModule {}
