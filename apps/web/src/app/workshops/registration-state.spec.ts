import { describe, expect, it } from 'vitest';
import type { WorkshopRegistrationStatus, WorkshopStatus } from '@aula/contracts';
import { existingRegistration, registrationActions, registrationOffer } from './registration-state';

const workshop = (
  overrides: Partial<{
    status: WorkshopStatus;
    registrationMode: 'open' | 'application' | 'invitation';
    registrationOpen: boolean;
  }> = {},
) => ({
  status: 'published' as WorkshopStatus,
  registrationMode: 'application' as const,
  registrationOpen: true,
  ...overrides,
});
const reg = (status: WorkshopRegistrationStatus, offerExpiresAt: string | null = null) => ({
  status,
  offerExpiresAt,
});

describe('what the workshop page offers the reader', () => {
  it('asks visitors to sign in, and shows the form that fits the mode to signed-in people', () => {
    expect(registrationOffer(workshop(), null, false)).toBe('signIn');
    expect(registrationOffer(workshop(), null, true)).toBe('apply');
    expect(registrationOffer(workshop({ registrationMode: 'open' }), null, true)).toBe('register');
    expect(registrationOffer(workshop({ registrationMode: 'invitation' }), null, true)).toBe(
      'invitationOnly',
    );
    expect(registrationOffer(workshop({ registrationOpen: false }), null, true)).toBe('closed');
  });

  it('shows a registration rather than a form, except after withdrawing or an expired offer', () => {
    for (const status of ['pending', 'confirmed', 'waitlisted', 'offered', 'declined'] as const) {
      expect(registrationOffer(workshop(), reg(status), true)).toBe('registered');
    }
    expect(registrationOffer(workshop(), reg('withdrawn'), true)).toBe('apply');
    expect(registrationOffer(workshop({ registrationMode: 'open' }), reg('expired'), true)).toBe('register');
    // Registration closed since: the old registration is what there is to show.
    expect(registrationOffer(workshop({ registrationOpen: false }), reg('withdrawn'), true)).toBe(
      'registered',
    );
  });
});

describe('the actions of a registration', () => {
  const now = new Date('2027-03-01T12:00:00Z');

  it('offers withdrawing while the registration holds or waits for a seat', () => {
    expect(registrationActions(workshop(), reg('pending'), now)).toEqual(['withdraw']);
    expect(registrationActions(workshop(), reg('confirmed'), now)).toEqual(['withdraw']);
    expect(registrationActions(workshop(), reg('waitlisted'), now)).toEqual(['withdraw']);
    expect(registrationActions(workshop(), reg('declined'), now)).toEqual([]);
    expect(registrationActions(workshop(), reg('withdrawn'), now)).toEqual([]);
  });

  it('offers confirming an offered seat only before its deadline', () => {
    expect(registrationActions(workshop(), reg('offered', '2027-03-02T12:00:00Z'), now)).toEqual([
      'confirmSeat',
      'withdraw',
    ]);
    expect(registrationActions(workshop(), reg('offered', '2027-03-01T11:59:00Z'), now)).toEqual([
      'withdraw',
    ]);
  });

  it('offers nothing once the workshop has begun or was cancelled', () => {
    for (const status of ['in-progress', 'held', 'cancelled'] as const) {
      expect(registrationActions(workshop({ status }), reg('confirmed'), now)).toEqual([]);
    }
    expect(registrationActions(workshop({ status: 'registration-closed' }), reg('confirmed'), now)).toEqual([
      'withdraw',
    ]);
  });
});

describe('the registration in a 409 answer', () => {
  it('reads it when the problem carries one, and nothing otherwise', () => {
    const registration = { id: 'r1', status: 'pending' };
    expect(existingRegistration({ status: 409, title: 'Conflict', registration })).toEqual(registration);
    expect(existingRegistration({ status: 409, title: 'Conflict', currentStatus: 'draft' })).toBeNull();
    expect(existingRegistration(null)).toBeNull();
  });
});
