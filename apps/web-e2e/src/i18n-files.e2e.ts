import { expect, test } from '@playwright/test';
import { LANGS, translations } from './support/i18n';

type Tree = ReturnType<typeof translations>;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

// The app loads one language file and no fallback (one download on slow links), so every file
// must have every key, with the same placeholders.
test('every language file has the same keys and placeholders as English', () => {
  const english = flatten(translations('en'));
  for (const lang of LANGS) {
    const other = flatten(translations(lang));
    expect([...other.keys()].sort(), `${lang}.json keys`).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(placeholders(other.get(key) ?? ''), `${lang}.json ${key}`).toEqual(placeholders(text));
      expect(other.get(key)?.trim(), `${lang}.json ${key} is empty`).toBeTruthy();
    }
  }
});
