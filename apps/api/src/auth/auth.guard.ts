import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@aula/contracts';
import { SessionService, type Actor } from '@aula/server/identity';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

/** Every route needs a valid access token unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header);
    const actor = match ? await this.sessions.verifyAccessToken(match[1]) : null;

    // Public routes still know who is asking when a valid token comes along (course pages show
    // the reader's enrolment); an invalid one is simply ignored there.
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      if (actor) request.actor = actor;
      return true;
    }
    if (!actor) throw new UnauthorizedException('Sign in to continue.');
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !actor.roles.some((r) => roles.includes(r))) {
      throw new ForbiddenException('Your role does not allow this action.');
    }
    return true;
  }
}
