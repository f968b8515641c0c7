import { AccessPolicy, type Actor } from '@aula/server/identity';

/**
 * Who reads the directory, which decides what exists for them:
 * - `public`: a visitor who is not signed in sees the regions and active institutions the owners
 *   marked public, and people who published their profile;
 * - `member`: anyone signed in sees every region and every active institution;
 * - `admin`: the admin routes see everything (pending and archived too).
 * Records outside the audience answer like missing ones (404).
 */
export type DirectoryAudience = 'public' | 'member' | 'admin';

export const DirectoryPolicy = {
  /** The audience of the public routes: signed in or not (admins included: they use the admin routes for the rest). */
  readerAudience(actor: Actor | null): DirectoryAudience {
    return actor ? 'member' : 'public';
  },

  isAdmin(actor: Actor | null): boolean {
    return !!actor && AccessPolicy.hasRole(actor, 'admin');
  },

  /** SQL condition on institutions `alias` for the audience (no parameters). */
  institutionCondition(audience: DirectoryAudience, alias = 'i'): string {
    if (audience === 'admin') return 'TRUE';
    if (audience === 'member') return `${alias}.status = 'active'`;
    return `(${alias}.status = 'active' AND ${alias}.public)`;
  },

  /** SQL condition on regions `alias` for the audience (no parameters). */
  regionCondition(audience: DirectoryAudience, alias = 'r'): string {
    return audience === 'public' ? `${alias}.public` : 'TRUE';
  },

  canSeeInstitution(audience: DirectoryAudience, i: { status: string; public: boolean }): boolean {
    if (audience === 'admin') return true;
    return i.status === 'active' && (audience === 'member' || i.public);
  },

  canSeeRegion(audience: DirectoryAudience, r: { public: boolean }): boolean {
    return audience !== 'public' || r.public;
  },
};
