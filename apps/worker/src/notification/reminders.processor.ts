import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES, type JobName } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import type { QueueJob } from '../queue-job';
import { ReminderScheduler, type ReminderRun } from './reminder.scheduler';

const FIND_REMINDERS = 'find-reminders' satisfies JobName<'reminders'>;

/**
 * Every REMINDER_INTERVAL_MINUTES (a BullMQ job scheduler: one schedule however many workers
 * upsert it) looks for due reminders and digests, one run at a time.
 */
@Processor(QUEUES.reminders, { concurrency: 1 })
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly scheduler: ReminderScheduler,
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      FIND_REMINDERS,
      { every: this.config.REMINDER_INTERVAL_MINUTES * 60_000 },
      { name: FIND_REMINDERS, data: {} },
    );
  }

  @OnWorkerEvent('error')
  onError(e: Error): void {
    this.logger.warn(`reminder worker: ${e.message}`);
  }

  process(_job: QueueJob<'reminders'>): Promise<ReminderRun> {
    return this.scheduler.run();
  }
}
