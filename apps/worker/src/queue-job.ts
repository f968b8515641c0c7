import type { Job } from 'bullmq';
import type { JobName, QueueJobs, QueueName } from '@aula/contracts';

/** A job of queue Q: a union discriminated by `name`, so checking the name narrows `data`. */
export type QueueJob<Q extends QueueName> = { [N in JobName<Q>]: Job<QueueJobs[Q][N], unknown, N> }[JobName<Q>];
