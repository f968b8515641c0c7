import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Where a font comes from: an npm package's file, or a file of the system's fonts (of a
 * collection, the font of that PostScript name).
 */
export type FontFile =
  { readonly npm: string } | { readonly system: string; readonly postscriptName?: string };

/** One family of faces, tried for the scripts it declares. */
export interface FontFace {
  /** The key of its regular face; the bold face's key is `${id}Bold`. */
  readonly id: string;
  /** Unicode script names (as in \p{Script_Extensions=…}) the family is the font for. */
  readonly scripts: readonly string[];
  readonly regular: FontFile;
  /** Without one (or without its file), bold text prints in the regular face. */
  readonly bold?: FontFile;
  /** Its scripts are right to left: fontkit lays a run of them out in visual order itself. */
  readonly rtl?: boolean;
  /**
   * Complex shaping (characters reordered, merged, or marks stacked by position), so that a text
   * extractor does not read a run's glyphs back as its text: the text must go along (ActualText).
   */
  readonly complex?: boolean;
  /** Tried for characters of no family's script, after the families that declare them. */
  readonly general?: boolean;
}

/** A face: a family's id, or its id + "Bold". */
export type FontKey = string;

/** A piece of text and the face to print it in. */
export interface FontRun {
  text: string;
  font: FontKey;
}

export type LoadedFont = fontkit.Font;

/** The system folders searched for `system` font files, in order (Debian's first). */
export const SYSTEM_FONT_DIRS: readonly string[] = [
  '/usr/share/fonts/truetype/noto',
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto',
  '/usr/share/fonts/google-noto',
  '/usr/local/share/fonts/noto',
];

/** Parsed font files of the process, by path: each read and parsed once, shared by every fallback. */
const parsed = new Map<string, LoadedFont>();
let fileLoads = 0;

/** How many font files this process has parsed (each at most once). */
export function fontFileLoads(): number {
  return fileLoads;
}

function parse(path: string, postscriptName: string | undefined): LoadedFont {
  const key = postscriptName ? `${path}#${postscriptName}` : path;
  let font = parsed.get(key);
  if (!font) {
    const result = fontkit.create(readFileSync(path), postscriptName);
    if (!result || !('layout' in result)) throw new Error(`${key} is not a font`);
    font = result;
    parsed.set(key, font);
    fileLoads++;
  }
  return font;
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/** How a code point picks its face. */
interface CodePointClass {
  /** ignorable: invisible (joiners, variation selectors), kept with its neighbours, drawn as nothing. */
  kind: 'ignorable' | 'neutral' | 'script';
  /** Families declaring the code point's scripts, in order. */
  families: number[];
}

interface Face {
  key: FontKey;
  family: number;
  file: FontFile;
}

/**
 * Chooses, for each character of a text, a face that has a glyph for it, asking the fonts
 * themselves (fontkit's hasGlyphForCodePoint): letters go to the first family declaring their
 * script that has the glyph, else to the first general family that has it; spaces, punctuation,
 * digits and combining marks stay in the face of the text before them (else after them) when it
 * has them, so a name in one script stays one run and shapes as one.
 *
 * Font files are read and parsed once per process, on first need: Latin text never loads the CJK
 * fonts. Each code point's choice is worked out once per process.
 */
export class FontFallback {
  private readonly faces = new Map<FontKey, Face>();
  private readonly scriptTests: (RegExp | null)[];
  private readonly general: number[];
  private readonly classes = new Map<number, CodePointClass>();
  /** Per code point, regular and bold: the face chosen without context, or null (none has it). */
  private readonly chosen = [new Map<number, FontKey | null>(), new Map<number, FontKey | null>()];
  private readonly resolved = new Map<FontKey, string | null>();
  private readonly warned = new Set<string>();

  private readonly systemDirs: readonly string[];
  private readonly warn: (message: string) => void;

  /**
   * `systemDirs`: where `system` files are looked for; `warn`: told once of each missing file
   * (default: a process warning).
   */
  constructor(
    readonly families: readonly FontFace[],
    options: { systemDirs?: readonly string[]; warn?: (message: string) => void } = {},
  ) {
    this.systemDirs = options.systemDirs ?? SYSTEM_FONT_DIRS;
    this.warn = options.warn ?? ((message) => process.emitWarning(message, { code: 'AULA_FONT_MISSING' }));
    if (!families.length) throw new Error('a font fallback needs at least one family');
    families.forEach((family, i) => {
      this.faces.set(family.id, { key: family.id, family: i, file: family.regular });
      if (family.bold)
        this.faces.set(`${family.id}Bold`, { key: `${family.id}Bold`, family: i, file: family.bold });
    });
    this.scriptTests = families.map((f) =>
      f.scripts.length ? new RegExp(`^[${f.scripts.map((s) => `\\p{scx=${s}}`).join('')}]$`, 'u') : null,
    );
    this.general = families.flatMap((f, i) => (f.general ? [i] : []));
  }

  /** The family a face belongs to. */
  familyOf(key: FontKey): FontFace {
    const face = this.faces.get(key);
    if (!face) throw new Error(`no font face ${key}`);
    return this.families[face.family];
  }

  /** The face of a family for regular or bold text: bold only where its file is there. */
  faceKey(family: number, bold: boolean): FontKey {
    const id = this.families[family].id;
    return bold && this.faces.has(`${id}Bold`) && this.path(`${id}Bold`) ? `${id}Bold` : id;
  }

  /** The base face of unassigned text: the first family's. */
  baseKey(bold: boolean): FontKey {
    return this.faceKey(0, bold);
  }

  /** The file of a face, or null when it is not on this machine (warned once). */
  path(key: FontKey): string | null {
    if (this.resolved.has(key)) return this.resolved.get(key) ?? null;
    const face = this.faces.get(key);
    if (!face) throw new Error(`no font face ${key}`);
    let path: string | null;
    if ('npm' in face.file) {
      try {
        path = require.resolve(face.file.npm);
      } catch {
        path = null;
      }
    } else {
      const name = face.file.system;
      path = this.systemDirs.map((dir) => join(dir, name)).find((file) => existsSync(file)) ?? null;
    }
    if (!path) this.warnMissing(face);
    this.resolved.set(key, path);
    return path;
  }

  private warnMissing(face: Face): void {
    const name = 'npm' in face.file ? face.file.npm : face.file.system;
    if (this.warned.has(name)) return;
    this.warned.add(name);
    const hint =
      'npm' in face.file ? 'run npm ci' : 'install the Noto fonts (Debian: fonts-noto-core, fonts-noto-cjk)';
    this.warn(`font ${name} is missing: text in its scripts prints as empty boxes (${hint})`);
  }

  /** The parsed font of a face (read on first use, once per process), or null when its file is missing. */
  font(key: FontKey): LoadedFont | null {
    const path = this.path(key);
    if (!path) return null;
    const file = (this.faces.get(key) as Face).file;
    return parse(path, 'system' in file ? file.postscriptName : undefined);
  }

  /** Whether the face's font has a glyph for the code point (false when the font is missing). */
  hasGlyph(key: FontKey, codePoint: number): boolean {
    return this.font(key)?.hasGlyphForCodePoint(codePoint) ?? false;
  }

  private classOf(codePoint: number): CodePointClass {
    let found = this.classes.get(codePoint);
    if (!found) {
      const ch = String.fromCodePoint(codePoint);
      const families: number[] = [];
      this.scriptTests.forEach((test, i) => {
        if (test?.test(ch)) families.push(i);
      });
      const kind = IGNORABLE.test(ch) ? 'ignorable' : NEUTRAL.test(ch) ? 'neutral' : 'script';
      found = { kind, families };
      this.classes.set(codePoint, found);
    }
    return found;
  }

  /**
   * The face for a code point out of context: the first declaring family with the glyph, else the
   * first general one with it; null when no font has it.
   */
  choose(codePoint: number, bold = false): FontKey | null {
    const memo = this.chosen[bold ? 1 : 0];
    let key = memo.get(codePoint);
    if (key === undefined) {
      key = null;
      const { families } = this.classOf(codePoint);
      for (const family of [...families, ...this.general.filter((g) => !families.includes(g))]) {
        const candidate = this.faceKey(family, bold);
        if (this.hasGlyph(candidate, codePoint)) {
          key = candidate;
          break;
        }
      }
      memo.set(codePoint, key);
    }
    return key;
  }

  /** Splits text into runs by face, in logical order (see the class). Empty text gives no runs. */
  runs(text: string, bold = false): FontRun[] {
    const cps: number[] = [];
    const starts: number[] = [];
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i) as number;
      cps.push(cp);
      starts.push(i);
      i += cp > 0xffff ? 2 : 1;
    }
    const n = cps.length;
    const fonts: (FontKey | null)[] = new Array<FontKey | null>(n).fill(null);
    // Letters first: a letter stays in the face of the letter before it when that face is one of
    // its script's and has it (Han after kana stays in the Japanese run's face).
    let previous: FontKey | null = null;
    for (let i = 0; i < n; i++) {
      const cls = this.classOf(cps[i]);
      if (cls.kind !== 'script') continue;
      const keep =
        previous !== null &&
        cls.families.includes(this.faces.get(previous)?.family ?? -1) &&
        this.hasGlyph(previous, cps[i]);
      fonts[i] = keep ? previous : this.choose(cps[i], bold);
      previous = fonts[i] ?? previous;
    }
    // Then neutrals: the face before them, else after them, when it has the glyph.
    for (let i = 0; i < n; i++) {
      const cls = this.classOf(cps[i]);
      if (cls.kind !== 'neutral') continue;
      const before = i > 0 ? fonts[i - 1] : null;
      if (before && this.hasGlyph(before, cps[i])) {
        fonts[i] = before;
        continue;
      }
      let after: FontKey | null = null;
      for (let j = i + 1; j < n && !after; j++) if (this.classOf(cps[j]).kind === 'script') after = fonts[j];
      fonts[i] = after && this.hasGlyph(after, cps[i]) ? after : this.choose(cps[i], bold);
    }
    // Invisible characters (joiners) go with their neighbours: the shaper draws them as nothing.
    for (let i = 0; i < n; i++) {
      if (this.classOf(cps[i]).kind !== 'ignorable') continue;
      fonts[i] = (i > 0 ? fonts[i - 1] : null) ?? fonts.slice(i + 1).find((f) => f) ?? null;
    }
    const base = this.baseKey(bold);
    const runs: FontRun[] = [];
    for (let i = 0; i < n; i++) {
      const font = fonts[i] ?? base;
      const piece = text.slice(starts[i], i + 1 < n ? starts[i + 1] : text.length);
      const last = runs[runs.length - 1];
      if (last && last.font === font) last.text += piece;
      else runs.push({ text: piece, font });
    }
    return runs;
  }

  /**
   * The code points of `text` that print as a missing glyph (.notdef), each with the face it is
   * drawn in: those no font has, invisible characters aside.
   */
  missingGlyphs(text: string, bold = false): { codePoint: number; font: FontKey }[] {
    const missing: { codePoint: number; font: FontKey }[] = [];
    for (const run of this.runs(text, bold)) {
      for (const ch of run.text) {
        const cp = ch.codePointAt(0) as number;
        if (this.classOf(cp).kind !== 'ignorable' && !this.hasGlyph(run.font, cp))
          missing.push({ codePoint: cp, font: run.font });
      }
    }
    return missing;
  }
}
