import { TZDate } from '@date-fns/tz';
import type { ValidatorFn } from '@angular/forms';

/**
 * Browsers list zones under CLDR's ids, some of them names IANA has since replaced
 * (Chromium says "Asia/Saigon" where people and our API say "Asia/Ho_Chi_Minh").
 * Offer the current IANA name, and keep the old one searchable.
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Europe/Kiev': 'Europe/Kyiv',
  'Africa/Asmera': 'Africa/Asmara',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
};
const OLD_NAMES = new Map(Object.entries(CURRENT_NAMES).map(([old, current]) => [current, old]));

/** The current IANA name of `zone`, when the browser knows it under that name too. */
export function currentZoneName(zone: string): string {
  const current = CURRENT_NAMES[zone];
  return current && isValidTimeZone(current) ? current : zone;
}

/** The zone this device is set to, under its current IANA name. */
export function browserTimeZone(): string {
  try {
    return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  } catch {
    return 'UTC';
  }
}

/** What a search for a zone may match: its name, and the older name it replaced. */
export function timeZoneSearchText(zone: string): string {
  return [zone, OLD_NAMES.get(zone) ?? ''].join(' ').toLowerCase().replaceAll('_', ' ');
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
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['UTC'];
  }
  const all = new Set([...zones.map(currentZoneName), ...extra.filter(isValidTimeZone)]);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** "GMT-5", "GMT+7": the zone's current offset, for telling zones apart in the picker. */
export function timeZoneOffset(zone: string, locale: string, at = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      timeZoneName: 'shortOffset',
    }).formatToParts(at);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** "America/Argentina/Cordoba" → "America / Argentina / Cordoba", for reading. */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) begins in `zone`: cohort dates are days in the cohort's
 * zone, and a trainee elsewhere needs to know when that is for them. Null for a malformed date or zone.
 * Where a daylight-saving jump skips midnight, the day begins after the jump.
 */
export function zonedDayStart(date: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || !isValidTimeZone(zone)) return null;
  return new Date(new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), zone).getTime());
}
