import type { DefaultJobOptions } from 'bullmq';
import { createHash } from 'node:crypto';

/** Retries for temporary SMTP failures: 8 tries, 5 s doubling (about 10 minutes at the last). */
export const MAIL_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 3 * 86400, count: 50_000 },
  removeOnFail: { age: 14 * 86400 },
};

/** Job names of the mail queue besides relayed events. */
export const REMINDER_JOB = 'reminder';
export const DIGEST_JOB = 'digest';

/** A job id from a ledger key (BullMQ ids must not contain ':'). */
export const jobIdFor = (prefix: string, key: string) => `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
