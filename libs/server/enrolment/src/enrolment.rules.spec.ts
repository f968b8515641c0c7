import { canTake, hasSeat, holdsSeat, placementStatus, seatsLeft, selfEnrolStatus } from './enrolment.rules';

describe('enrolment rules', () => {
  it('lands a self-enrolment by mode and seats', () => {
    expect(selfEnrolStatus('open', true)).toBe('active');
    expect(selfEnrolStatus('open', false)).toBe('waitlisted');
    expect(selfEnrolStatus('approval', true)).toBe('pending');
    expect(selfEnrolStatus('approval', false)).toBe('pending');
    expect(selfEnrolStatus('invite', true)).toBeNull();
  });

  it('places by an administrator: active while seats are left, else waitlisted', () => {
    expect(placementStatus(true)).toBe('active');
    expect(placementStatus(false)).toBe('waitlisted');
  });

  it('counts seats of active and completed people only; null capacity never fills', () => {
    expect(holdsSeat('active')).toBe(true);
    expect(holdsSeat('completed')).toBe(true);
    for (const s of ['pending', 'waitlisted', 'withdrawn'] as const) expect(holdsSeat(s)).toBe(false);
    expect(holdsSeat(null)).toBe(false);
    expect(seatsLeft(null, 500)).toBeNull();
    expect(seatsLeft(3, 1)).toBe(2);
    expect(seatsLeft(3, 5)).toBe(0);
    expect(hasSeat(null, 10)).toBe(true);
    expect(hasSeat(2, 2)).toBe(false);
  });

  it('lets each action start only from its statuses', () => {
    expect(canTake('approve', 'pending')).toBe(true);
    expect(canTake('approve', 'waitlisted')).toBe(false);
    expect(canTake('reject', 'waitlisted')).toBe(true);
    expect(canTake('withdraw', 'active')).toBe(true);
    expect(canTake('withdraw', 'completed')).toBe(false);
    expect(canTake('withdraw', 'withdrawn')).toBe(false);
    expect(canTake('complete', 'pending')).toBe(false);
  });
});
