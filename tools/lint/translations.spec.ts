import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const LOCALES = ['en', 'es', 'pt'] as const;

type Tree = { [key: string]: string | Tree };

const load = (locale: string): Tree =>
  JSON.parse(readFileSync(join(root, 'apps/web/public/i18n', `${locale}.json`), 'utf8')) as Tree;

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every text the web app shows exists in each language Aula speaks, with the same placeholders. */
describe('web app translations', () => {
  const byLocale = Object.fromEntries(LOCALES.map((l) => [l, new Map(leaves(load(l)))]));
  const english = byLocale.en;

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys of en', (locale) => {
    const keys = [...byLocale[locale].keys()];
    expect(keys.filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !byLocale[locale].has(k))).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty text and the placeholders of en', (locale) => {
    const problems: string[] = [];
    for (const [key, text] of byLocale[locale]) {
      if (!text.trim()) problems.push(`${key}: empty`);
      const en = english.get(key);
      if (en !== undefined && placeholders(en).join() !== placeholders(text).join()) {
        problems.push(`${key}: {{${placeholders(text).join(', ')}}} instead of {{${placeholders(en).join(', ')}}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every key the templates and components name literally', () => {
    const missing = new Set<string>();
    for (const file of sourceFiles(join(root, 'apps/web/src'))) {
      const text = readFileSync(file, 'utf8');
      // t('a.b'…), translate('a.b'…), 'a.b' | transloco: whole dotted keys only ('a.' + x is dynamic,
      // and a key without a dot belongs to a helper that adds its own prefix).
      const key = `([a-zA-Z0-9_]+\\.[a-zA-Z0-9_.]+)`;
      const pattern = new RegExp(`(?:\\bt|translate|selectTranslate)\\(\\s*'${key}'\\s*[,)]|'${key}'\\s*\\|\\s*transloco\\b`, 'g');
      for (const match of text.matchAll(pattern)) {
        const found = match[1] ?? match[2];
        if (!found.endsWith('.') && !english.has(found)) missing.add(`${found} (${file.slice(root.length + 1)})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
