import bidiFactory from 'bidi-js';
import type { FontFallback, FontKey } from './font-fallback';

const bidi = bidiFactory();

/** A piece of a line printed in one face at one bidi level, in logical order. */
export interface TextRun {
  text: string;
  font: FontKey;
  /** Unicode bidi embedding level: odd is right-to-left. */
  level: number;
}

/**
 * Splits a line into runs by face (see FontFallback.runs) and bidi level (paragraph left to
 * right), in logical order.
 */
export function textRuns(fonts: FontFallback, text: string, bold = false): TextRun[] {
  if (!text) return [];
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const runs: TextRun[] = [];
  let offset = 0;
  for (const run of fonts.runs(text, bold)) {
    for (let i = 0; i < run.text.length;) {
      const level = levels[offset + i];
      const size = (run.text.codePointAt(i) as number) > 0xffff ? 2 : 1;
      const piece = run.text.slice(i, i + size);
      const last = runs[runs.length - 1];
      if (last && last.font === run.font && last.level === level) last.text += piece;
      else runs.push({ text: piece, font: run.font, level });
      i += size;
    }
    offset += run.text.length;
  }
  return runs;
}

/** The first character of a script of its own (not Common, Inherited or unassigned). */
const STRONG = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
/** Scripts that fontkit lays out right to left (its own table of right-to-left scripts). */
const FONTKIT_RTL = new RegExp(
  `^[${[
    'Arabic',
    'Hebrew',
    'Syriac',
    'Thaana',
    'Cypriot',
    'Kharoshthi',
    'Phoenician',
    'Nko',
    'Lydian',
    'Avestan',
    'Imperial_Aramaic',
    'Inscriptional_Pahlavi',
    'Inscriptional_Parthian',
    'Old_South_Arabian',
    'Old_Turkic',
    'Samaritan',
    'Mandaic',
    'Meroitic_Cursive',
    'Meroitic_Hieroglyphs',
    'Manichaean',
    'Mende_Kikakui',
    'Nabataean',
    'Old_North_Arabian',
    'Palmyrene',
    'Psalter_Pahlavi',
  ]
    .map((s) => `\\p{Script=${s}}`)
    .join('')}]$`,
  'u',
);

/**
 * Whether the font engine lays this text out right to left by itself: it takes the direction of
 * the first character of a script of its own (a run of only spaces and punctuation is laid out
 * left to right).
 */
export function laidOutRightToLeft(text: string): boolean {
  const strong = STRONG.exec(text);
  return strong !== null && FONTKIT_RTL.test(strong[0]);
}

/**
 * Runs in the order they are painted left to right (Unicode bidi rule L2 applied to runs).
 * A right-to-left run that the font engine lays out right to left itself (Arabic, Hebrew words)
 * keeps its logical text; any other right-to-left run (spaces and punctuation between such words)
 * is reversed here, with mirrored brackets.
 */
export function visualOrder(runs: readonly TextRun[]): { run: TextRun; text: string }[] {
  const ordered = [...runs];
  const max = Math.max(0, ...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), Infinity);
  for (let level = max; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < ordered.length;) {
      if (ordered[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < ordered.length && ordered[j].level >= level) j++;
      ordered.splice(i, j - i, ...ordered.slice(i, j).reverse());
      i = j;
    }
  }
  return ordered.map((run) => {
    if (run.level % 2 === 0 || laidOutRightToLeft(run.text)) return { run, text: run.text };
    const reversed = [...run.text].reverse().map((ch) => bidi.getMirroredCharacter(ch) ?? ch);
    return { run, text: reversed.join('') };
  });
}
