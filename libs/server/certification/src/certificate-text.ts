import { NOTO, textRuns, type TextRun } from '@aula/server/fonts';
import { certificateFont, shapedRun, type FontKey } from './certificate-fonts';
import { RecurringMemo, type DocumentMemo } from './certificate-memo';

export { visualOrder, type TextRun } from '@aula/server/fonts';

/**
 * Whether the shaped glyphs of a left-to-right run map back to exactly its text. Not so when the
 * shaper reorders (Indic scripts, Khmer, Myanmar) or decomposes (some Vietnamese letters)
 * characters, nor where marks are stacked by position (Thai, Lao), which extractors read out of
 * order: such runs need the text attached separately to stay extractable.
 */
export function glyphsSpell(document: DocumentMemo, font: FontKey, text: string): boolean {
  if (NOTO.familyOf(font).complex) return false;
  return piecesOf(font, text).every((piece) => shaped(document, font, piece).spells);
}

/**
 * Whether runs in this font are laid out word by word, as pdfkit does by default: each word is
 * shaped once per process and a line of a certificate's own text (a name, a date) costs only its
 * new words. Not right-to-left scripts (Arabic, Hebrew): such a run is laid out whole, or its
 * words would come out in logical order. Shaping does not cross a space in the scripts laid out
 * by word.
 */
export function layoutByWord(font: FontKey): boolean {
  return !NOTO.familyOf(font).rtl;
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
 * Splits a line into runs by font and bidi level (see textRuns): each character in a face that has
 * its glyph. Neutral characters (spaces, punctuation, digits, combining marks) take the font of the
 * text before them when it has the glyph, else of the text after, so "محمد علي" stays one
 * right-to-left run.
 */
export function segmentLine(document: DocumentMemo, text: string, bold = false): TextRun[] {
  if (!text) return [];
  return SEGMENTED.get(document, `${bold ? 1 : 0}${text}`, () => textRuns(NOTO, text, bold));
}
