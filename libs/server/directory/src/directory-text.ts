import { LOCALES, type Translations } from '@aula/contracts';
import { searchKey } from '@aula/server/core';

/** Control and invisible formatting characters, line breaks excepted. */
const CONTROL_BUT_LINE_BREAKS = /(?![\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;

/** One line of text: canonical form, whitespace collapsed, control characters removed; null when empty. */
export function cleanLine(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const tidy = text.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return tidy || null;
}

/** Text of a few paragraphs: line breaks kept (at most one blank line), the rest as `cleanLine`. */
export function cleanParagraphs(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const tidy = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_BUT_LINE_BREAKS, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return tidy || null;
}

/** Paragraph text per known language; empty languages dropped. */
export function cleanParagraphTranslations(text: Translations | null | undefined): Translations {
  const clean: Translations = {};
  for (const locale of LOCALES) {
    const value = cleanParagraphs(text?.[locale]);
    if (value) clean[locale] = value;
  }
  return clean;
}

/** Topics as people write them, tidied, without repeats (accents and case folded for the comparison). */
export function cleanTopics(topics: string[] | null | undefined): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of topics ?? []) {
    const topic = cleanLine(raw);
    const key = topic ? searchKey(topic) : '';
    if (topic && key && !seen.has(key)) {
      seen.add(key);
      result.push(topic);
    }
  }
  return result;
}

/** `\`, `%` and `_` escaped for a LIKE pattern (with the default escape character). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every value folded (accents, case, spacing) and joined with ` | `, each once: the search_text columns. */
export function searchTextOf(values: (string | null | undefined)[]): string {
  const seen = new Set<string>();
  for (const value of values) {
    const folded = value ? searchKey(value).replace(/\|/g, ' ').replace(/\s+/g, ' ').trim() : '';
    if (folded) seen.add(folded);
  }
  return [...seen].join(' | ');
}
