import { TZDate } from '@date-fns/tz';
import type { Locale } from '@aula/contracts';

/** Reminders go out between these local hours (start inclusive, end exclusive). */
export const DAYTIME_START_HOUR = 8;
export const DAYTIME_END_HOUR = 20;

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one: reminders format thousands of dates. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    if (formatters.size > 5000) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

const validZones = new Map<string, string>();

function safeZone(timeZone: string): string {
  let zone = validZones.get(timeZone);
  if (zone === undefined) {
    try {
      formatter('en', { timeZone });
      zone = timeZone;
    } catch {
      zone = 'UTC';
    }
    if (validZones.size > 5000) validZones.clear();
    validZones.set(timeZone, zone);
  }
  return zone;
}

/** Day and time formatters per language and zone, looked up by a short key (no options to serialise). */
const dateTimeFormatters = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>();

/** A moment as the recipient reads it: their language, their time zone, the zone named. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let pair = dateTimeFormatters.get(key);
  if (!pair) {
    const zone = safeZone(timeZone);
    pair = [
      formatter(INTL_LOCALE[locale], { dateStyle: 'full', timeZone: zone }),
      formatter(INTL_LOCALE[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone, timeZoneName: 'short' }),
    ];
    if (dateTimeFormatters.size > 5000) dateTimeFormatters.clear();
    dateTimeFormatters.set(key, pair);
  }
  return `${pair[0].format(date)}, ${pair[1].format(date)}`;
}

/** A calendar date (YYYY-MM-DD, no time) in the recipient's language. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return formatter(INTL_LOCALE[locale], { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y as number, (m as number) - 1, d as number)),
  );
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The zone's wall clock at the moment (months from 1). */
export function localParts(date: Date, timeZone: string): LocalParts {
  const local = new TZDate(date, safeZone(timeZone));
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate(), hour: local.getHours(), minute: local.getMinutes() };
}

/** YYYY-MM-DD of the moment in the zone. */
export function localDate(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * When a reminder may be sent: `now` if it is local daytime for the recipient, otherwise the next
 * 08:00 on their clock (nobody gets a reminder at 03:00 local).
 */
export function nextDaytime(now: Date, timeZone: string): Date {
  const zone = safeZone(timeZone);
  const local = new TZDate(now, zone);
  const hour = local.getHours();
  if (hour >= DAYTIME_START_HOUR && hour < DAYTIME_END_HOUR) return now;
  const day = hour < DAYTIME_START_HOUR ? local.getDate() : local.getDate() + 1;
  // The zone's wall clock, daylight-saving changes included; a day past the month's end rolls over.
  return new Date(new TZDate(local.getFullYear(), local.getMonth(), day, DAYTIME_START_HOUR, zone).getTime());
}
