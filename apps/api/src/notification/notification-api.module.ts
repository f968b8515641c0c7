import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { NotificationModule } from '@aula/server/notification';
import { CalendarFeedController, CalendarFileController } from './calendar.controller';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';
import { PasswordResetController } from './password-reset.controller';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * Notifications over HTTP. One-click unsubscribe arrives as a form post
 * (`List-Unsubscribe=One-Click`): the body is accepted and ignored, the token is in the address.
 */
@Module({
  imports: [NotificationModule],
  controllers: [
    NotificationPreferencesController,
    NotificationsController,
    UnsubscribeController,
    CalendarFeedController,
    CalendarFileController,
    PasswordResetController,
  ],
})
export class NotificationApiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('application/x-www-form-urlencoded')) return;
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) =>
      done(null, body),
    );
  }
}
