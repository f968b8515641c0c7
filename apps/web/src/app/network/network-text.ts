import type { Locale, Translations } from '@aula/contracts';
import { APP_LOCALES } from '../core/i18n/languages';

/** Names of countries and languages in the reader's language, and texts kept per language. */

const displayNames = new Map<string, Intl.DisplayNames | null>();

function names(tag: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${type}|${tag}`;
  if (!displayNames.has(key)) {
    try {
      displayNames.set(key, new Intl.DisplayNames([tag], { type, fallback: 'code' }));
    } catch {
      displayNames.set(key, null);
    }
  }
  return displayNames.get(key) ?? null;
}

/** "CO" → "Colombia" (or "Colômbia"); the code itself when the browser has no name for it. */
export function countryName(code: string | null | undefined, tag: string): string {
  if (!code) return '';
  try {
    return names(tag, 'region')?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "pt" → "Portuguese" in the reader's language. */
export function languageName(code: string, tag: string): string {
  try {
    return names(tag, 'language')?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A text kept per language, in the reader's language if it is there, else English, else any:
 * with the language it is in, for the `lang` attribute.
 */
export function inReadersLanguage(
  texts: Translations | null | undefined,
  reader: Locale,
): { text: string; locale: Locale } | null {
  if (!texts) return null;
  for (const locale of [reader, 'en' as const, ...APP_LOCALES]) {
    const text = texts[locale]?.trim();
    if (text) return { text, locale };
  }
  return null;
}
