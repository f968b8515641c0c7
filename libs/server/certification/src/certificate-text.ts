import bidiFactory from 'bidi-js';
import { certificateFont, fontFor, scriptFontOf, shapedRun, type FontKey } from './certificate-fonts';
import { RecurringMemo, type DocumentMemo } from './certificate-memo';

const bidi = bidiFactory();

/** A piece of a line printed in one font at one bidi level, in logical order. */
export interface TextRun {
  text: string;
  font: FontKey;
  /** Unicode bidi embedding level: odd is right-to-left. */
  level: number;
}

/**
 * Whether the shaped glyphs of a left-to-right run map back to exactly its text. Not so when the
 * shaper reorders (Devanagari) or decomposes (some Vietnamese letters) characters: such runs need
 * the text attached separately to stay extractable.
 */
export function glyphsSpell(document: DocumentMemo, font: FontKey, text: string): boolean {
  if (font === 'devanagari') return false;
  return shaped(document, font, text).spells;
}

interface Shaped {
  /** Advance width in font units (1000 per em after scaling below). */
  advance: number;
  spells: boolean;
}

const SHAPED = new RecurringMemo<Shaped>();

function shaped(document: DocumentMemo, font: FontKey, text: string): Shaped {
  return SHAPED.get(document, `${font}\u0000${text}`, () => {
    const run = shapedRun(document, font, text);
    return {
      advance: (run.advanceWidth * 1000) / certificateFont(font).unitsPerEm,
      spells: run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('') === text,
    };
  });
}

/** Width of a run at a font size, in points, as pdfkit will lay it out in one piece. */
export function runWidth(document: DocumentMemo, font: FontKey, text: string, size: number): number {
  return (shaped(document, font, text).advance * size) / 1000;
}

const SEGMENTED = new RecurringMemo<TextRun[]>();

/**
 * Splits a line into runs by font (chosen by script) and bidi level. Neutral characters (spaces,
 * punctuation, digits, combining marks) take the font of the text before them when it has the
 * glyph, else of the text after, so "محمد علي" stays one right-to-left run.
 */
export function segmentLine(document: DocumentMemo, text: string, bold = false): TextRun[] {
  if (!text) return [];
  return SEGMENTED.get(document, `${bold ? 1 : 0}${text}`, () => segment(text, bold));
}

function segment(text: string, bold: boolean): TextRun[] {
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const chars: { cp: number; start: number; end: number; font: FontKey | null }[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number;
    const end = i + (cp > 0xffff ? 2 : 1);
    chars.push({ cp, start: i, end, font: scriptFontOf(cp, bold) });
    i = end;
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.font) {
      c.font = fontFor(c.cp, c.font);
      continue;
    }
    const before = i > 0 ? chars[i - 1].font : null;
    const after = chars.slice(i + 1).find((n) => n.font)?.font ?? null;
    const base: FontKey = bold ? 'latinBold' : 'latin';
    c.font = fontFor(c.cp, before ?? after ?? base);
  }
  const runs: TextRun[] = [];
  for (const c of chars) {
    const level = levels[c.start];
    const last = runs[runs.length - 1];
    if (last && last.font === c.font && last.level === level) last.text += text.slice(c.start, c.end);
    else runs.push({ text: text.slice(c.start, c.end), font: c.font as FontKey, level });
  }
  return runs;
}

/**
 * Runs in the order they are painted left to right (Unicode bidi rule L2 applied to runs).
 * Arabic runs keep their logical text: the font engine lays right-to-left scripts out in reverse
 * itself. A right-to-left run in another font (neutrals between Arabic words) is reversed here,
 * with mirrored brackets.
 */
export function visualOrder(runs: TextRun[]): { run: TextRun; text: string }[] {
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
    if (run.level % 2 === 0 || run.font === 'arabic') return { run, text: run.text };
    const reversed = [...run.text].reverse().map((ch) => bidi.getMirroredCharacter(ch) ?? ch);
    return { run, text: reversed.join('') };
  });
}
