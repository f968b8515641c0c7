// Certificates (issue 5), in one run: (a) a naive baseline — a fresh pdfkit document per
// certificate with the same TTF font (read and parsed each time), text and a PNG QR code, on one
// core; (b) Aula's renderer alone on one core, alternating with (a); (c) the whole pipeline for a
// cohort of 5,000 completions: outbox → queue → render → store → record. Runner: lib/certificates.mjs.
export default {
  name: 'certificates',
  group: 'certificates',
  description:
    'certificate PDFs: naive pdfkit vs Aula renderer (one core), and 5,000 completions through the pipeline',
};
