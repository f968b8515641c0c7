import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { RecurringMemo, type DocumentMemo } from './certificate-memo';

/**
 * The fonts certificates print with, chosen per run of text by its script. Noto families from
 * npm packages, so a fresh clone renders the same as production. Each file is read and parsed
 * once per process, on first use: a certificate with a Latin name never loads the CJK fonts.
 */
export const CERTIFICATE_FONTS = {
  /** Latin (with Vietnamese), Greek, Cyrillic. */
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
  devanagari: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
  /** Han, kana (Chinese and Japanese names). */
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  /** Hangul (Korean names; also carries Hanja). */
  hangul: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
} as const;
export type FontKey = keyof typeof CERTIFICATE_FONTS;

export type LoadedFont = fontkit.Font;

const loaded = new Map<FontKey, LoadedFont>();
let loads = 0;

/** The parsed font, loaded on first use and kept for the life of the process. */
export function certificateFont(key: FontKey): LoadedFont {
  let font = loaded.get(key);
  if (!font) {
    const file = require.resolve(CERTIFICATE_FONTS[key]);
    const parsed = fontkit.create(readFileSync(file));
    if (!('layout' in parsed)) throw new Error(`${file} is a font collection, not a font`);
    // fontForPdf shares shaped runs with pdfkit, which rescales them in place by 1000 / unitsPerEm.
    if (parsed.unitsPerEm !== 1000) throw new Error(`${file} has ${parsed.unitsPerEm} units per em; certificates need 1000`);
    font = parsed;
    loaded.set(key, font);
    loads++;
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
  return loads;
}

/** The script class of a code point that decides its font; null for neutrals (spaces, punctuation, digits, marks). */
export function scriptFontOf(codePoint: number, bold = false): FontKey | null {
  const c = codePoint;
  if (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  ) {
    // Arabic digits are neutral like other digits: they follow the text around them.
    return c >= 0x0660 && c <= 0x0669 ? null : 'arabic';
  }
  if ((c >= 0x0900 && c <= 0x097f) || (c >= 0xa8e0 && c <= 0xa8ff) || (c >= 0x1cd0 && c <= 0x1cff))
    return c >= 0x0966 && c <= 0x096f ? null : 'devanagari';
  if (
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xac00 && c <= 0xd7ff)
  )
    return 'hangul';
  if (
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0x3000 && c <= 0x30ff) ||
    (c >= 0x3100 && c <= 0x312f) ||
    (c >= 0x31a0 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x20000 && c <= 0x3ffff)
  ) {
    return 'cjk';
  }
  if (/\p{L}/u.test(String.fromCodePoint(c))) return bold ? 'latinBold' : 'latin';
  return null;
}

/** Fonts tried, in order, for a character its script font lacks. */
const FALLBACK: FontKey[] = ['latin', 'arabic', 'devanagari', 'cjk', 'hangul'];

/** A font that has a glyph for the code point (the script's own first), or the script's font anyway. */
export function fontFor(codePoint: number, preferred: FontKey): FontKey {
  if (certificateFont(preferred).hasGlyphForCodePoint(codePoint)) return preferred;
  for (const key of FALLBACK) {
    if (key !== preferred && certificateFont(key).hasGlyphForCodePoint(codePoint)) return key;
  }
  return preferred;
}
