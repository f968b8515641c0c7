import { isIsoDate, todayIn } from './dates';

describe('dates', () => {
  it('tells the day in a time zone', () => {
    const instant = new Date('2026-11-28T03:30:00Z');
    expect(todayIn('America/Bogota', instant)).toBe('2026-11-27');
    expect(todayIn('Asia/Ho_Chi_Minh', instant)).toBe('2026-11-28');
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-2-1')).toBe(false);
    expect(isIsoDate('2027-02-01T00:00:00Z')).toBe(false);
  });
});
