import type * as fontkit from 'fontkit';
import { fontFileLoads, NOTO, type FontKey, type LoadedFont } from '@aula/server/fonts';
import { RecurringMemo, type DocumentMemo } from './certificate-memo';

/**
 * The fonts certificates print with: the Noto fallback of @aula/server/fonts, which picks a face
 * per run of text by asking the fonts for glyphs. Each file is read and parsed once per process,
 * on first use: a certificate with a Latin name never loads the CJK fonts.
 */
export type { FontKey, LoadedFont };

const checked = new Set<FontKey>();

/** The parsed font of a face, loaded on first use and kept for the life of the process. */
export function certificateFont(key: FontKey): LoadedFont {
  const font = NOTO.font(key);
  if (!font) throw new Error(`the font of ${key} is not installed`);
  if (!checked.has(key)) {
    // fontForPdf shares shaped runs with pdfkit, which rescales them in place by 1000 / unitsPerEm.
    if (font.unitsPerEm !== 1000)
      throw new Error(`${NOTO.path(key)} has ${font.unitsPerEm} units per em; certificates need 1000`);
    checked.add(key);
  }
  return font;
}

const SHAPED = new RecurringMemo<fontkit.GlyphRun>();

/** The font's layout of `text`: shaped once per document, and once per process for recurring text. */
export function shapedRun(document: DocumentMemo, key: FontKey, text: string): fontkit.GlyphRun {
  return SHAPED.get(document, `${key}\u0000${text}`, () => certificateFont(key).layout(text));
}

/**
 * The font as handed to pdfkit for one document: the same parsed font, except that `layout` answers
 * from the shaping memo. pdfkit lays a run out twice (width, then glyphs) and would shape the
 * template's text anew for every document; shaping is most of a certificate's rendering time.
 *
 * The memo's run is handed over as it is, not copied (copies, made by the thousand per
 * certificate, outlived the young generation and grew the worker's old one). pdfkit scales a run's
 * positions in place by 1000 / unitsPerEm, which is the identity for these fonts: certificateFont
 * accepts only fonts of 1000 units per em.
 */
export function fontForPdf(document: DocumentMemo, key: FontKey): LoadedFont {
  const layout = (text: string): fontkit.GlyphRun => shapedRun(document, key, text);
  return new Proxy(certificateFont(key), {
    get(target, prop) {
      if (prop === 'layout') return layout;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** How many font files this process has parsed (each at most once). */
export function certificateFontLoads(): number {
  return fontFileLoads();
}
