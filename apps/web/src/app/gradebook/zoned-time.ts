import { TZDate } from '@date-fns/tz';

/**
 * Cohort dates are entered as wall-clock times in the COHORT's zone (a deadline is "Friday 23:59
 * in Bogotá" for everyone), whatever zone the person editing is in. These helpers turn such a
 * local date-time (`YYYY-MM-DDTHH:mm`, what `<input type="datetime-local">` holds) into an
 * instant with its offset, and back. `TZDate` is a date on the wall clock of one zone: its
 * ISO text is that wall clock with the zone's offset (`2027-03-07T23:59:00.000-05:00`).
 */

/** Drops the milliseconds from TZDate's ISO text; the API and the inputs work in minutes. */
const withoutMilliseconds = (iso: string) => `${iso.slice(0, 19)}${iso.slice(23)}`;

/**
 * `2027-03-07T23:59` in `zone` → `2027-03-07T23:59:00-05:00`. null for an empty or malformed
 * value. A wall time skipped by a daylight-saving jump resolves to the instant after the jump;
 * one the clocks show twice, to the first.
 */
export function zonedToInstant(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new TZDate(y, mo - 1, d, h, mi, zone);
  return Number.isNaN(date.getTime()) ? null : withoutMilliseconds(date.toISOString());
}

/** An instant → `YYYY-MM-DDTHH:mm` on the wall clock of `zone` (empty for null). */
export function instantToZoned(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return new TZDate(instant, zone).toISOString().slice(0, 16);
}
