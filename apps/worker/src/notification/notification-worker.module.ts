import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@aula/contracts';
import { NotificationModule } from '@aula/server/notification';
import { MAIL_JOB_OPTIONS } from './mail-queue';
import { MailProcessor } from './mail.processor';
import { ReminderScheduler } from './reminder.scheduler';

/** The worker's part of notifications: the mail queue's consumer and the reminder scheduler. */
@Module({
  imports: [
    NotificationModule,
    BullModule.registerQueue({ name: QUEUES.mail, defaultJobOptions: MAIL_JOB_OPTIONS }, { name: QUEUES.reminders }),
  ],
  providers: [MailProcessor, ReminderScheduler],
  exports: [MailProcessor, ReminderScheduler],
})
export class NotificationWorkerModule {}
