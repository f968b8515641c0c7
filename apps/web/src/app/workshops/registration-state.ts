import type {
  WorkshopPublicView,
  WorkshopRegistrationStatus,
  WorkshopRegistrationView,
  WorkshopStatus,
} from '@aula/contracts';

/**
 * What the workshop page offers the reader about taking part, from the workshop and their
 * registration. Mirrors the API's rules (it decides anyway): withdrawing is possible before the
 * workshop begins; a withdrawn or expired registration may register again.
 */
export type RegistrationOffer =
  /** Not signed in: sign in (or create an account) first. */
  | 'signIn'
  /** Open registration: one button, a seat or the waiting list at once. */
  | 'register'
  /** By application: the application form. */
  | 'apply'
  | 'invitationOnly'
  /** Registration is not open now (window, state, workshop over). */
  | 'closed'
  /** Registered: the registration's state and its actions. */
  | 'registered';

export type RegistrationAction = 'confirmSeat' | 'withdraw';

const WITHDRAWABLE: readonly WorkshopRegistrationStatus[] = ['pending', 'confirmed', 'waitlisted', 'offered'];
const REREGISTER_FROM: readonly WorkshopRegistrationStatus[] = ['withdrawn', 'expired'];
const BEFORE_START: readonly WorkshopStatus[] = ['published', 'registration-closed'];

type WorkshopFacts = Pick<WorkshopPublicView, 'status' | 'registrationMode' | 'registrationOpen'>;

export function registrationOffer(
  workshop: WorkshopFacts,
  registration: Pick<WorkshopRegistrationView, 'status'> | null,
  signedIn: boolean,
): RegistrationOffer {
  if (registration && !REREGISTER_FROM.includes(registration.status)) return 'registered';
  if (!workshop.registrationOpen) return registration ? 'registered' : 'closed';
  if (workshop.registrationMode === 'invitation') return registration ? 'registered' : 'invitationOnly';
  if (!signedIn) return 'signIn';
  return workshop.registrationMode === 'application' ? 'apply' : 'register';
}

/** The buttons a registration shows, in order. */
export function registrationActions(
  workshop: Pick<WorkshopPublicView, 'status'>,
  registration: Pick<WorkshopRegistrationView, 'status' | 'offerExpiresAt'>,
  now: Date = new Date(),
): RegistrationAction[] {
  const actions: RegistrationAction[] = [];
  if (!BEFORE_START.includes(workshop.status)) return actions;
  if (
    registration.status === 'offered' &&
    (!registration.offerExpiresAt || Date.parse(registration.offerExpiresAt) > now.getTime())
  ) {
    actions.push('confirmSeat');
  }
  if (WITHDRAWABLE.includes(registration.status)) actions.push('withdraw');
  return actions;
}

/** A registration carried by a 409 answer to registering twice (`registration`), if any. */
export function existingRegistration(problem: unknown): WorkshopRegistrationView | null {
  if (!problem || typeof problem !== 'object' || !('registration' in problem)) return null;
  const registration = (problem as { registration: unknown }).registration;
  return registration && typeof registration === 'object' && 'status' in registration && 'id' in registration
    ? (registration as WorkshopRegistrationView)
    : null;
}
