import { Controller, HttpCode, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CalendarFeedView } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { CalendarService } from '@aula/server/notification';
import { notificationApi } from '@aula/contracts';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Route(notificationApi.calendarFeed)
  status(@CurrentActor() actor: Actor): Promise<CalendarFeedView> {
    return this.calendar.status(actor.id);
  }

  /** A new private address (shown once); the previous one stops working. */
  @Route(notificationApi.regenerateCalendarFeed)
  @HttpCode(200)
  regenerate(@CurrentActor() actor: Actor): Promise<CalendarFeedView> {
    return this.calendar.regenerate(actor.id);
  }

  @Route(notificationApi.revokeCalendarFeed)
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor): Promise<void> {
    await this.calendar.revoke(actor.id);
  }
}

/** The feed itself: calendar programs fetch it without a session; the token is the key. */
@ApiTags('calendar')
@Public()
@Controller()
export class CalendarFileController {
  constructor(private readonly calendar: CalendarService) {}

  @Route(notificationApi.calendarFile)
  async file(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
    const body = await this.calendar.render(token);
    if (body === null) throw new NotFoundException();
    void reply.header('Content-Type', 'text/calendar; charset=utf-8').header('Cache-Control', 'private, max-age=300');
    return body;
  }
}
