import { FormControl } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import {
  currentZoneName,
  isValidTimeZone,
  timeZoneChoices,
  timeZoneLabel,
  timeZoneOffset,
  timeZoneSearchText,
  timeZoneValidator,
  zonedDayStart,
} from './time-zones';

describe('time zones', () => {
  it('offers current IANA names for the ones browsers still use from before', () => {
    expect(currentZoneName('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(currentZoneName('America/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(currentZoneName('America/Bogota')).toBe('America/Bogota');
  });

  it('finds a zone by its old name as well as its new one, with spaces for underscores', () => {
    expect(timeZoneSearchText('Asia/Ho_Chi_Minh')).toBe('asia/ho chi minh asia/saigon');
    expect(timeZoneSearchText('America/Bogota')).toBe('america/bogota ');
  });

  it('lists every zone once, sorted, under current names, with a person’s own alias kept', () => {
    const zones = timeZoneChoices(['America/Argentina/ComodRivadavia', 'Not/AZone']);
    expect(zones).toContain('America/Bogota');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).toContain('America/Argentina/ComodRivadavia');
    expect(zones).not.toContain('Not/AZone');
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
  });

  it('tells zones apart by their offset on the day asked', () => {
    expect(timeZoneOffset('America/Bogota', 'en')).toBe('GMT-5');
    expect(timeZoneOffset('America/Santiago', 'en', new Date('2027-01-15T12:00:00Z'))).toBe('GMT-3');
    expect(timeZoneOffset('America/Santiago', 'en', new Date('2027-07-15T12:00:00Z'))).toBe('GMT-4');
    expect(timeZoneOffset('Nowhere/Land', 'en')).toBe('');
  });

  it('reads zone names with spaces', () => {
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe('America / Argentina / Buenos Aires');
  });

  it('accepts only zones the browser knows', () => {
    expect(isValidTimeZone('America/Guatemala')).toBe(true);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(timeZoneValidator(new FormControl('Mars/Olympus_Mons'))).toEqual({ timeZone: true });
    expect(timeZoneValidator(new FormControl('Africa/Nairobi'))).toBeNull();
    expect(timeZoneValidator(new FormControl(''))).toBeNull();
  });

  describe('zonedDayStart', () => {
    it('is midnight in the cohort’s zone', () => {
      expect(zonedDayStart('2027-03-08', 'America/Bogota')?.toISOString()).toBe('2027-03-08T05:00:00.000Z');
      expect(zonedDayStart('2027-03-08', 'Asia/Shanghai')?.toISOString()).toBe('2027-03-07T16:00:00.000Z');
    });

    it('uses the offset of that day across a daylight-saving change', () => {
      expect(zonedDayStart('2027-01-15', 'America/Santiago')?.toISOString()).toBe('2027-01-15T03:00:00.000Z');
      expect(zonedDayStart('2027-07-15', 'America/Santiago')?.toISOString()).toBe('2027-07-15T04:00:00.000Z');
    });

    it('begins after the jump where daylight saving skips midnight (Santiago, 5 September 2027)', () => {
      expect(zonedDayStart('2027-09-05', 'America/Santiago')?.toISOString()).toBe('2027-09-05T04:00:00.000Z');
    });

    it('is null for a malformed day or an unknown zone', () => {
      expect(zonedDayStart('2027-3-8', 'America/Bogota')).toBeNull();
      expect(zonedDayStart('2027-03-08', 'Nowhere/Land')).toBeNull();
    });
  });
});
