/**
 * A workshop happens in its own time zone; a participant may follow it from another. These
 * helpers group the agenda by the workshop's local day and write each session's times twice:
 * in the workshop's zone and in the viewer's, each labelled with its zone.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(tag: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${zone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { ...options, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `zone`. */
export function localDay(instant: string | Date, zone: string): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  const parts = formatter('en-CA', zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    date,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export interface AgendaDay<S> {
  /** The day in the workshop's time zone, `YYYY-MM-DD`. */
  date: string;
  sessions: S[];
}

/** Sessions in start order, grouped by the day they start on in the workshop's time zone. */
export function agendaByDay<S extends { startsAt: string }>(
  sessions: readonly S[],
  zone: string,
): AgendaDay<S>[] {
  const sorted = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const days: AgendaDay<S>[] = [];
  for (const session of sorted) {
    const date = localDay(session.startsAt, zone);
    const last = days.at(-1);
    if (last?.date === date) last.sessions.push(session);
    else days.push({ date, sessions: [session] });
  }
  return days;
}

/** "GMT-5": the zone's offset at that moment, as the language writes it. */
export function zoneOffset(zone: string, at: string | Date, tag: string): string {
  const date = at instanceof Date ? at : new Date(at);
  try {
    return (
      formatter(tag, zone, { timeZoneName: 'shortOffset' })
        .formatToParts(date)
        .find((p) => p.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

/** "America/Bogota (GMT-5)": the zone named so a reader can tell which one is meant. */
export function zoneLabel(zone: string, at: string | Date, tag: string): string {
  const offset = zoneOffset(zone, at, tag);
  const name = zone.replaceAll('_', ' ');
  return offset ? `${name} (${offset})` : name;
}

/**
 * "09:00 – 11:00" in `zone`; with the day in front when, in that zone, the session falls on
 * another day than `day` (a viewer far away may see it the evening before).
 */
export function timeRange(startsAt: string, endsAt: string, zone: string, tag: string, day?: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const otherDay = day !== undefined && (localDay(start, zone) !== day || localDay(end, zone) !== day);
  const options: Intl.DateTimeFormatOptions = otherDay
    ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
    : { hour: '2-digit', minute: '2-digit' };
  const format = formatter(tag, zone, options);
  return end > start ? format.formatRange(start, end) : format.format(start);
}

export interface SessionTimes {
  /** In the workshop's zone. */
  local: string;
  localZone: string;
  /** In the viewer's zone (with the day when it differs from the workshop's day). */
  viewer: string;
  viewerZone: string;
  /** Whether the viewer follows from the workshop's own zone (the two lines then agree). */
  sameZone: boolean;
}

/** A session's times in the workshop's zone and in the viewer's, each with its zone's label. */
export function sessionTimes(
  session: { startsAt: string; endsAt: string },
  workshopZone: string,
  viewerZone: string,
  tag: string,
): SessionTimes {
  const day = localDay(session.startsAt, workshopZone);
  return {
    local: timeRange(session.startsAt, session.endsAt, workshopZone, tag),
    localZone: zoneLabel(workshopZone, session.startsAt, tag),
    viewer: timeRange(session.startsAt, session.endsAt, viewerZone, tag, day),
    viewerZone: zoneLabel(viewerZone, session.startsAt, tag),
    sameZone: sameOffsets(workshopZone, viewerZone, session.startsAt),
  };
}

function sameOffsets(a: string, b: string, at: string): boolean {
  return a === b || zoneOffset(a, at, 'en') === zoneOffset(b, at, 'en');
}

/** `count` months (`YYYY-MM`) starting `offset` months from `from`, for the month filter. */
export function monthsFrom(from: string, count: number, offset = 0): string[] {
  const match = /^(\d{4})-(\d{2})$/.exec(from);
  if (!match) return [];
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month + offset + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** Whether `value` is a month written `YYYY-MM`. */
export const isMonth = (value: string | null | undefined): value is string =>
  !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** "March 2031" in the reader's language. */
export function monthName(month: string, tag: string): string {
  if (!isMonth(month)) return month;
  const [year, m] = month.split('-').map(Number) as [number, number];
  return formatter(tag, 'UTC', { month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, m - 1, 1)));
}
