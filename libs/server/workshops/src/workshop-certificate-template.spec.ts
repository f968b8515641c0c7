import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificatePdfRenderer, type CertificateContent } from '@aula/server/certification';
import { NOTO } from '@aula/server/fonts';
import { WORKSHOP_CERTIFICATE_TEMPLATE } from './workshop-certificate-template';

// Needs poppler-utils (pdftotext, pdftoppm).
jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'aula-workshop-certificate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const renderer = new CertificatePdfRenderer();
let files = 0;

const content = (holderName: string, over: Partial<CertificateContent> = {}): CertificateContent => ({
  code: '7K3QX9M2VT8RWB4N6J1HZC5YFD',
  verifyUrl: 'https://aula.example/verify/7K3QX9M2VT8RWB4N6J1HZC5YFD',
  locale: 'es',
  timeZone: 'America/Bogota',
  holderName,
  course: 'Intercambio interregional sobre gestión del agua',
  cohort: 'Gobernación de Antioquia',
  startDate: '2031-03-10',
  endDate: '2031-03-12',
  completedAt: null,
  issuedAt: new Date('2031-03-13T15:00:00Z'),
  expiresAt: null,
  hours: 3,
  grade: '4',
  heading: 'Aula',
  issuerName: 'Aula',
  ...over,
});

async function toFile(c: CertificateContent): Promise<string> {
  const path = join(dir, `${files++}.pdf`);
  writeFileSync(path, await renderer.render(c, WORKSHOP_CERTIFICATE_TEMPLATE));
  return path;
}

/** The page at 72 dpi (one pixel per point), grey (as the course certificate renderer's test does). */
function raster(path: string): { width: number; pixels: Buffer } {
  const prefix = path.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', path, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM image');
  return { width: Number(header[1]), pixels: pgm.subarray(header[0].length) };
}

/** Pixels that differ clearly between two pages, inside rows [top, bottom) and outside them. */
function differences(
  a: ReturnType<typeof raster>,
  b: ReturnType<typeof raster>,
  top: number,
  bottom: number,
) {
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

// The name's line on the landscape page, as on course certificates (baseline 222 pt, 30 pt type).
const NAME_TOP = 222 - 34;
const NAME_BOTTOM = 222 + 10;
/** The same name where every character is one no font has: it prints as empty boxes. */
const boxes = (name: string) => name.replace(/\S/gu, '\ue000');

describe('the workshop participation certificate (template kind workshop)', () => {
  it('says participation, the workshop, host, dates and hours in the holder’s language', async () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await toFile(content('Beto Ramírez')), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('Certificado de participación');
    expect(text).toContain('Beto Ramírez');
    expect(text).toContain(
      'participó en el taller Intercambio interregional sobre gestión del agua, organizado por Gobernación de Antioquia',
    );
    expect(text).toContain('Horas de asistencia: 3 de 4.');
    expect(text).toContain('10 de marzo de 2031');
  });

  it.each([
    ['Thai', 'สมชาย ใจดี'],
    ['Amharic', 'አበበ ቢቂላ'],
  ])('prints a name in %s script with a glyph for every character', async (_script, name) => {
    // The font has each code point…
    expect(NOTO.missingGlyphs(name, true)).toEqual([]);
    // …and the page shows glyphs where the name is, not the boxes of missing ones.
    const page = raster(await toFile(content(name)));
    const boxed = raster(await toFile(content(boxes(name))));
    const diff = differences(page, boxed, NAME_TOP, NAME_BOTTOM);
    expect(diff.outside).toBe(0);
    expect(diff.inside).toBeGreaterThan(100);
  });
});
