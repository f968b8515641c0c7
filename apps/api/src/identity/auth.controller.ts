import { Body, Controller, HttpCode, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthSession } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { IdentityService, InvalidSessionError, SessionService, type IssuedSession } from '@aula/server/identity';
import { identityApi } from '@aula/contracts';
import { Public } from '../auth/auth.decorators';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from '../auth/refresh-cookie';
import { AuthSessionDto, RegisterDto, SignInDto } from './identity.dto';
import { Route } from '../common/route.decorator';
import { AccountDirectory } from './account-directory';

@ApiTags('auth')
@Public()
@Controller()
export class AuthController {
  private readonly secureCookies: boolean;

  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionService,
    private readonly directory: AccountDirectory,
    config: AppConfig,
  ) {
    this.secureCookies = config.PUBLIC_URL.startsWith('https:');
  }

  private answer(reply: FastifyReply, issued: IssuedSession): AuthSession {
    setRefreshCookie(reply, issued, this.secureCookies);
    return issued.session;
  }

  @Route(identityApi.register)
  @ApiCreatedResponse({ type: AuthSessionDto })
  async register(@Body() body: RegisterDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthSession> {
    const { organisation, region, institutionId, proposedInstitution, position, regionId, ...account } = body;
    const within = this.directory.forRegistration({
      organisation,
      region,
      institutionId,
      proposedInstitution,
      position,
      regionId,
    });
    return this.answer(reply, await this.identity.register(account, within));
  }

  @Route(identityApi.signIn)
  @HttpCode(200)
  @ApiOkResponse({ type: AuthSessionDto })
  async signIn(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSession> {
    return this.answer(reply, await this.identity.signIn(body.email, body.password, request.ip));
  }

  @Route(identityApi.refresh)
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiOkResponse({ type: AuthSessionDto })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthSession> {
    const token = readRefreshCookie(request);
    if (!token) throw new InvalidSessionError();
    try {
      return this.answer(reply, await this.sessions.refresh(token));
    } catch (e) {
      if (e instanceof InvalidSessionError) clearRefreshCookie(reply, this.secureCookies);
      throw e;
    }
  }

  @Route(identityApi.signOut)
  @HttpCode(204)
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = readRefreshCookie(request);
    if (token) await this.sessions.endByRefreshToken(token);
    clearRefreshCookie(reply, this.secureCookies);
  }
}
