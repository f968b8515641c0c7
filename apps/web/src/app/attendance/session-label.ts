import type { Locale, Translations, WorkshopSessionView } from '@aula/contracts';

/** A session's title in the reader's language, else the first language it has. */
export function sessionTitle(title: Translations, locale: Locale): string {
  return title[locale] ?? Object.values(title).find((t) => !!t) ?? '';
}

/** The session running now, else the next one, else the last: what the check-in screen opens on. */
export function currentSession(sessions: readonly WorkshopSessionView[], now: Date = new Date()): WorkshopSessionView | null {
  const t = now.getTime();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    sorted.find((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt)) ??
    sorted.find((s) => Date.parse(s.startsAt) > t) ??
    sorted[sorted.length - 1] ??
    null
  );
}
