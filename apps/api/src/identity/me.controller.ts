import { Body, Controller, HttpCode, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthSession, UserView } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { IdentityService, type Actor } from '@aula/server/identity';
import { identityApi } from '@aula/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { setRefreshCookie } from '../auth/refresh-cookie';
import { AuthSessionDto, ChangePasswordDto, UpdateProfileDto, UserViewDto } from './identity.dto';
import { Route } from '../common/route.decorator';
import { AccountDirectory } from './account-directory';

@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(
    private readonly identity: IdentityService,
    private readonly config: AppConfig,
    private readonly directory: AccountDirectory,
  ) {}

  @Route(identityApi.me)
  @ApiOkResponse({ type: UserViewDto })
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.identity.me(actor);
  }

  @Route(identityApi.updateMe)
  @ApiOkResponse({ type: UserViewDto })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateProfileDto): Promise<UserView> {
    const { organisation, region, ...change } = body;
    return this.identity.updateProfile(actor, change, this.directory.forProfile({ organisation, region }));
  }

  /** Ends every session of the person and continues in a new one. */
  @Route(identityApi.changePassword)
  @HttpCode(200)
  @ApiOkResponse({ type: AuthSessionDto })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSession> {
    const issued = await this.identity.changePassword(actor, body.currentPassword, body.newPassword);
    setRefreshCookie(reply, issued, this.config.PUBLIC_URL.startsWith('https:'));
    return issued.session;
  }
}
