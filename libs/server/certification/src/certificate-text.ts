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
  return piecesOf(font, text).every((piece) => shaped(document, font, piece).spells);
}

/**
 * Whether runs in this font are laid out word by word, as pdfkit does by default: each word is
 * shaped once per process and a line of a certificate's own text (a name, a date) costs only its
 * new words. Not Arabic: a right-to-left run is laid out whole, or its words would come out in
 * logical order. Shaping does not cross a space in the scripts laid out by word.
 */
export function layoutByWord(font: FontKey): boolean {
  return font !== 'arabic';
}

/** The pieces pdfkit lays out a run in: each word with the space or tab after it. */
function piecesOf(font: FontKey, text: string): string[] {
  if (!layoutByWord(font)) return [text];
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      pieces.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

interface Shaped {
  /** Advance width in font units (1000 per em after scaling below). */
  advance: number;
  spells: boolean;
}

const SHAPED = new RecurringMemo<Shaped>();

function shaped(document: DocumentMemo, font: FontKey, piece: string): Shaped {
  return SHAPED.get(document, `${font}\u0000${piece}`, () => {
    const run = shapedRun(document, font, piece);
    return {
      advance: (run.advanceWidth * 1000) / certificateFont(font).unitsPerEm,
      spells: run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('') === piece,
    };
  });
}

/** Width of a run at a font size, in points, as pdfkit will lay it out (see layoutByWord). */
export function runWidth(document: DocumentMemo, font: FontKey, text: string, size: number): number {
  let advance = 0;
  for (const piece of piecesOf(font, text)) advance += shaped(document, font, piece).advance;
  return (advance * size) / 1000;
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
