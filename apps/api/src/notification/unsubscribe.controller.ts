import { BadRequestException, Controller, Header, HttpCode, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@aula/server/core';
import { NotificationTokens, PreferenceService } from '@aula/server/notification';
import { notificationApi } from '@aula/contracts';
import { Public } from '../auth/auth.decorators';
import { UnsubscribeQueryDto } from './notification.dto';
import { Route } from '../common/route.decorator';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One-click unsubscribe (RFC 8058): mail programs POST to the List-Unsubscribe address without a
 * session; the signed token names the person and the kind of message, which is turned off. A GET
 * (a person following the link) only shows a button, so link scanners change nothing.
 */
@ApiTags('notifications')
@Public()
@Controller()
export class UnsubscribeController {
  constructor(
    private readonly tokens: NotificationTokens,
    private readonly preferences: PreferenceService,
    private readonly config: AppConfig,
  ) {}

  private read(token: string) {
    const found = this.tokens.readUnsubscribeToken(token);
    if (!found) throw new BadRequestException({ message: 'This unsubscribe link is not valid.', errors: [{ path: 'token', message: 'is not valid' }] });
    return found;
  }

  @Route(notificationApi.unsubscribePage)
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Query() query: UnsubscribeQueryDto): string {
    this.read(query.token);
    const platform = escapeHtml(this.config.PLATFORM_NAME);
    return `<!doctype html><html><head><meta charset="utf-8"><title>${platform}</title></head><body style="font-family:system-ui,sans-serif">
<form method="post" action="?token=${encodeURIComponent(query.token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<p>Stop these emails? / ¿Dejar de recibir estos correos? / Deixar de receber estes e-mails?</p>
<button type="submit">Unsubscribe / Cancelar suscripción / Cancelar inscrição</button></form></body></html>`;
  }

  @Route(notificationApi.unsubscribe)
  @HttpCode(200)
  async unsubscribe(@Query() query: UnsubscribeQueryDto): Promise<{ kind: string; mode: 'off' }> {
    const { userId, kind } = this.read(query.token);
    await this.preferences.update(userId, { [kind]: 'off' });
    return { kind, mode: 'off' };
  }
}
