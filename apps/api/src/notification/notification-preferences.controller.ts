import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPreferencesView } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { PreferenceService } from '@aula/server/notification';
import { notificationApi } from '@aula/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { UpdateNotificationPreferencesDto } from './notification.dto';
import { Route } from '../common/route.decorator';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationPreferencesController {
  constructor(private readonly preferences: PreferenceService) {}

  @Route(notificationApi.preferences)
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesView> {
    return this.preferences.get(actor.id);
  }

  @Route(notificationApi.savePreferences)
  update(@CurrentActor() actor: Actor, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesView> {
    return this.preferences.update(actor.id, { ...body });
  }
}
