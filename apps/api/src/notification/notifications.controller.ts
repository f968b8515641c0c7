import { Controller, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationView, Page, UnreadCountView } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { NotificationService } from '@aula/server/notification';
import { notificationApi } from '@aula/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { NotificationQueryDto } from './notification.dto';
import { Route } from '../common/route.decorator';

/** The bell: one's own notifications only (someone else's id answers 404). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Route(notificationApi.list)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto): Promise<Page<NotificationView>> {
    return this.notifications.list(actor.id, query);
  }

  @Route(notificationApi.unreadCount)
  async unread(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return { unread: await this.notifications.unreadCount(actor.id) };
  }

  @Route(notificationApi.readAll)
  @HttpCode(200)
  async readAll(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    await this.notifications.markAllRead(actor.id);
    return { unread: 0 };
  }

  @Route(notificationApi.read)
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor.id, id);
  }
}
