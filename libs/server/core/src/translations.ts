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

/** Control and invisible formatting characters (CR, LF, NUL, bidi overrides...) never belong in a title. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;

/**
 * Plain text per language as stored: known languages only, canonical Unicode form, whitespace
 * collapsed and trimmed, control characters removed; languages left empty are dropped.
 */
export function cleanPlainTranslations(text: Translations | null | undefined): Translations {
  const clean: Translations = {};
  for (const locale of LOCALES) {
    const value = text?.[locale];
    if (typeof value !== 'string') continue;
    const tidy = value.normalize('NFC').replace(/\s+/g, ' ').replace(CONTROL, '').replace(/ {2,}/g, ' ').trim();
    if (tidy) clean[locale] = tidy;
  }
  return clean;
}

/** Rich text per language as stored: sanitised HTML; languages left empty are dropped. */
export function cleanRichTranslations(text: Translations | null | undefined, sanitise: (html: string) => string): Translations {
  const clean: Translations = {};
  for (const locale of LOCALES) {
    const value = text?.[locale];
    if (typeof value !== 'string') continue;
    const safe = sanitise(value.normalize('NFC'));
    // Markup without any text or image (`<p> </p>`) counts as empty.
    if (/\S/.test(safe.replace(/<(?!img\b)[^>]*>/gi, '').replace(/&nbsp;/g, ' '))) clean[locale] = safe;
  }
  return clean;
}
