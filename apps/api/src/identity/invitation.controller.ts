import { Body, Controller, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthSession } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { InvitationService } from '@aula/server/identity';
import { identityApi } from '@aula/contracts';
import { Public } from '../auth/auth.decorators';
import { setRefreshCookie } from '../auth/refresh-cookie';
import { AuthSessionDto } from './identity.dto';
import { AcceptInvitationDto } from './invitation.dto';
import { Route } from '../common/route.decorator';

@ApiTags('auth')
@Public()
@Controller()
export class InvitationController {
  constructor(
    private readonly invitations: InvitationService,
    private readonly config: AppConfig,
  ) {}

  /** Someone enrolled by an administrator chooses their password and is signed in. Works once. */
  @Route(identityApi.acceptInvitation)
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a password with an invitation token; answers like sign-in' })
  @ApiOkResponse({ type: AuthSessionDto })
  async accept(
    @Body() body: AcceptInvitationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSession> {
    const issued = await this.invitations.accept(body.token, body.password);
    setRefreshCookie(reply, issued, this.config.PUBLIC_URL.startsWith('https:'));
    return issued.session;
  }
}
