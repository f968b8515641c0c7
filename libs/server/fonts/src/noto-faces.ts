import type { FontFace } from './font-fallback';

const npm = (family: string, file: string, weight: '400Regular' | '700Bold') =>
  ({ npm: `@expo-google-fonts/${family}/${weight}/${file}_${weight}.ttf` }) as const;
/** A face from the system's Noto fonts (the Debian package fonts-noto-core), by file name. */
const system = (file: string) => ({ system: `${file}.ttf` }) as const;
const core = (family: string, bold = true): Pick<FontFace, 'regular' | 'bold'> => ({
  regular: system(`${family}-Regular`),
  ...(bold ? { bold: system(`${family}-Bold`) } : {}),
});

/**
 * The Noto faces Aula prints names and text with, in the order they are tried. A character goes to
 * the first face that declares its script (Unicode Script_Extensions) and has a glyph for it;
 * punctuation, digits and spaces stay in the font of the text around them.
 *
 * Latin, Arabic, Devanagari and CJK come from npm packages (a fresh clone has them); the other
 * scripts from the system's fonts-noto-core (and rarer ideographs from fonts-noto-cjk), which
 * `npm start` and `npm test` install with apt-get. Every font has 1000 units per em.
 *
 * Not here, so drawn as missing glyphs: Mongolian (written vertically, which the PDF text layout
 * does not do), Adlam and Hanifi Rohingya (right-to-left scripts the shaper lays out left to
 * right), historic scripts, and emoji (no colour font).
 */
export const NOTO_FACES: readonly FontFace[] = [
  {
    id: 'latin',
    scripts: ['Latin', 'Greek', 'Cyrillic'],
    regular: npm('noto-sans', 'NotoSans', '400Regular'),
    bold: npm('noto-sans', 'NotoSans', '700Bold'),
    general: true,
  },
  {
    id: 'arabic',
    scripts: ['Arabic'],
    regular: npm('noto-naskh-arabic', 'NotoNaskhArabic', '400Regular'),
    bold: npm('noto-naskh-arabic', 'NotoNaskhArabic', '700Bold'),
    rtl: true,
  },
  { id: 'hebrew', scripts: ['Hebrew'], ...core('NotoSansHebrew'), rtl: true },
  {
    id: 'devanagari',
    scripts: ['Devanagari'],
    regular: npm('noto-sans-devanagari', 'NotoSansDevanagari', '400Regular'),
    bold: npm('noto-sans-devanagari', 'NotoSansDevanagari', '700Bold'),
    complex: true,
  },
  { id: 'bengali', scripts: ['Bengali'], ...core('NotoSansBengali'), complex: true },
  { id: 'gurmukhi', scripts: ['Gurmukhi'], ...core('NotoSansGurmukhi'), complex: true },
  { id: 'gujarati', scripts: ['Gujarati'], ...core('NotoSansGujarati'), complex: true },
  { id: 'oriya', scripts: ['Oriya'], ...core('NotoSansOriya'), complex: true },
  { id: 'tamil', scripts: ['Tamil'], ...core('NotoSansTamil'), complex: true },
  { id: 'telugu', scripts: ['Telugu'], ...core('NotoSansTelugu'), complex: true },
  { id: 'kannada', scripts: ['Kannada'], ...core('NotoSansKannada'), complex: true },
  { id: 'malayalam', scripts: ['Malayalam'], ...core('NotoSansMalayalam'), complex: true },
  { id: 'sinhala', scripts: ['Sinhala'], ...core('NotoSansSinhala'), complex: true },
  { id: 'tibetan', scripts: ['Tibetan'], ...core('NotoSerifTibetan'), complex: true },
  { id: 'thai', scripts: ['Thai'], ...core('NotoSansThai'), complex: true },
  { id: 'lao', scripts: ['Lao'], ...core('NotoSansLao'), complex: true },
  { id: 'khmer', scripts: ['Khmer'], ...core('NotoSansKhmer'), complex: true },
  { id: 'myanmar', scripts: ['Myanmar'], ...core('NotoSansMyanmar'), complex: true },
  { id: 'ethiopic', scripts: ['Ethiopic'], ...core('NotoSansEthiopic') },
  { id: 'georgian', scripts: ['Georgian'], ...core('NotoSansGeorgian') },
  { id: 'armenian', scripts: ['Armenian'], ...core('NotoSansArmenian') },
  {
    id: 'cjk',
    scripts: ['Han', 'Hiragana', 'Katakana', 'Bopomofo'],
    regular: npm('noto-sans-sc', 'NotoSansSC', '400Regular'),
    bold: npm('noto-sans-sc', 'NotoSansSC', '700Bold'),
  },
  {
    id: 'hangul',
    scripts: ['Hangul'],
    regular: npm('noto-sans-kr', 'NotoSansKR', '400Regular'),
    bold: npm('noto-sans-kr', 'NotoSansKR', '700Bold'),
  },
  {
    // The CJK ideographs beyond the set above (extension B and later, used in Hong Kong and
    // Taiwan names), from the system's fonts-noto-cjk collection.
    id: 'cjkExtended',
    scripts: ['Han'],
    regular: { system: 'NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKtc-Regular' },
    bold: { system: 'NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKtc-Bold' },
  },
  { id: 'syriac', scripts: ['Syriac'], ...core('NotoSansSyriac', false), rtl: true },
  { id: 'thaana', scripts: ['Thaana'], ...core('NotoSansThaana'), rtl: true },
  { id: 'nko', scripts: ['Nko'], ...core('NotoSansNKo', false), rtl: true },
  { id: 'tifinagh', scripts: ['Tifinagh'], ...core('NotoSansTifinagh', false) },
  { id: 'vai', scripts: ['Vai'], ...core('NotoSansVai', false) },
  { id: 'bamum', scripts: ['Bamum'], ...core('NotoSansBamum') },
  { id: 'olChiki', scripts: ['Ol_Chiki'], ...core('NotoSansOlChiki') },
  { id: 'meeteiMayek', scripts: ['Meetei_Mayek'], ...core('NotoSansMeeteiMayek'), complex: true },
  { id: 'chakma', scripts: ['Chakma'], ...core('NotoSansChakma', false), complex: true },
  { id: 'sylotiNagri', scripts: ['Syloti_Nagri'], ...core('NotoSansSylotiNagri', false), complex: true },
  { id: 'limbu', scripts: ['Limbu'], ...core('NotoSansLimbu', false), complex: true },
  { id: 'lepcha', scripts: ['Lepcha'], ...core('NotoSansLepcha', false), complex: true },
  { id: 'taiTham', scripts: ['Tai_Tham'], ...core('NotoSansTaiTham'), complex: true },
  { id: 'taiLe', scripts: ['Tai_Le'], ...core('NotoSansTaiLe', false) },
  { id: 'newTaiLue', scripts: ['New_Tai_Lue'], ...core('NotoSansNewTaiLue', false) },
  { id: 'taiViet', scripts: ['Tai_Viet'], ...core('NotoSansTaiViet', false) },
  { id: 'cham', scripts: ['Cham'], ...core('NotoSansCham'), complex: true },
  { id: 'javanese', scripts: ['Javanese'], ...core('NotoSansJavanese'), complex: true },
  { id: 'balinese', scripts: ['Balinese'], ...core('NotoSansBalinese'), complex: true },
  { id: 'sundanese', scripts: ['Sundanese'], ...core('NotoSansSundanese'), complex: true },
  { id: 'lisu', scripts: ['Lisu'], ...core('NotoSansLisu') },
  { id: 'yi', scripts: ['Yi'], ...core('NotoSansYi', false) },
  { id: 'cherokee', scripts: ['Cherokee'], ...core('NotoSansCherokee') },
  { id: 'canadian', scripts: ['Canadian_Aboriginal'], ...core('NotoSansCanadianAboriginal') },
  { id: 'osage', scripts: ['Osage'], ...core('NotoSansOsage', false) },
  // For signs and symbols that the fonts above lack (arrows, dingbats, mathematical letters).
  { id: 'symbols', scripts: [], ...core('NotoSansSymbols'), general: true },
  { id: 'symbols2', scripts: [], ...core('NotoSansSymbols2', false), general: true },
  { id: 'math', scripts: [], ...core('NotoSansMath', false), general: true },
];
