import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES, type MailJobs } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { dedupeKey, nextDaytime, ReminderFinder } from '@aula/server/notification';
import { MAIL_JOB_OPTIONS } from '../worker-queues.module';
import { jobIdFor } from './mail-queue';

export interface ReminderRun {
  queued: number;
  digests: number;
}

/**
 * Queues one mail job per due reminder, delayed to the recipient's local daytime, and the daily
 * digests. Job ids come from the ledger key, and the ledger decides at send time: a run made
 * twice, or on two workers, still sends one message.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly config: AppConfig,
    private readonly finder: ReminderFinder,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue<MailJobs[keyof MailJobs]>,
  ) {}

  /** Finds due reminders and digests and queues them. `ignoreDaytime` sends at once (local demos). */
  async run(now = new Date(), options: { ignoreDaytime?: boolean } = {}): Promise<ReminderRun> {
    const found = await this.finder.find(now, this.config.reminderOffsetsHours);
    const jobs = found.map(({ timeZone, ...request }) => {
      const sendAt = options.ignoreDaytime ? now : nextDaytime(now, timeZone);
      return {
        name: 'reminder' satisfies keyof MailJobs,
        data: request,
        opts: { ...MAIL_JOB_OPTIONS, jobId: jobIdFor('reminder', dedupeKey(request)), delay: Math.max(0, sendAt.getTime() - Date.now()) },
      };
    });
    for (let i = 0; i < jobs.length; i += 1000) await this.mail.addBulk(jobs.slice(i, i + 1000));

    const digests = (await this.finder.digestsDue(now, options)).map(({ userId, day }) => ({
      name: 'digest' satisfies keyof MailJobs,
      data: { userId },
      opts: { ...MAIL_JOB_OPTIONS, jobId: jobIdFor('digest', `${userId}|${day}`) },
    }));
    if (digests.length) await this.mail.addBulk(digests);
    if (jobs.length || digests.length) this.logger.log(`queued ${jobs.length} reminders and ${digests.length} digests`);
    return { queued: jobs.length, digests: digests.length };
  }
}
