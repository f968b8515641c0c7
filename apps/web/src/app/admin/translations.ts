import type { AbstractControl, FormGroup } from '@angular/forms';
import type { Locale, Translations } from '@aula/contracts';
import { APP_LOCALES } from '../core/i18n/languages';

/** Text per language as a form keeps it (every language present, maybe empty). */
export type TextByLocale = Record<Locale, string>;

export function textByLocale(value: Translations | undefined): TextByLocale {
  return { en: value?.en ?? '', es: value?.es ?? '', pt: value?.pt ?? '' };
}

/** What the API stores: the languages that have text. Sending it replaces every language. */
export function toTranslations(values: Partial<Record<Locale, string>>): Translations {
  const out: Translations = {};
  for (const locale of APP_LOCALES) {
    const text = values[locale]?.trim();
    if (text) out[locale] = text;
  }
  return out;
}

/** The text to show an administrator: in their language when it exists, else the default language's. */
export function displayText(value: Translations, reader: Locale, fallback: Locale): string {
  return (
    value[reader]?.trim() || value[fallback]?.trim() || APP_LOCALES.map((l) => value[l]).find(Boolean) || ''
  );
}

/** The language `displayText` chose, for the `lang` attribute. */
export function displayLocale(value: Translations, reader: Locale, fallback: Locale): Locale {
  if (value[reader]?.trim()) return reader;
  if (value[fallback]?.trim()) return fallback;
  return APP_LOCALES.find((l) => value[l]) ?? fallback;
}

const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Rich text as typed: HTML is kept as it is (the API sanitises it); plain text becomes paragraphs,
 * a blank line starting a new one, so authors who do not write HTML need not learn it.
 */
export function toRichText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || HTML_TAG.test(trimmed)) return trimmed;
  return trimmed
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

// Translatable text in forms: one group per language (`text.es.title`), so every language keeps
// its text while the tabs show one at a time.

/** Languages whose fields hold text. */
export function filledLocales(text: Partial<Record<Locale, Record<string, unknown>>>): Locale[] {
  return APP_LOCALES.filter((locale) =>
    Object.values(text[locale] ?? {}).some((value) => typeof value === 'string' && value.trim()),
  );
}

/** Languages whose fields hold an error the person has been shown. */
export function invalidLocales(text: FormGroup): Locale[] {
  return APP_LOCALES.filter((locale) => {
    const group = text.get(locale);
    return !!group && group.invalid && Object.values((group as FormGroup).controls).some((c) => c.touched);
  });
}

/**
 * Where an API field error belongs: `title.es` → the Spanish title in the text groups; anything
 * else by its first segment (`topics.3` → `topics`).
 */
export function controlForPath(form: FormGroup, textPath = 'text'): (path: string) => AbstractControl | null {
  return (path) => {
    const [field, locale] = path.split('.');
    if (field && locale && (APP_LOCALES as readonly string[]).includes(locale)) {
      const control = form.get(`${textPath}.${locale}.${field}`);
      if (control) return control;
    }
    return form.get(path) ?? form.get(field ?? path);
  };
}
