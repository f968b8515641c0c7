import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@aula/server/identity';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarService } from './calendar.service';
import { MailContentLoader } from './mail-content';
import { MailDeliveryService } from './mail-delivery.service';
import { MailLedgerEntry } from './mail-ledger-entry.entity';
import { MailTransport } from './mail.transport';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationTokens } from './notification-tokens';
import { Notification } from './notification.entity';
import { NotificationService } from './notification.service';
import { PasswordResetRequest } from './password-reset-request.entity';
import { PasswordResetService } from './password-reset.service';
import { PreferenceService } from './preference.service';
import { ReminderFinder } from './reminder.finder';
import { UndeliverableAddress } from './undeliverable-address.entity';
import { WorkshopMailLoader } from './workshop-mail';

export const NOTIFICATION_ENTITIES = [MailLedgerEntry, Notification, NotificationPreference, UndeliverableAddress, PasswordResetRequest, CalendarFeed];

const SERVICES = [
  CalendarService,
  MailContentLoader,
  MailDeliveryService,
  MailTransport,
  NotificationTokens,
  NotificationService,
  PasswordResetService,
  PreferenceService,
  ReminderFinder,
  WorkshopMailLoader,
];

/** Mail, reminders, in-app notifications, preferences, password reset and the calendar feed. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), IdentityModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class NotificationModule {}
