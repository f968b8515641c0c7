import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';

export const PUBLIC_KEY = 'aula:public';
export const ROLES_KEY = 'aula:roles';

/** Reachable without signing in. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only people holding one of these roles; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in person making the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

/** On @Public() routes: the signed-in reader, or null for a visitor. */
export const OptionalActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => {
  return ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor ?? null;
});
