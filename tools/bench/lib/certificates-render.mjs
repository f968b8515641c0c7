// (a) naive pdfkit vs (b) Aula's renderer, alternating A B A B in this one process (pinned to one
// core by the caller). Prints one JSON line: {pairs: [{naive_per_s, renderer_per_s}], sizes}.
//   node tools/bench/lib/certificates-render.mjs '{"pairs":3,"perRun":100}'
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT } from './procs.mjs';

const require = createRequire(import.meta.url);
require(resolve(ROOT, 'node_modules/reflect-metadata'));
const PDFDocument = require('pdfkit');
const QRCode = require('qrcode');
const { CertificatePdfRenderer } = require(
  resolve(ROOT, 'dist/server/libs/server/certification/src/certificate-pdf.renderer.js'),
);
const { DEFAULT_CERTIFICATE_TEMPLATE, fillPlaceholders, formatCertificateDate } = require(
  resolve(ROOT, 'dist/server/libs/server/certification/src/certificate-template.js'),
);

const { pairs, perRun } = JSON.parse(process.argv[2] ?? '{"pairs":3,"perRun":100}');
const FONT = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');

function content(i) {
  const code = `7K3QX9M2VT8RWB4N6J1HZC${String(1000 + (i % 9000)).padStart(4, '0')}`.replace(/[ILOU]/g, '0');
  return {
    code,
    verifyUrl: `http://127.0.0.1:3000/verify/${code}`,
    locale: 'es',
    timeZone: 'America/Bogota',
    holderName: `Trainee ${i} Peña`,
    course: 'Gestión integrada del desarrollo regional',
    cohort: 'Bogotá 2026-1',
    startDate: '2026-02-02',
    endDate: '2026-05-29',
    completedAt: new Date('2026-05-20T15:00:00Z'),
    issuedAt: new Date('2026-05-21T02:30:00Z'),
    expiresAt: null,
    hours: 40,
    grade: null,
    heading: 'Programa de desarrollo regional',
    issuerName: 'Aula',
  };
}

/** The same page, the obvious way: new document, font file registered, text laid out by pdfkit, PNG QR. */
async function naive(c) {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 0 });
  const chunks = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise((r) => doc.on('end', r));
  const t = DEFAULT_CERTIFICATE_TEMPLATE;
  const values = {
    name: c.holderName,
    course: c.course,
    cohort: c.cohort,
    hours: String(c.hours),
    grade: null,
    expiryDate: null,
    startDate: formatCertificateDate(c.startDate, c.locale),
    endDate: formatCertificateDate(c.endDate, c.locale),
    completionDate: formatCertificateDate(c.completedAt, c.locale, c.timeZone),
    issueDate: formatCertificateDate(c.issuedAt, c.locale, c.timeZone),
  };
  doc.registerFont('noto', FONT);
  doc.font('noto');
  const w = 842;
  doc.fontSize(11).text(c.heading.toUpperCase(), 0, 70, { align: 'center', width: w });
  doc.fontSize(32).text(t.title.es, 0, 110, { align: 'center', width: w });
  doc.fontSize(14).text(t.intro.es, 0, 160, { align: 'center', width: w });
  doc.fontSize(30).text(c.holderName, 0, 200, { align: 'center', width: w });
  doc.fontSize(12.5);
  for (const p of t.body.es.split(/\n\s*\n/)) {
    const filled = fillPlaceholders(p, values);
    if (filled) doc.text(filled, 100, undefined, { align: 'center', width: w - 200 });
  }
  const png = await QRCode.toBuffer(c.verifyUrl, { errorCorrectionLevel: 'M' });
  doc.image(png, 690, 420, { width: 74 });
  doc.fontSize(11).text(t.signatories[0].name, 60, 520);
  doc.fontSize(6.5).text(`Código: ${c.code}`, 660, 505);
  doc
    .fontSize(7.5)
    .text(`Verifique este certificado en ${c.verifyUrl}`, 0, 555, { align: 'center', width: w });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const renderer = new CertificatePdfRenderer();
const aula = (c) => renderer.render(c);

async function rate(fn, offset) {
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < perRun; i++) bytes = (await fn(content(offset + i))).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perS: perRun / seconds, bytes };
}

// Warm-up of both (JIT; Aula's renderer parses its fonts once here, the naive one every time anyway).
await rate(naive, 0);
await rate(aula, 0);
const results = [];
let sizes = {};
for (let p = 0; p < pairs; p++) {
  const a = await rate(naive, p * perRun);
  const b = await rate(aula, p * perRun);
  results.push({ naive_per_s: a.perS, renderer_per_s: b.perS });
  sizes = { naive_bytes: a.bytes, renderer_bytes: b.bytes };
}
process.stdout.write(`${JSON.stringify({ pairs: results, ...sizes })}\n`);
