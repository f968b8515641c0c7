import { FontFallback, fontFileLoads } from './font-fallback';
import { NOTO } from './index';
import { NOTO_FACES } from './noto-faces';
import { laidOutRightToLeft, textRuns, visualOrder } from './text-runs';

/**
 * Names in each script, with the family its letters must print in. The fonts are asked for every
 * code point: none may be drawn with a missing glyph (.notdef, glyph id 0).
 */
const NAMES: [script: string, family: string, names: string[]][] = [
  ['Latin', 'latin', ['José María Peña Muñoz', 'Łukasz Żółć', 'Øyvind Ærø']],
  // Precomposed and decomposed (base letter + combining marks) Vietnamese.
  ['Vietnamese', 'latin', ['Nguyễn Thị Hằng', 'Trần Văn Đức', 'Nguyễn Thị Hằng'.normalize('NFD')]],
  ['Greek', 'latin', ['Ελένη Παπαδοπούλου']],
  ['Cyrillic', 'latin', ['Анна Сергеевна Иванова', 'Ґанна Їжакевич']],
  // Persian with a zero-width non-joiner.
  ['Arabic', 'arabic', ['محمد بن عبد الله', 'فاطمه‌زهرا رضایی']],
  ['Hebrew', 'hebrew', ['שרה לוי', 'דוד בן־גוריון']],
  ['Devanagari', 'devanagari', ['अनुराधा शर्मा', 'श्रीनिवास रामानुजन्']],
  ['Bengali', 'bengali', ['রবীন্দ্রনাথ ঠাকুর']],
  ['Tamil', 'tamil', ['முத்துலட்சுமி ரெட்டி']],
  ['Thai', 'thai', ['สมชาย ใจดี', 'ประยุทธ์ จันทร์โอชา', 'น้ำฝน']],
  ['Lao', 'lao', ['ສົມພອນ ວົງສາ', 'ຄຳສິງ']],
  ['Khmer', 'khmer', ['សុខ ចាន់ថា', 'ស្រីពេជ្រ']],
  ['Myanmar', 'myanmar', ['အောင်ဆန်းစုကြည်']],
  ['Ethiopic', 'ethiopic', ['አበበ ቢቂላ', 'ጥሩወርቅ ተስፋዬ']],
  ['Georgian', 'georgian', ['ნინო ბერიძე']],
  ['Armenian', 'armenian', ['Արամ Խաչատրյան']],
  ['Han', 'cjk', ['王秀英', '陳美玲']],
  // Beyond the Chinese set of the npm font: an extension B ideograph of Hong Kong names.
  ['Han extension B', 'cjkExtended', ['𠀋']],
  ['Hangul', 'hangul', ['김민준', '이서연']],
  ['Kana', 'cjk', ['やまだ はなこ', 'ヤマダ タロウ']],
  ['Gujarati', 'gujarati', ['નરેન્દ્ર પટેલ']],
  ['Gurmukhi', 'gurmukhi', ['ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ']],
  ['Telugu', 'telugu', ['వెంకటేశ్వర రావు']],
  ['Kannada', 'kannada', ['ಕುವೆಂಪು']],
  ['Malayalam', 'malayalam', ['മോഹൻലാൽ']],
  ['Oriya', 'oriya', ['ବିଜୁ ପଟ୍ଟନାୟକ']],
  ['Sinhala', 'sinhala', ['කුමාර සංගක්කාර']],
  ['Tibetan', 'tibetan', ['བསྟན་འཛིན་རྒྱ་མཚོ']],
  ['Syriac', 'syriac', ['ܐܦܪܝܡ']],
  ['Thaana', 'thaana', ['މުޙައްމަދު']],
  ['Nko', 'nko', ['ߛߎߟߊߡߊ߲']],
  ['Tifinagh', 'tifinagh', ['ⵜⴰⵎⴰⵣⵉⵖⵜ']],
  ['Vai', 'vai', ['ꕙꔤ']],
  ['Cherokee', 'cherokee', ['ᏌᏊ ᎤᏍᏗ']],
  ['Canadian_Aboriginal', 'canadian', ['ᐃᓄᒃᑎᑐᑦ']],
  ['Yi', 'yi', ['ꆈꌠ']],
];

const CASES = NAMES.flatMap(([script, family, names]) =>
  names.flatMap((name) => [
    { script, family, name, bold: false },
    { script, family, name, bold: true },
  ]),
);

/** Every code point of every run, with the glyph ids the run is shaped into. */
function drawn(name: string, bold: boolean) {
  return NOTO.runs(name, bold).map((run) => {
    const font = NOTO.font(run.font);
    if (!font) throw new Error(`${run.font} (for ${JSON.stringify(run.text)}) is not installed`);
    return { run, font, glyphs: font.layout(run.text).glyphs };
  });
}

describe('Noto font fallback', () => {
  // First, while this process has parsed no font: Latin text needs only the Latin face.
  it('parses only the fonts a text needs, each once per process', () => {
    expect(fontFileLoads()).toBe(0);
    NOTO.runs('José Peña, 2026');
    expect(fontFileLoads()).toBe(1);
    NOTO.runs('สมชาย ใจดี');
    expect(fontFileLoads()).toBe(2);
    NOTO.runs('สมชาย José');
    NOTO.runs('ใจดี Peña');
    expect(fontFileLoads()).toBe(2);
  });

  it.each(CASES)(
    'prints the $script name $name (bold: $bold) with a glyph for every character',
    ({ name, bold }) => {
      for (const { run, font, glyphs } of drawn(name, bold)) {
        for (const ch of run.text) {
          const cp = ch.codePointAt(0) as number;
          if (/\p{Default_Ignorable_Code_Point}/u.test(ch)) continue;
          // Asked of the font itself, not of the fallback's own bookkeeping.
          expect({ ch, cp: cp.toString(16), font: run.font, has: font.hasGlyphForCodePoint(cp) }).toEqual({
            ch,
            cp: cp.toString(16),
            font: run.font,
            has: true,
          });
        }
        // And the shaped glyphs: no .notdef.
        expect({ text: run.text, notdef: glyphs.filter((g) => g.id === 0).length }).toEqual({
          text: run.text,
          notdef: 0,
        });
      }
      expect(NOTO.missingGlyphs(name, bold)).toEqual([]);
    },
  );

  it.each(NAMES)(
    'prints %s letters in the %s family, in bold where it has a bold face',
    (_script, family, names) => {
      for (const name of names) {
        for (const bold of [false, true]) {
          const letters = NOTO.runs(name, bold).filter((r) => /\p{L}/u.test(r.text));
          const familyFace = NOTO_FACES.find((f) => f.id === family);
          const expected = bold && familyFace?.bold ? `${family}Bold` : family;
          expect(letters.map((r) => r.font)).toEqual(letters.map(() => expected));
        }
      }
    },
  );

  it('keeps a name in one script as one run, spaces and punctuation included', () => {
    expect(NOTO.runs('สมชาย ใจดี')).toEqual([{ text: 'สมชาย ใจดี', font: 'thai' }]);
    // The Thai face has no brackets: they come from the Latin one.
    expect(NOTO.runs('ใจดี (ไทย)')).toEqual([
      { text: 'ใจดี ', font: 'thai' },
      { text: '(', font: 'latin' },
      { text: 'ไทย', font: 'thai' },
      { text: ')', font: 'latin' },
    ]);
    expect(NOTO.runs('አበበ ቢቂላ')).toEqual([{ text: 'አበበ ቢቂላ', font: 'ethiopic' }]);
    // Combining marks stay with their base letter.
    expect(NOTO.runs('Nguyễn'.normalize('NFD'), true)).toEqual([
      { text: 'Nguyễn'.normalize('NFD'), font: 'latinBold' },
    ]);
  });

  it('splits a mixed-script name by font, neutrals going with the text before them', () => {
    expect(NOTO.runs('María สมชาย 王 김민준')).toEqual([
      { text: 'María ', font: 'latin' },
      { text: 'สมชาย ', font: 'thai' },
      { text: '王 ', font: 'cjk' },
      { text: '김민준', font: 'hangul' },
    ]);
    // Japanese: Han after kana stays in the same face, the ideographic space too.
    expect(NOTO.runs('やまだ　花子')).toEqual([{ text: 'やまだ　花子', font: 'cjk' }]);
  });

  it('draws what no font has in the base face, and says so', () => {
    // A private-use character and an emoji: no Noto face here has them.
    expect(NOTO.missingGlyphs('Ana \ue000', true)).toEqual([{ codePoint: 0xe000, font: 'latinBold' }]);
    expect(NOTO.runs('\ue000', false)).toEqual([{ text: '\ue000', font: 'latin' }]);
  });

  it('prints a script whose font file is missing as missing glyphs, and warns once', () => {
    const warnings: string[] = [];
    const bare = new FontFallback(NOTO_FACES, {
      systemDirs: ['/nonexistent/fonts'],
      warn: (message) => warnings.push(message),
    });
    expect(bare.runs('Ana สมชาย')).toEqual([{ text: 'Ana สมชาย', font: 'latin' }]);
    expect(bare.missingGlyphs('สมชาย')).toHaveLength(5);
    bare.runs('ใจดี');
    expect(warnings.filter((w) => w.includes('NotoSansThai-Regular.ttf'))).toHaveLength(1);
    // The npm faces are there all the same.
    expect(bare.runs('王')).toEqual([{ text: '王', font: 'cjk' }]);
  });

  describe('bidi runs', () => {
    it('gives right-to-left runs odd levels and paints them in visual order', () => {
      const runs = textRuns(NOTO, 'María שרה לוי José');
      expect(runs.map((r) => [r.text, r.font, r.level])).toEqual([
        ['María ', 'latin', 0],
        ['שרה לוי', 'hebrew', 1],
        [' ', 'hebrew', 0],
        ['José', 'latin', 0],
      ]);
      expect(visualOrder(runs).map((r) => r.text)).toEqual(['María ', 'שרה לוי', ' ', 'José']);
      // In a left-to-right line, right-to-left words keep their places around a Latin one.
      const mixed = visualOrder(textRuns(NOTO, 'שרה (Ana) לוי'));
      expect(mixed.map((r) => r.text)).toEqual(['שרה', ' ', '(Ana) ', 'לוי']);
    });

    it('knows which runs the font engine lays out right to left itself', () => {
      expect(laidOutRightToLeft('שרה')).toBe(true);
      expect(laidOutRightToLeft('(محمد)')).toBe(true);
      expect(laidOutRightToLeft(' (')).toBe(false);
      expect(laidOutRightToLeft('สมชาย')).toBe(false);
    });
  });
});
