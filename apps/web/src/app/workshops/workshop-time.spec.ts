import { describe, expect, it } from 'vitest';
import {
  agendaByDay,
  isMonth,
  localDay,
  monthsFrom,
  sessionTimes,
  timeRange,
  zoneLabel,
} from './workshop-time';

const session = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt });

describe('the agenda by the workshop’s local day', () => {
  it('groups sessions by the day they start on in the workshop’s zone, not in UTC', () => {
    // 20:00 and 23:30 in Bogotá on 1 March are already 2 March in UTC.
    const sessions = [
      session('late', '2027-03-02T04:30:00Z', '2027-03-02T05:30:00Z'),
      session('morning-2', '2027-03-02T14:00:00Z', '2027-03-02T16:00:00Z'),
      session('evening', '2027-03-02T01:00:00Z', '2027-03-02T02:00:00Z'),
      session('morning-1', '2027-03-01T14:00:00Z', '2027-03-01T16:00:00Z'),
    ];
    const days = agendaByDay(sessions, 'America/Bogota');
    expect(days.map((d) => [d.date, d.sessions.map((s) => s.id)])).toEqual([
      ['2027-03-01', ['morning-1', 'evening', 'late']],
      ['2027-03-02', ['morning-2']],
    ]);
    // The same sessions seen from UTC fall on other days: the zone decides.
    expect(agendaByDay(sessions, 'UTC').map((d) => d.date)).toEqual(['2027-03-01', '2027-03-02']);
    expect(agendaByDay(sessions, 'UTC')[1]?.sessions.map((s) => s.id)).toEqual([
      'evening',
      'late',
      'morning-2',
    ]);
  });

  it('answers no days for no sessions', () => {
    expect(agendaByDay([], 'Asia/Tokyo')).toEqual([]);
  });

  it('reads the calendar day of an instant in a zone', () => {
    expect(localDay('2027-03-02T04:30:00Z', 'America/Bogota')).toBe('2027-03-01');
    expect(localDay('2027-03-01T20:00:00Z', 'Asia/Tokyo')).toBe('2027-03-02');
  });
});

describe('a session’s two times, each labelled with its zone', () => {
  const s = session('a', '2027-03-01T14:00:00Z', '2027-03-01T14:45:00Z');

  it('writes the workshop’s time and the viewer’s, with the viewer’s day when it differs', () => {
    const times = sessionTimes(s, 'America/Bogota', 'Asia/Tokyo', 'en-GB');
    expect(times.local).toBe('09:00–09:45');
    expect(times.localZone).toBe('America/Bogota (GMT-5)');
    // 23:00 in Tokyo, the same calendar day as in Bogotá: no day needed.
    expect(times.viewer).toBe('23:00–23:45');
    // Ending after midnight in Tokyo: both days are named.
    const overnight = sessionTimes(
      { ...s, endsAt: '2027-03-01T15:30:00Z' },
      'America/Bogota',
      'Asia/Tokyo',
      'en-GB',
    );
    expect(overnight.viewer.replace(/\s/g, ' ')).toBe('Mon 1 Mar, 23:00 – Tue 2 Mar, 00:30');
    expect(times.viewerZone).toBe('Asia/Tokyo (GMT+9)');
    expect(times.sameZone).toBe(false);
  });

  it('names the day when the viewer’s clock is on another day', () => {
    const late = session('b', '2027-03-01T23:00:00Z', '2027-03-02T00:00:00Z'); // 18:00 in Bogotá, 08:00 next day in Tokyo
    const times = sessionTimes(late, 'America/Bogota', 'Asia/Tokyo', 'en-GB');
    expect(times.local).toBe('18:00–19:00');
    expect(times.viewer).toMatch(/Tue.*2 Mar.*08:00.*09:00/);
  });

  it('says when the viewer follows from the workshop’s own zone', () => {
    const times = sessionTimes(s, 'America/Bogota', 'America/Lima', 'en-GB');
    expect(times.sameZone).toBe(true);
    expect(times.viewer).toBe(times.local);
    expect(times.viewerZone).toBe('America/Lima (GMT-5)');
  });

  it('writes the zone name readably and follows summer time', () => {
    expect(zoneLabel('America/Argentina/Buenos_Aires', '2027-01-10T12:00:00Z', 'en')).toBe(
      'America/Argentina/Buenos Aires (GMT-3)',
    );
    expect(zoneLabel('Europe/Madrid', '2027-01-10T12:00:00Z', 'en')).toBe('Europe/Madrid (GMT+1)');
    expect(zoneLabel('Europe/Madrid', '2027-07-10T12:00:00Z', 'en')).toBe('Europe/Madrid (GMT+2)');
  });

  it('shows one time for a session without length', () => {
    expect(timeRange('2027-03-01T14:00:00Z', '2027-03-01T14:00:00Z', 'UTC', 'en-GB')).toBe('14:00');
  });
});

describe('months for the month filter', () => {
  it('counts months across years, backwards and forwards', () => {
    expect(monthsFrom('2026-11', 4, -1)).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
    expect(monthsFrom('not a month', 3)).toEqual([]);
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonth('2027-03')).toBe(true);
    expect(isMonth('2027-13')).toBe(false);
    expect(isMonth('2027-3')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});
