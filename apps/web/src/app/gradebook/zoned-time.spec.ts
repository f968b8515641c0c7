import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from './zoned-time';

describe('zonedToInstant', () => {
  it('reads a deadline as wall-clock time in the cohort zone, whatever zone the editor is in', () => {
    expect(zonedToInstant('2027-03-07T23:59', 'America/Bogota')).toBe('2027-03-07T23:59:00-05:00');
    expect(zonedToInstant('2027-03-07T23:59', 'Asia/Kathmandu')).toBe('2027-03-07T23:59:00+05:45');
    expect(zonedToInstant('2027-03-07T23:59', 'UTC')).toBe('2027-03-07T23:59:00+00:00');
  });

  it('uses the offset in force on that day, not today’s (Santiago keeps summer time until April)', () => {
    expect(zonedToInstant('2027-01-15T12:00', 'America/Santiago')).toBe('2027-01-15T12:00:00-03:00');
    expect(zonedToInstant('2027-07-15T12:00', 'America/Santiago')).toBe('2027-07-15T12:00:00-04:00');
  });

  it('moves a wall time skipped by a daylight-saving jump to just after the jump, on the same day', () => {
    // Santiago skips from 00:00 to 01:00 on 5 September 2027; New York from 02:00 to 03:00 on 14 March.
    expect(zonedToInstant('2027-09-05T00:30', 'America/Santiago')).toBe('2027-09-05T01:30:00-03:00');
    expect(zonedToInstant('2027-03-14T02:30', 'America/New_York')).toBe('2027-03-14T03:30:00-04:00');
  });

  it('takes the first of the two times a wall clock shows twice when the clocks go back', () => {
    expect(zonedToInstant('2027-11-07T01:30', 'America/New_York')).toBe('2027-11-07T01:30:00-04:00');
  });

  it('ignores spaces around the value and refuses anything but YYYY-MM-DDTHH:mm', () => {
    expect(zonedToInstant(' 2027-03-07T10:00 ', 'America/Bogota')).toBe('2027-03-07T10:00:00-05:00');
    expect(zonedToInstant('', 'America/Bogota')).toBeNull();
    expect(zonedToInstant('2027-3-7T10:00', 'America/Bogota')).toBeNull();
    expect(zonedToInstant('2027-03-07 10:00', 'America/Bogota')).toBeNull();
    expect(zonedToInstant('2027-03-07T10:00:00', 'America/Bogota')).toBeNull();
  });
});

describe('instantToZoned', () => {
  it('shows a Bogotá deadline on the wall clock of another zone', () => {
    expect(instantToZoned('2027-03-07T23:59:00-05:00', 'Asia/Shanghai')).toBe('2027-03-08T12:59');
    expect(instantToZoned('2027-03-07T23:59:00-05:00', 'America/Bogota')).toBe('2027-03-07T23:59');
  });

  it('shows the clock after a daylight-saving change', () => {
    expect(instantToZoned('2027-03-14T07:30:00Z', 'America/New_York')).toBe('2027-03-14T03:30');
    expect(instantToZoned('2027-03-14T06:30:00Z', 'America/New_York')).toBe('2027-03-14T01:30');
  });

  it('drops seconds, and is empty for no value or a value that is not a date', () => {
    expect(instantToZoned('2027-01-01T00:00:59.999Z', 'UTC')).toBe('2027-01-01T00:00');
    expect(instantToZoned(null, 'UTC')).toBe('');
    expect(instantToZoned(undefined, 'UTC')).toBe('');
    expect(instantToZoned('nonsense', 'UTC')).toBe('');
  });

  it('gives back what was entered, for every quarter hour of a day with a daylight-saving change', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const local = `2027-04-03T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const instant = zonedToInstant(local, 'America/Santiago');
      expect(instant && instantToZoned(instant, 'America/Santiago')).toBe(local);
    }
  });
});
