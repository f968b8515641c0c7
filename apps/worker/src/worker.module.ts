import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { QUEUES } from '@aula/contracts';
import { AppConfig, CoreModule, loggerParams } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { IdentityModule } from '@aula/server/identity';
import { OutboxModule } from '@aula/server/outbox';
import { AssessmentModule } from '@aula/server/assessment';
import { StorageModule } from '@aula/server/storage';
import { CertificateIssuingModule } from '@aula/server/certification';
import { QuizAutoSubmitJob } from './quiz/quiz-auto-submit.job';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { OutboxRelay } from './outbox/outbox.relay';
import { MAIL_JOB_OPTIONS } from './notification/mail-queue';
import { NotificationWorkerModule } from './notification/notification-worker.module';
import { CertificatesProcessor } from './certification/certificates.processor';

/** The worker: BullMQ processors, no HTTP. One folder per domain, like the API. */
/**
 * Finished jobs stay in Redis for a while (to look at), not for ever: Redis runs with noeviction,
 * so kept jobs would fill it. Effects are guarded by unique keys in PostgreSQL, not by job ids, so
 * an event relayed again after its job is gone is still handled once.
 */
const KEEP_FINISHED_JOBS = {
  removeOnComplete: { age: 3 * 86400, count: 50_000 },
  removeOnFail: { age: 14 * 86400 },
};

@Module({
  imports: [
    CoreModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => loggerParams(config, 'aula-worker') }),
    DatabaseModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      // BullMQ opens (and on shutdown closes) its own connections from the URL. Workers block on
      // Redis: no per-request retry limit, as BullMQ requires.
      useFactory: (config: AppConfig) => ({ connection: { url: config.REDIS_URL, maxRetriesPerRequest: null } }),
    }),
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
    OutboxModule,
    IdentityModule,
    StorageModule,
    AssessmentModule,
    NotificationWorkerModule,
    CertificateIssuingModule,
  ],
  providers: [MaintenanceProcessor, OutboxRelay, QuizAutoSubmitJob, CertificatesProcessor],
})
export class WorkerModule {}
