import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { QUEUES } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { dedupeKey, DAYTIME_START_HOUR, localDate, localParts, nextDaytime, ReminderFinder } from '@aula/server/notification';
import { DIGEST_JOB, jobIdFor, MAIL_JOB_OPTIONS, REMINDER_JOB } from './mail-queue';

export const FIND_REMINDERS = 'find-reminders';

export interface ReminderRun {
  queued: number;
  digests: number;
}

/**
 * Every REMINDER_INTERVAL_MINUTES (a BullMQ job scheduler: one schedule however many workers
 * upsert it) finds due work and queues one mail job per reminder, delayed to the recipient's local
 * daytime. Job ids come from the ledger key, and the ledger decides at send time: a scheduler that
 * runs twice, or on two workers, still sends one message.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private worker: Worker | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly finder: ReminderFinder,
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env['REMINDER_WORKER'] === 'off') return;
    await this.reminders.upsertJobScheduler(
      FIND_REMINDERS,
      { every: this.config.REMINDER_INTERVAL_MINUTES * 60_000 },
      { name: FIND_REMINDERS, data: {} },
    );
    this.worker = new Worker(QUEUES.reminders, () => this.run(), {
      connection: (this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null })),
      concurrency: 1,
    });
    this.worker.on('error', (e) => this.logger.warn(`reminder worker: ${e.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }

  /** Finds due reminders and digests and queues them. `ignoreDaytime` sends at once (local demos). */
  async run(now = new Date(), options: { ignoreDaytime?: boolean } = {}): Promise<ReminderRun> {
    const found = await this.finder.find(now, this.config.reminderOffsetsHours);
    const jobs = found.map(({ timeZone, ...request }) => {
      const sendAt = options.ignoreDaytime ? now : nextDaytime(now, timeZone);
      return {
        name: REMINDER_JOB,
        data: request,
        opts: { ...MAIL_JOB_OPTIONS, jobId: jobIdFor('reminder', dedupeKey(request)), delay: Math.max(0, sendAt.getTime() - Date.now()) },
      };
    });
    for (let i = 0; i < jobs.length; i += 1000) await this.mail.addBulk(jobs.slice(i, i + 1000));

    // Daily digests: people with held messages, from 08:00 on their clock, once per local day.
    const held = (await this.dataSource.query(
      `SELECT DISTINCT l.user_id AS "userId", u.time_zone AS "timeZone" FROM mail_ledger l JOIN users u ON u.id = l.user_id WHERE l.status = 'held'`,
    )) as { userId: string; timeZone: string }[];
    const digests = held
      .filter((h) => options.ignoreDaytime || localParts(now, h.timeZone).hour >= DAYTIME_START_HOUR)
      .map((h) => ({
        name: DIGEST_JOB,
        data: { userId: h.userId },
        opts: { ...MAIL_JOB_OPTIONS, jobId: jobIdFor('digest', `${h.userId}|${localDate(now, h.timeZone)}`) },
      }));
    if (digests.length) await this.mail.addBulk(digests);
    if (jobs.length || digests.length) this.logger.log(`queued ${jobs.length} reminders and ${digests.length} digests`);
    return { queued: jobs.length, digests: digests.length };
  }
}
