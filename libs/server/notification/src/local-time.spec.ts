import { formatDateTime, localDate, nextDaytime } from './local-time';

describe('local time', () => {
  it('keeps a reminder that falls in the recipient\'s daytime', () => {
    const now = new Date('2026-03-10T15:00:00Z'); // 10:00 in Bogotá
    expect(nextDaytime(now, 'America/Bogota')).toEqual(now);
  });

  it('moves a 03:00-local reminder to 08:00 local the same morning', () => {
    const now = new Date('2026-03-10T08:00:00Z'); // 03:00 in Bogotá (UTC-5)
    expect(nextDaytime(now, 'America/Bogota').toISOString()).toBe('2026-03-10T13:00:00.000Z');
  });

  it('moves an evening reminder to 08:00 local the next day, across a date line', () => {
    const now = new Date('2026-03-10T13:30:00Z'); // 21:30 in Manila (UTC+8)
    expect(nextDaytime(now, 'Asia/Manila').toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });

  it('follows daylight-saving time', () => {
    // 2026-03-29: Lisbon moves to UTC+1. 22:00 local on the 28th → 08:00 WEST on the 29th = 07:00Z.
    expect(nextDaytime(new Date('2026-03-28T22:00:00Z'), 'Europe/Lisbon').toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('formats a moment in the reader\'s zone and language', () => {
    const due = new Date('2026-03-10T23:30:00Z');
    expect(formatDateTime(due, 'es', 'America/Bogota')).toMatch(/martes, 10 de marzo de 2026.*18:30/);
    expect(formatDateTime(due, 'pt', 'Asia/Manila')).toMatch(/quarta-feira, 11 de março de 2026.*07:30/);
    expect(localDate(due, 'Asia/Manila')).toBe('2026-03-11');
  });
});
