import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CalendarFeedView } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { CalendarService } from '@aula/server/notification';
import { CurrentActor, Public } from '../auth/auth.decorators';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('me/calendar-feed')
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  status(@CurrentActor() actor: Actor): Promise<CalendarFeedView> {
    return this.calendar.status(actor.id);
  }

  /** A new private address (shown once); the previous one stops working. */
  @Post()
  @HttpCode(200)
  regenerate(@CurrentActor() actor: Actor): Promise<CalendarFeedView> {
    return this.calendar.regenerate(actor.id);
  }

  @Delete()
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor): Promise<void> {
    await this.calendar.revoke(actor.id);
  }
}

/** The feed itself: calendar programs fetch it without a session; the token is the key. */
@ApiTags('calendar')
@Public()
@Controller('calendar')
export class CalendarFileController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':file')
  async file(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
    const body = await this.calendar.render(token);
    if (body === null) throw new NotFoundException();
    void reply.header('Content-Type', 'text/calendar; charset=utf-8').header('Cache-Control', 'private, max-age=300');
    return body;
  }
}
