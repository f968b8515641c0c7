import type { LOCALES, Locale } from '@aula/contracts';

/** Contracts are imported for types only; `typeof` keeps this list in step with the API's. */
export const APP_LOCALES: typeof LOCALES = ['en', 'es', 'pt'];

/**
 * BCP 47 tags used for `<html lang>` and Intl formatting: the programme's Spanish is Latin
 * American and its Portuguese Brazilian.
 */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en', es: 'es-419', pt: 'pt-BR' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value);
}

/** First of the browser's preferred languages that we speak ("pt-BR" → "pt"). */
export function browserLocale(): Locale | null {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return null;
}
