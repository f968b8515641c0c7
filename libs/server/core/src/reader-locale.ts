import { LOCALES, type Locale } from '@aula/contracts';

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/**
 * The first supported language of an Accept-Language header, by preference
 * ("pt-BR,pt;q=0.9,en;q=0.8" → pt); null when none is supported.
 */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.language).find(isLocale) ?? null;
}

/**
 * The language a reader asked for: an explicit choice (query string), else their profile, else
 * their browser. null leaves the choice to the content's default language.
 */
export function readerLocale(
  explicit: Locale | undefined | null,
  profile: Locale | undefined | null,
  acceptLanguage?: string | null,
): Locale | null {
  return explicit ?? profile ?? localeFromAcceptLanguage(acceptLanguage);
}
