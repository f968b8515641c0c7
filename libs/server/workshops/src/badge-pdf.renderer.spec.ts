import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as QRCode from 'qrcode';
import { NOTO, textRuns } from '@aula/server/fonts';
import { BADGE_QR, BadgePdfRenderer, type BadgeContent } from './badge-pdf.renderer';

const QR_BOX = BADGE_QR;

/** Participants' names in the scripts of the programme's regions and partners. */
const NAMES = [
  'José María Peña Muñoz',
  'Nguyễn Thị Hằng',
  'Анна Сергеевна Иванова',
  'محمد بن عبد الله',
  'שרה לוי',
  'अनुराधा शर्मा',
  'สมชาย ใจดี',
  'ສົມພອນ ວົງສາ',
  'አበበ ቢቂላ',
  '王秀英',
  '김민준',
  'ნინო ბერიძე',
  'Ελένη Παπαδοπούλου',
];

/** Names whose glyphs spell them in order, so pdftotext gives them back as typed. */
const EXTRACTABLE = ['José María Peña Muñoz', 'Анна Сергеевна Иванова', '王秀英', '김민준', 'ნინო ბერიძე', 'Ελένη Παπαδοπούλου', 'አበበ ቢቂላ'];

const badge = (name: string, overrides: Partial<BadgeContent> = {}): BadgeContent => ({
  name,
  institution: 'Universidad Nacional de Córdoba',
  country: 'Argentina',
  workshop: 'Intercambio interregional sobre gestión del agua',
  detail: '10–12 mar 2031 · Medellín',
  token: 'Xk2_9aQ-0bLmN4pRt7vWyZ',
  code: 'K7M2Q-9XH4T',
  ...overrides,
});

describe('BadgePdfRenderer', () => {
  const renderer = new BadgePdfRenderer();
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'aula-badges-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (bytes: Buffer, name: string): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const extract = (path: string): string =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ');

  it.each(NAMES)('has a real glyph for every character of %s in the face it prints in', (name) => {
    expect(NOTO.missingGlyphs(name, true)).toEqual([]);
    for (const run of textRuns(NOTO, name, true)) {
      const font = NOTO.font(run.font);
      expect(font).not.toBeNull();
      // Shaped as the badge draws it: no glyph is .notdef (id 0), the empty box.
      expect(font?.layout(run.text).glyphs.filter((g) => g.id === 0)).toEqual([]);
    }
  });

  it('prints one badge with the name, institution, country, workshop and typed code as text, and embeds only Noto faces', async () => {
    const bytes = await renderer.renderOne(badge('José María Peña Muñoz'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const path = write(bytes, 'one.pdf');
    const text = extract(path);
    for (const part of ['José María Peña Muñoz', 'Universidad Nacional de Córdoba', 'Argentina', 'gestión del agua', 'K7M2Q-9XH4T', 'Medellín'])
      expect(text).toContain(part);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/Noto/);
    expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
    // A badge-sized page (90 × 120 mm).
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+255 x 340 pts/);
  });

  it('puts four badges on each A4 page of the organiser’s sheet, every name extractable', async () => {
    const bytes = await renderer.renderSheet(NAMES.map((n) => badge(n)));
    const path = write(bytes, 'sheet.pdf');
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+4/);
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
    const text = extract(path);
    for (const name of EXTRACTABLE) expect(text).toContain(name);
    expect(text.match(/K7M2Q-9XH4T/g)).toHaveLength(NAMES.length);
  });

  it('draws the QR code as vector rectangles that hold the token, module for module', async () => {
    const token = 'Xk2_9aQ-0bLmN4pRt7vWyZ';
    const path = write(await renderer.renderOne(badge('Ana', { token })), 'qr.pdf');
    // No raster image: the code is drawn, not pasted.
    expect(execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    // The page rendered to a grey image (PGM, 2 px per point): each module's centre is dark
    // exactly where the QR code of the token has a dark module.
    execFileSync('pdftoppm', ['-r', '144', '-gray', '-singlefile', path, join(dir, 'qr')]);
    const pgm = readFileSync(join(dir, 'qr.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    expect(header).not.toBeNull();
    const [width] = [Number(header?.[1])];
    const pixels = pgm.subarray((header?.[0] ?? '').length);
    const qr = QRCode.create([{ data: Buffer.from(token, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const module = QR_BOX.size / n;
    let mismatches = 0;
    for (let row = 0; row < n; row++)
      for (let col = 0; col < n; col++) {
        const x = Math.round((QR_BOX.x + (col + 0.5) * module) * 2);
        const y = Math.round((QR_BOX.y + (row + 0.5) * module) * 2);
        const dark = pixels[y * width + x] < 128;
        if (dark !== !!qr.modules.get(row, col)) mismatches++;
      }
    expect(n).toBeGreaterThan(20);
    expect(mismatches).toBe(0);
  });
});
