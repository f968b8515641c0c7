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
import { QuizAutoSubmitJob } from './quiz/quiz-auto-submit.job';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { OutboxRelay } from './outbox/outbox.relay';

/** The worker: BullMQ processors, no HTTP. One folder per domain, like the API. */
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
      { name: QUEUES.maintenance },
      { name: QUEUES.certificates },
      { name: QUEUES.mail },
      { name: QUEUES.reminders },
    ),
    OutboxModule,
    IdentityModule,
    StorageModule,
    AssessmentModule,
  ],
  providers: [MaintenanceProcessor, OutboxRelay, QuizAutoSubmitJob],
})
export class WorkerModule {}
