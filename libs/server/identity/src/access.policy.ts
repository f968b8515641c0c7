import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Role } from '@aula/contracts';
import type { Actor } from './session.service';

/**
 * The one helper domain services use to ask "may this person see or change this?".
 * A resource someone may not see answers exactly like one that does not exist (404), so ids
 * cannot be probed; an action a role may not take answers 403.
 */
export const AccessPolicy = {
  hasRole(actor: Actor, ...roles: Role[]): boolean {
    return actor.roles.some((r) => roles.includes(r));
  },

  /** Owner, or anyone holding one of `roles`; otherwise 404. */
  assertOwnerOr(actor: Actor, ownerId: string, ...roles: Role[]): void {
    if (actor.id !== ownerId && !AccessPolicy.hasRole(actor, ...roles)) throw new NotFoundException();
  },

  /** Visible when `visible` is true (computed by the domain: enrolled, assigned...), else 404. */
  assertVisible(visible: boolean): void {
    if (!visible) throw new NotFoundException();
  },

  /** The action needs one of `roles`; otherwise 403. */
  assertRole(actor: Actor, ...roles: Role[]): void {
    if (!AccessPolicy.hasRole(actor, ...roles)) throw new ForbiddenException('Your role does not allow this action.');
  },
};
