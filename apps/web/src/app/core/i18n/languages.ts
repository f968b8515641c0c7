import type { Locale } from '@aula/contracts';

export const APP_LOCALES = ['en', 'es', 'pt'] as const satisfies readonly Locale[];

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
