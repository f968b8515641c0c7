import type { ValidatorFn } from '@angular/forms';

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether the browser can format dates in `zone` (accepts aliases like "America/Argentina/Cordoba"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneValidator: ValidatorFn = (control) =>
  !control.value || isValidTimeZone(String(control.value)) ? null : { timeZone: true };

/**
 * The zones a person can pick: every IANA zone the browser knows, plus `extra` (their current
 * zone may be an alias the browser lists under another name).
 */
export function timeZoneChoices(extra: readonly string[] = []): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['UTC'];
  }
  const all = new Set([...zones, ...extra.filter(isValidTimeZone)]);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** "GMT-5", "GMT+7": the zone's current offset, for telling zones apart in the picker. */
export function timeZoneOffset(zone: string, locale: string, at = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** "America/Argentina/Cordoba" → "America / Argentina / Cordoba", for reading. */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}
