import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Lang = 'en' | 'es' | 'pt';
export const LANGS: readonly Lang[] = ['en', 'es', 'pt'];

type Tree = { [key: string]: string | Tree };

const dir = join(__dirname, '..', '..', '..', 'web', 'public', 'i18n');
const cache = new Map<Lang, Tree>();

/** The app's own translation file, so journeys assert on the real text, not on copies. */
export function translations(lang: Lang): Tree {
  let tree = cache.get(lang);
  if (!tree) {
    tree = JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Tree;
    cache.set(lang, tree);
  }
  return tree;
}

/** `t('es', 'learner.cohorts.title')`, with `{{name}}`-style parameters filled in. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = translations(lang);
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`No translation "${key}" in ${lang}.json`);
  return node.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

/** Exact-text matcher for Playwright locators. */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
