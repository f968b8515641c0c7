import type { Role } from '@aula/contracts';

/** The areas of the app, one per role, in the order that decides a person's main area. */
export const AREAS = [
  { role: 'admin', path: '/admin', labelKey: 'areas.admin' },
  { role: 'tutor', path: '/tutor', labelKey: 'areas.tutor' },
  { role: 'trainee', path: '/learn', labelKey: 'areas.learn' },
] as const satisfies readonly { role: Role; path: string; labelKey: string }[];

export type Area = (typeof AREAS)[number];

/** Every role, in display order; kept here because contracts are imported for types only. */
export const ALL_ROLES = ['admin', 'tutor', 'trainee'] as const satisfies readonly Role[];

export function areasFor(roles: readonly Role[]): Area[] {
  return AREAS.filter((area) => roles.includes(area.role));
}

/** Where `/` sends a signed-in person: the area of their main role (admin > tutor > trainee). */
export function homePathFor(roles: readonly Role[]): string {
  return areasFor(roles)[0]?.path ?? '/profile';
}
