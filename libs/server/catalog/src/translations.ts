import { LOCALES, type Locale, type Translations } from '@aula/contracts';

/**
 * The reader's language when the text exists in it, else the default language, else any.
 * Returns the text and the language it is in, so the page can say so (and set `lang`).
 */
export function pickText(text: Translations, wanted: Locale | null | undefined, fallback: Locale): { text: string; locale: Locale } {
  for (const locale of [wanted, fallback, ...LOCALES]) {
    if (locale && text[locale]?.trim()) return { text: text[locale] as string, locale };
  }
  return { text: '', locale: fallback };
}

/** The languages with non-empty text. */
export function localesOf(text: Translations): Locale[] {
  return LOCALES.filter((l) => !!text[l]?.trim());
}
