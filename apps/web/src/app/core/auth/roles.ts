import type { ROLES, Role } from '@aula/contracts';

/** The areas of the app, one per role, in the order that decides a person's main area. */
export const AREAS = [
  { role: 'admin', path: '/admin', labelKey: 'areas.admin' },
  { role: 'tutor', path: '/tutor', labelKey: 'areas.tutor' },
  { role: 'trainee', path: '/learn', labelKey: 'areas.learn' },
] as const satisfies readonly { role: Role; path: string; labelKey: string }[];

export type Area = (typeof AREAS)[number];

/** Every role, in display order. Contracts are imported for types only; `typeof` keeps this in step. */
export const ALL_ROLES: typeof ROLES = ['admin', 'tutor', 'trainee'];

export function areasFor(roles: readonly Role[]): Area[] {
  return AREAS.filter((area) => roles.includes(area.role));
}

/** Where `/` sends a signed-in person: the area of their main role (admin > tutor > trainee). */
export function homePathFor(roles: readonly Role[]): string {
  return areasFor(roles)[0]?.path ?? '/profile';
}
