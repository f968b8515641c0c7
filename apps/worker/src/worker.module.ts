import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, CoreModule, loggerParams, type WorkerProcessorName } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { IdentityModule } from '@aula/server/identity';
import { OutboxModule } from '@aula/server/outbox';
import { AssessmentModule } from '@aula/server/assessment';
import { StorageModule } from '@aula/server/storage';
import { CertificateIssuingModule } from '@aula/server/certification';
import { WorkshopCertificatesModule, WorkshopsModule } from '@aula/server/workshops';
import { CertificatesProcessor } from './certification/certificates.processor';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MailProcessor } from './notification/mail.processor';
import { NotificationWorkerModule } from './notification/notification-worker.module';
import { RemindersProcessor } from './notification/reminders.processor';
import { OutboxPublisher } from './outbox/outbox.publisher';
import { OutboxRelay } from './outbox/outbox.relay';
import { WorkerQueuesModule } from './worker-queues.module';

/** What each name of WORKER_PROCESSORS runs. */
const PROCESSORS: Record<WorkerProcessorName, Provider> = {
  certificates: CertificatesProcessor,
  mail: MailProcessor,
  reminders: RemindersProcessor,
  maintenance: MaintenanceProcessor,
  outbox: OutboxRelay,
};

/**
 * The worker: BullMQ processors, no HTTP. One folder per domain, like the API; each processor a
 * thin class over WorkerHost. Which of them a process runs is WORKER_PROCESSORS (main.ts).
 */
@Module({})
export class WorkerModule {
  static forRoot(processors: readonly WorkerProcessorName[]): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule,
        LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => loggerParams(config, 'aula-worker') }),
        DatabaseModule,
        WorkerQueuesModule,
        OutboxModule,
        IdentityModule,
        StorageModule,
        AssessmentModule,
        NotificationWorkerModule,
        CertificateIssuingModule,
        WorkshopsModule,
        WorkshopCertificatesModule,
      ],
      providers: [OutboxPublisher, ...processors.map((name) => PROCESSORS[name])],
    };
  }
}
