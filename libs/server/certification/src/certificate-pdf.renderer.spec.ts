import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateFontLoads } from './certificate-fonts';
import { CertificatePdfRenderer, type CertificateContent } from './certificate-pdf.renderer';
import { DEFAULT_CERTIFICATE_TEMPLATE } from './certificate-template';
import { sampleJpeg, samplePng } from './testing/template-images';

// Needs poppler-utils (pdftotext, pdftoppm) and qpdf: npm test installs them.
jest.setTimeout(60_000);

beforeAll(() => {
  for (const tool of ['pdftotext', 'pdftoppm', 'qpdf']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(`${tool} is missing: apt-get install poppler-utils qpdf`, { cause: e });
    }
  }
});

const dir = mkdtempSync(join(tmpdir(), 'aula-certificate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const renderer = new CertificatePdfRenderer();

function content(over: Partial<CertificateContent> = {}): CertificateContent {
  return {
    code: '7K3QX9M2VT8RWB4N6J1HZC5YFD',
    verifyUrl: 'https://aula.example/verify/7K3QX9M2VT8RWB4N6J1HZC5YFD',
    locale: 'en',
    timeZone: 'America/Bogota',
    holderName: 'Ana',
    course: 'Integrated regional development management',
    cohort: 'Bogotá 2026-1',
    startDate: '2026-02-02',
    endDate: '2026-05-29',
    completedAt: new Date('2026-05-20T15:00:00Z'),
    issuedAt: new Date('2026-05-21T02:30:00Z'),
    expiresAt: null,
    hours: 40,
    grade: '87%',
    heading: 'Regional development programme',
    issuerName: 'Aula',
    ...over,
  };
}

let counter = 0;
async function renderToFile(
  c: CertificateContent,
  template = DEFAULT_CERTIFICATE_TEMPLATE,
  images: Parameters<CertificatePdfRenderer['render']>[2] = {},
) {
  const bytes = await renderer.render(c, template, images);
  const path = join(dir, `${++counter}.pdf`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

/** Extracted text, NFC, without bidi marks, whitespace collapsed. */
function extract(path: string): string {
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return raw
    .normalize('NFC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');
}

function qpdfCheck(path: string): string {
  // qpdf exits 0 when the file is clean, 3 with warnings, 2 with errors: execFileSync throws on non-zero.
  return execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
}

/**
 * Names in every script the programme's trainees write. pdftotext must give each back:
 * - Latin (Vietnamese included), Greek, Cyrillic, CJK: the glyphs map to the characters.
 * - Devanagari and Vietnamese letters drawn as base + mark: ActualText carries the logical text.
 * - Arabic: glyphs are painted in visual order; pdftotext puts right-to-left text back in logical
 *   order, which is what we check. Other extractors may differ; the joined forms and the visual
 *   order are checked by eye (pdftoppm), not here.
 */
const NAMES: Record<string, string> = {
  vietnamese: 'Nguyễn Thị Hằng',
  latin: 'José María Peña Muñoz',
  greek: 'Ελένη Παπαδοπούλου',
  cyrillic: 'Анна Сергеевна Иванова',
  chinese: '王秀英',
  japanese: '山田 はなこ',
  korean: '김민준',
  arabic: 'محمد بن عبد الله',
  devanagari: 'अनुराधा शर्मा',
  hebrew: 'שרה לוי',
  thai: 'สมชาย ใจดี',
  lao: 'ສົມພອນ ວົງສາ',
  ethiopic: 'አበበ ቢቂላ',
  georgian: 'ნინო ბერიძე',
  armenian: 'Արամ Խաչատրյան',
};

describe('certificate PDF', () => {
  it.each(Object.entries(NAMES))(
    'prints a %s name so that it can be extracted, in a valid PDF under 100 KB',
    async (_script, name) => {
      const { path, bytes } = await renderToFile(content({ holderName: name }));
      expect(extract(path)).toContain(name.normalize('NFC'));
      expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
      expect(bytes.length).toBeLessThan(100 * 1024);
    },
  );

  it('keeps a mixed-script line in logical order around a right-to-left word', async () => {
    const { path } = await renderToFile(content({ holderName: 'María محمد José' }));
    expect(extract(path)).toMatch(/María ?محمد ?José/);
  });

  it('prints dates and text in the trainee language, dates in the cohort time zone', async () => {
    const es = extract((await renderToFile(content({ locale: 'es' }))).path);
    expect(es).toContain('Certificado de finalización');
    expect(es).toContain('del 2 de febrero de 2026 al 29 de mayo de 2026');
    // 02:30 UTC on the 21st is still the 20th in Bogotá.
    expect(es).toContain('Emitido el 20 de mayo de 2026');
    const pt = extract((await renderToFile(content({ locale: 'pt' }))).path);
    expect(pt).toContain('Certificado de conclusão');
    expect(pt).toContain('2 de fevereiro de 2026');
    const en = extract((await renderToFile(content({ locale: 'en' }))).path);
    expect(en).toContain('February 2, 2026');
  });

  it('leaves out paragraphs whose placeholder has no value (hours, grade, expiry)', async () => {
    const without = extract((await renderToFile(content({ hours: null, grade: null }))).path);
    expect(without).not.toContain('Workload');
    expect(without).not.toContain('Final grade');
    expect(without).not.toContain('Valid until');
    const withAll = extract(
      (await renderToFile(content({ expiresAt: new Date('2028-01-31T12:00:00Z') }))).path,
    );
    expect(withAll).toContain('Workload: 40 hours.');
    expect(withAll).toContain('Final grade: 87%.');
    expect(withAll).toContain('Valid until January 31, 2028.');
  });

  it('prints the code and the verification address, and links it', async () => {
    const { path, bytes } = await renderToFile(content());
    const text = extract(path);
    expect(text).toContain('7K3QX9M2VT8RWB4N6J1HZC5YFD');
    expect(text).toContain('https://aula.example/verify/7K3QX9M2VT8RWB4N6J1HZC5YFD');
    expect(bytes.toString('latin1')).toContain(
      '/URI (https://aula.example/verify/7K3QX9M2VT8RWB4N6J1HZC5YFD)',
    );
  });

  it('renders portrait templates and wraps a long course title instead of running off the page', async () => {
    const course =
      'Gestión integrada del desarrollo regional con enfoque territorial, participación ciudadana y cooperación Sur-Sur entre regiones de América Latina, Asia y África';
    const { path } = await renderToFile(content({ course, locale: 'es' }), {
      ...DEFAULT_CERTIFICATE_TEMPLATE,
      orientation: 'portrait',
    });
    expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
    expect(extract(path)).toContain('cooperación Sur-Sur');
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
  });

  it('wraps a long Thai course title, written without spaces, between its words', async () => {
    const course = 'การพัฒนาภูมิภาคแบบบูรณาการ'.repeat(5);
    const { path } = await renderToFile(content({ course }));
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    const lines = raw
      .split('\n')
      .map((l) => l.replace(/[^\p{Script=Thai}]/gu, ''))
      .filter(Boolean);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(course);
    const boundaries = new Set(
      Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(course), (s) => s.index),
    );
    let offset = 0;
    for (const line of lines.slice(0, -1)) {
      offset += line.length;
      expect({ line, breaksBetweenWords: boundaries.has(offset) }).toEqual({
        line,
        breaksBetweenWords: true,
      });
    }
  });

  it('embeds subsets: a certificate with a Chinese name stays small although the font file is 10 MB', async () => {
    const { bytes } = await renderToFile(content({ holderName: '王秀英' }));
    expect(bytes.length).toBeLessThan(100 * 1024);
  });

  it('gives the same bytes for the same certificate (reproducible content hash)', async () => {
    const a = await renderer.render(content({ holderName: 'Ελένη' }));
    const b = await renderer.render(content({ holderName: 'Ελένη' }));
    expect(a.equals(b)).toBe(true);
  });

  it('loads each font file once per process', async () => {
    const before = certificateFontLoads();
    await renderer.render(content({ holderName: '김민준 محمد अनुराधा 王' }));
    await renderer.render(content({ holderName: '김민준 محمد अनुराधा 王' }));
    expect(certificateFontLoads()).toBe(before);
  });

  /**
   * The page as pixels: a name must print as glyphs, not as the empty boxes of a missing glyph
   * (which still extract as text). Each name is compared with the same page where every character
   * of the name is one that no font has (a private-use one), which prints as boxes: the pages must
   * differ where the name is, and only there.
   */
  describe('names drawn with real glyphs', () => {
    /** The page rendered at 72 dpi (one pixel per point), grey. */
    function raster(path: string): { width: number; height: number; pixels: Buffer } {
      const prefix = path.replace(/\.pdf$/, '');
      execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', path, prefix]);
      const pgm = readFileSync(`${prefix}.pgm`);
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
      if (!header) throw new Error('pdftoppm did not write a PGM image');
      const [all, width, height] = header;
      return { width: Number(width), height: Number(height), pixels: pgm.subarray(all.length) };
    }

    /** Pixels that differ clearly between two renderings, in rows [top, bottom) and outside them. */
    function differences(
      a: ReturnType<typeof raster>,
      b: ReturnType<typeof raster>,
      top: number,
      bottom: number,
    ) {
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      let inside = 0;
      let outside = 0;
      for (let i = 0; i < a.pixels.length; i++) {
        if (Math.abs(a.pixels[i] - b.pixels[i]) < 64) continue;
        const row = Math.floor(i / a.width);
        if (row >= top && row < bottom) inside++;
        else outside++;
      }
      return { inside, outside };
    }

    /** Dark pixels in rows [top, bottom). */
    function ink(image: ReturnType<typeof raster>, top: number, bottom: number): number {
      let dark = 0;
      for (let i = top * image.width; i < bottom * image.width; i++) if (image.pixels[i] < 128) dark++;
      return dark;
    }

    // The name's baseline on the default (landscape) page, at 30 pt: glyphs rise up to 34 pt above it
    // and descend up to 10 below (the rule under the name is 12 below).
    const NAME_TOP = 222 - 34;
    const NAME_BOTTOM = 222 + 10;
    const boxes = (name: string) => name.replace(/\S/gu, '\ue000');

    it.each([
      ['Thai', 'สมชาย ใจดี', 'ประยุทธ์ จันทร์โอชา'],
      ['Amharic', 'አበበ ቢቂላ', 'ጥሩወርቅ ተስፋዬ'],
      ['Hindi', 'अनुराधा शर्मा', 'श्रीनिवास रामानुजन्'],
      ['Chinese', '王秀英', '陳美玲'],
    ])('prints a %s name as glyphs, not empty boxes', async (_script, name, other) => {
      const page = raster((await renderToFile(content({ holderName: name }))).path);
      const boxed = raster((await renderToFile(content({ holderName: boxes(name) }))).path);
      const another = raster((await renderToFile(content({ holderName: other }))).path);
      expect(ink(page, NAME_TOP, NAME_BOTTOM)).toBeGreaterThan(100);
      // The boxes print where the name does, and nowhere else on the page differs.
      const fromBoxes = differences(page, boxed, NAME_TOP, NAME_BOTTOM);
      expect(fromBoxes.outside).toBe(0);
      expect(fromBoxes.inside).toBeGreaterThan(100);
      // Two names of one script look different.
      expect(differences(page, another, NAME_TOP, NAME_BOTTOM).inside).toBeGreaterThan(100);
    });
  });

  describe('template images', () => {
    const template = {
      ...DEFAULT_CERTIFICATE_TEMPLATE,
      signatories: [
        { name: 'Mariana Gómez', title: { en: 'Coordinator' } },
        { name: 'João Conceição', title: { en: 'Tutor' } },
      ],
    };

    function imagesIn(path: string): string[] {
      return execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((l) => l.trim());
    }

    it('draws logo and signatures (PNG with transparency, JPEG) and stays small and valid', async () => {
      const { path, bytes } = await renderToFile(content(), template, {
        logo: samplePng(300, 80, { alpha: true }),
        signatures: [sampleJpeg(), samplePng(200, 60)],
      });
      expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
      const listed = imagesIn(path);
      // The logo (with its soft mask), two signatures.
      const types = listed.map((l) => l.trim().split(/\s+/)[2]);
      expect(types.filter((t) => t === 'image')).toHaveLength(3);
      expect(types.filter((t) => t === 'smask')).toHaveLength(1);
      expect(extract(path)).toContain('Mariana Gómez');
      expect(bytes.length).toBeLessThan(100 * 1024);
    });

    it('covers the page with the background, in either orientation', async () => {
      for (const orientation of ['landscape', 'portrait'] as const) {
        const { path } = await renderToFile(
          content(),
          { ...template, orientation },
          {
            background: samplePng(64, 45),
          },
        );
        expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
        expect(imagesIn(path)).toHaveLength(1);
        const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
        expect(info).toMatch(orientation === 'landscape' ? /841\.89 x 595\.28/ : /595\.28 x 841\.89/);
        expect(extract(path)).toContain('Certificate of Completion');
      }
    });

    it('gives the same bytes for the same certificate with images', async () => {
      const images = { logo: samplePng(30, 10, { alpha: true }), background: sampleJpeg() };
      const a = await renderer.render(content(), template, images);
      const b = await renderer.render(content(), template, images);
      expect(a.equals(b)).toBe(true);
    });
  });
});
