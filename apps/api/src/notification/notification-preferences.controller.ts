import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPreferencesView } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { PreferenceService } from '@aula/server/notification';
import { CurrentActor } from '../auth/auth.decorators';
import { UpdateNotificationPreferencesDto } from './notification.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: PreferenceService) {}

  @Get()
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesView> {
    return this.preferences.get(actor.id);
  }

  @Put()
  update(@CurrentActor() actor: Actor, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesView> {
    return this.preferences.update(actor.id, { ...body });
  }
}
