/**
 * Cohort dates are entered as wall-clock times in the COHORT's zone (a deadline is "Friday 23:59
 * in Bogotá" for everyone), whatever zone the person editing is in. These helpers turn such a
 * local date-time (`YYYY-MM-DDTHH:mm`, what `<input type="datetime-local">` holds) into an
 * instant with its offset, and back.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string, instant: number): Record<string, number> {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  out['hour'] = (out['hour'] ?? 0) % 24;
  return out;
}

/** Milliseconds `zone` is ahead of UTC at `instant`. */
function offsetMs(zone: string, instant: number): number {
  const p = partsIn(zone, instant);
  const wall = Date.UTC(p['year'], p['month'] - 1, p['day'], p['hour'], p['minute'], p['second']);
  return wall - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * `2027-03-07T23:59` in `zone` → `2027-03-07T23:59:00-05:00`. null for an empty or malformed
 * value. A wall time skipped by a daylight-saving jump resolves to the instant after the jump.
 */
export function zonedToInstant(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  // Two passes: the offset at the first guess may differ from the one at the answer (DST change).
  let instant = wall - offsetMs(zone, wall);
  instant = wall - offsetMs(zone, instant);
  const offset = offsetMs(zone, instant);
  const shown = new Date(instant + offset);
  const text = `${shown.getUTCFullYear()}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}T${pad(shown.getUTCHours())}:${pad(shown.getUTCMinutes())}:00`;
  return `${text}${offsetText(offset)}`;
}

/** An instant → `YYYY-MM-DDTHH:mm` on the wall clock of `zone` (empty for null). */
export function instantToZoned(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const p = partsIn(zone, instant);
  return `${p['year']}-${pad(p['month'])}-${pad(p['day'])}T${pad(p['hour'])}:${pad(p['minute'])}`;
}
