import { Module } from '@nestjs/common';
import { NotificationModule } from '@aula/server/notification';
import { WorkerQueuesModule } from '../worker-queues.module';
import { ReminderScheduler } from './reminder.scheduler';

/** What the notification processors share with `npm run reminders`: queueing due reminders and digests. */
@Module({
  imports: [NotificationModule, WorkerQueuesModule],
  providers: [ReminderScheduler],
  exports: [NotificationModule, ReminderScheduler],
})
export class NotificationWorkerModule {}
