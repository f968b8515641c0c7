import { beforeStart, canAct, canTransition, hasRoom, localDate, registrationOpen, seatsLeft } from './workshop.rules';

describe('workshop rules', () => {
  it('follows the lifecycle and allows cancelling only before held', () => {
    expect(canTransition('draft', 'published')).toBe(true);
    expect(canTransition('published', 'registration-closed')).toBe(true);
    expect(canTransition('registration-closed', 'in-progress')).toBe(true);
    expect(canTransition('in-progress', 'held')).toBe(true);
    expect(canTransition('held', 'report-published')).toBe(true);
    expect(canTransition('draft', 'held')).toBe(false);
    expect(canTransition('in-progress', 'cancelled')).toBe(true);
    expect(canTransition('held', 'cancelled')).toBe(false);
    expect(canTransition('cancelled', 'published')).toBe(false);
  });

  it('reads the calendar day in the workshop time zone', () => {
    const instant = new Date('2027-03-01T03:30:00Z');
    expect(localDate(instant, 'America/Bogota')).toBe('2027-02-28');
    expect(localDate(instant, 'Asia/Bangkok')).toBe('2027-03-01');
  });

  it('counts seats and the country quota', () => {
    expect(seatsLeft(null, 5)).toBeNull();
    expect(seatsLeft(3, 5)).toBe(0);
    expect(hasRoom({ capacity: 10, seatsTaken: 9, countryQuota: null }, 9)).toBe(true);
    expect(hasRoom({ capacity: 10, seatsTaken: 10, countryQuota: null }, 0)).toBe(false);
    expect(hasRoom({ capacity: 10, seatsTaken: 4, countryQuota: 2 }, 2)).toBe(false);
    expect(hasRoom({ capacity: null, seatsTaken: 400, countryQuota: 2 }, 1)).toBe(true);
  });

  it('opens registration only when published and inside the window', () => {
    const base = { status: 'published' as const, registrationOpensAt: null, registrationClosesAt: null, startDate: '2027-05-10', timeZone: 'UTC' };
    const now = new Date('2027-05-01T12:00:00Z');
    expect(registrationOpen(base, now)).toBe(true);
    expect(registrationOpen({ ...base, status: 'draft' }, now)).toBe(false);
    expect(registrationOpen({ ...base, registrationOpensAt: new Date('2027-05-02T00:00:00Z') }, now)).toBe(false);
    expect(registrationOpen({ ...base, registrationClosesAt: new Date('2027-05-01T11:00:00Z') }, now)).toBe(false);
    expect(registrationOpen(base, new Date('2027-05-10T00:00:00Z'))).toBe(false);
    expect(beforeStart({ ...base, status: 'in-progress' }, now)).toBe(false);
    expect(beforeStart(base, now)).toBe(true);
  });

  it('lets each action start only from its statuses', () => {
    expect(canAct('approve', 'pending')).toBe(true);
    expect(canAct('approve', 'confirmed')).toBe(false);
    expect(canAct('confirm', 'offered')).toBe(true);
    expect(canAct('withdraw', 'withdrawn')).toBe(false);
  });
});
