/** An instant on the wall clock of `zone`, in the interface language ("Tue, 10 Mar 2031, 09:00"). */
export function formatInZone(iso: string, zone: string, tag: string, withDate = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(tag, {
      timeZone: zone,
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** A session's span on one clock: "Tue, 10 Mar 2031, 09:00 – 10:30", the date once when it ends the same day. */
export function formatSpanInZone(startIso: string, endIso: string, zone: string, tag: string): string {
  const day = (iso: string) => {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
    } catch {
      return iso.slice(0, 10);
    }
  };
  const sameDay = day(startIso) === day(endIso);
  return `${formatInZone(startIso, zone, tag)} – ${formatInZone(endIso, zone, tag, !sameDay)}`;
}
