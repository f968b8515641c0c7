import type { ProposedInstitution } from './directory';

export const ROLES = ['admin', 'tutor', 'trainee'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['en', 'es', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** A person as the API shows them. Never carries a password hash or a token. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  /** IANA time zone, e.g. "America/Bogota". */
  timeZone: string;
  /** ISO 3166-1 alpha-2, e.g. "CO"; null when not given. */
  country: string | null;
  organisation: string | null;
  region: string | null;
  active: boolean;
  createdAt: string;
}

/** Answer of register, sign-in, refresh and password change. The refresh token travels only in an httpOnly cookie. */
export interface AuthSession {
  accessToken: string;
  /** ISO instant when the access token stops working. */
  accessTokenExpiresAt: string;
  user: UserView;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  locale?: Locale;
  timeZone?: string;
  country?: string;
  /** Free text from older clients: kept for an admin to match to the directory, not written to the person. */
  organisation?: string;
  region?: string;
  /** The person's institution, picked from the directory (typeahead)… */
  institutionId?: string;
  /** …or "my institution is not listed": a pending institution an admin confirms. */
  proposedInstitution?: ProposedInstitution;
  /** Position at that institution. */
  position?: string;
  /** The person's region, from the directory. */
  regionId?: string;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface UpdateProfileRequest {
  displayName?: string;
  locale?: Locale;
  timeZone?: string;
  country?: string | null;
  organisation?: string | null;
  region?: string | null;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UpdateRolesRequest {
  roles: Role[];
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const DISPLAY_NAME_MAX_LENGTH = 120;
