import { createHash } from 'node:crypto';

/** A job id from a ledger key (BullMQ ids must not contain ':'). */
export const jobIdFor = (prefix: string, key: string) => `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
