import type { Locale, Translations } from '@aula/contracts';

const ORDER: readonly Locale[] = ['en', 'es', 'pt'];

/** An item's title in the reader's language, else the first language that has one. */
export function titleIn(title: Translations, reader: Locale): { text: string; lang: Locale } {
  for (const lang of [reader, ...ORDER]) {
    const text = title[lang]?.trim();
    if (text) return { text, lang };
  }
  return { text: '', lang: reader };
}

/** "87.5", "87,5": points as the language writes numbers, up to two decimals. */
export function formatNumber(value: number | null | undefined, tag: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value);
}
