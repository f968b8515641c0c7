import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import * as QRCode from 'qrcode';
import type { CertificateTemplate, Locale } from '@aula/contracts';
import { fontForPdf, type FontKey } from './certificate-fonts';
import { DocumentMemo } from './certificate-memo';
import {
  CERTIFICATE_LABELS,
  DEFAULT_CERTIFICATE_TEMPLATE,
  fillPlaceholders,
  formatCertificateDate,
  pickTemplateText,
  type PlaceholderValues,
} from './certificate-template';
import { glyphsSpell, layoutByWord, runWidth, segmentLine, visualOrder } from './certificate-text';

/** Everything printed on one certificate besides the template's own text. */
export interface CertificateContent {
  code: string;
  verifyUrl: string;
  locale: Locale;
  /** The cohort's time zone: issue and completion instants are printed as dates there. */
  timeZone: string;
  holderName: string;
  course: string;
  cohort: string;
  /** Calendar dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  completedAt: Date | null;
  issuedAt: Date;
  expiresAt: Date | null;
  hours: number | null;
  /** Already formatted ("87%"), or null: the grade paragraph is left out. */
  grade: string | null;
  /** The header line: the programme's name, else the platform's. */
  heading: string;
  /** Document metadata (author). */
  issuerName: string;
}

/**
 * The template's images, as bytes (PNG or JPEG, checked when uploaded). Loaded by the caller
 * (see CertificateTemplateImages, which keeps them per process): the renderer reads no storage.
 */
export interface CertificateImages {
  background?: Buffer | null;
  logo?: Buffer | null;
  /** Aligned with the template's signatories. */
  signatures?: (Buffer | null | undefined)[];
}

type Doc = PDFKit.PDFDocument;

const INK = '#1b2a3a';
const ACCENT = '#1f4e79';
const MUTED = '#5b6b7b';
const A4 = { long: 841.89, short: 595.28 };

/**
 * Draws certificates with pdfkit: text in the font of its script (subset-embedded, extractable),
 * right-to-left runs in visual order, a vector QR code to the verification page. Output depends only
 * on its inputs (the creation date is the issue date), so the content hash is reproducible.
 */
@Injectable()
export class CertificatePdfRenderer {
  async render(
    content: CertificateContent,
    template: CertificateTemplate = DEFAULT_CERTIFICATE_TEMPLATE,
    images: CertificateImages = {},
  ): Promise<Buffer> {
    const landscape = template.orientation === 'landscape';
    const width = landscape ? A4.long : A4.short;
    const height = landscape ? A4.short : A4.long;
    const locale = content.locale;
    const texts = (t: CertificateTemplate['title']) => pickTemplateText(t, locale, template.defaultLocale);
    const title = texts(template.title);
    const doc = new PDFDocument({
      size: 'A4',
      layout: template.orientation,
      margin: 0,
      font: null as unknown as string,
      compress: true,
      lang: locale,
      displayTitle: true,
      info: {
        Title: `${title}: ${content.holderName}`,
        Author: content.issuerName,
        Subject: content.course,
        Creator: content.issuerName,
        Producer: 'Aula',
        CreationDate: content.issuedAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });

    const canvas = new Canvas(doc);
    const values = this.placeholders(content);

    if (images.background) {
      // The whole page, cropped rather than stretched; the design brings its own frame.
      doc.image(images.background, 0, 0, { cover: [width, height], align: 'center', valign: 'center' });
    } else {
      doc
        .lineWidth(2)
        .strokeColor(ACCENT)
        .rect(18, 18, width - 36, height - 36)
        .stroke();
      doc
        .lineWidth(0.6)
        .rect(26, 26, width - 52, height - 52)
        .stroke();
    }

    const centre = width / 2;
    const textWidth = width - (landscape ? 200 : 120);
    let y = landscape ? 78 : 120;
    if (images.logo) {
      // Above the heading; in landscape the text moves down to make room.
      const box = landscape ? { top: 36, height: 46 } : { top: 44, height: 60 };
      doc.image(images.logo, centre - 110, box.top, {
        fit: [220, box.height],
        align: 'center',
        valign: 'center',
      });
      if (landscape) y += 26;
    }
    canvas.line(content.heading.toUpperCase(), centre, y, 11, { color: MUTED, maxWidth: textWidth });
    y += landscape ? 52 : 80;
    canvas.line(title, centre, y, landscape ? 32 : 28, { color: ACCENT, bold: true, maxWidth: textWidth });
    y += landscape ? 44 : 60;
    canvas.line(fillPlaceholders(texts(template.intro), values) ?? '', centre, y, 14, {
      color: MUTED,
      maxWidth: textWidth,
    });
    y += landscape ? 48 : 60;
    canvas.line(content.holderName, centre, y, landscape ? 30 : 28, {
      color: INK,
      bold: true,
      maxWidth: textWidth,
    });
    doc
      .lineWidth(0.5)
      .strokeColor(ACCENT)
      .moveTo(centre - 160, y + 12)
      .lineTo(centre + 160, y + 12)
      .stroke();
    y += landscape ? 42 : 56;
    for (const paragraph of texts(template.body).split(/\n\s*\n/)) {
      const filled = fillPlaceholders(paragraph.trim(), values);
      if (!filled) continue;
      y = canvas.paragraph(filled, centre, y, 12.5, textWidth, { color: INK }) + 6;
    }

    const bottom = height - 52;
    const qrSize = 74;
    const qrX = width - 78 - qrSize;
    const qrY = bottom - qrSize - 16;
    drawQrCode(doc, content.verifyUrl, qrX, qrY, qrSize);
    const labels = CERTIFICATE_LABELS[locale];
    canvas.line(`${labels.code}: ${content.code}`, qrX + qrSize / 2, qrY + qrSize + 12, 6.5, {
      color: MUTED,
    });

    const signatories = template.signatories.slice(0, 3);
    const slot = Math.min(200, (qrX - 80) / Math.max(signatories.length, 1));
    signatories.forEach((s, i) => {
      const x = 60 + slot * i + slot / 2;
      const lineY = bottom - 44;
      const signature = images.signatures?.[i];
      if (signature) {
        doc.image(signature, x - slot / 2 + 12, lineY - 46, {
          fit: [slot - 24, 42],
          align: 'center',
          valign: 'bottom',
        });
      }
      doc
        .lineWidth(0.6)
        .strokeColor(INK)
        .moveTo(x - slot / 2 + 12, lineY)
        .lineTo(x + slot / 2 - 12, lineY)
        .stroke();
      canvas.line(s.name, x, lineY + 15, 11, { color: INK, maxWidth: slot - 16 });
      canvas.line(texts(s.title), x, lineY + 29, 9, { color: MUTED, maxWidth: slot - 16 });
    });

    const verifyLine = `${labels.verify} ${content.verifyUrl}`;
    const verifyWidth = canvas.line(verifyLine, centre, height - 36, 7.5, { color: MUTED });
    doc.link(centre - verifyWidth / 2, height - 44, verifyWidth, 10, content.verifyUrl);

    doc.end();
    return finished;
  }

  private placeholders(c: CertificateContent): PlaceholderValues {
    const date = (v: string | Date | null) =>
      v === null ? null : formatCertificateDate(v, c.locale, c.timeZone);
    return {
      name: c.holderName,
      course: c.course,
      cohort: c.cohort,
      startDate: date(c.startDate),
      endDate: date(c.endDate),
      completionDate: date(c.completedAt),
      issueDate: date(c.issuedAt),
      expiryDate: date(c.expiresAt),
      hours: c.hours === null ? null : hoursFormat(c.locale).format(c.hours),
      grade: c.grade,
    };
  }
}

const hoursFormats = new Map<Locale, Intl.NumberFormat>();
/** Made once per language: a number format costs more to make than a certificate's other text. */
function hoursFormat(locale: Locale): Intl.NumberFormat {
  let format = hoursFormats.get(locale);
  if (!format) hoursFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

interface LineStyle {
  color: string;
  bold?: boolean;
  /** Text wider than this is scaled down to fit (single lines: names, titles). */
  maxWidth?: number;
}

/** One document's text drawing: fonts registered on first use, runs measured and placed by hand. */
class Canvas {
  private readonly registered = new Set<FontKey>();
  private readonly memo = new DocumentMemo();

  constructor(private readonly doc: Doc) {}

  private use(font: FontKey, size: number): Doc {
    if (!this.registered.has(font)) {
      // pdfkit accepts a parsed font: the file is parsed once per process, subset per document.
      this.doc.registerFont(font, fontForPdf(this.memo, font) as unknown as string);
      this.registered.add(font);
    }
    return this.doc.font(font).fontSize(size);
  }

  measure(text: string, size: number, bold = false): number {
    return segmentLine(this.memo, text, bold).reduce(
      (sum, r) => sum + runWidth(this.memo, r.font, r.text, size),
      0,
    );
  }

  /** Draws one line centred on `centre` with its baseline at `y`; returns its width. */
  line(text: string, centre: number, y: number, size: number, style: LineStyle): number {
    let fontSize = size;
    let width = this.measure(text, fontSize, style.bold);
    if (style.maxWidth && width > style.maxWidth) {
      fontSize = (size * style.maxWidth) / width;
      width = this.measure(text, fontSize, style.bold);
    }
    let x = centre - width / 2;
    this.doc.fillColor(style.color);
    for (const { run, text: shown } of visualOrder(segmentLine(this.memo, text, style.bold))) {
      const width = runWidth(this.memo, run.font, shown, fontSize);
      // Where the glyphs alone do not spell the text (Devanagari reordering, a Vietnamese letter
      // drawn as base + mark), the logical text goes along as ActualText, which text extraction
      // and screen readers use. Not for right-to-left runs: extractors put visual right-to-left
      // glyphs back in logical order themselves, and would reverse an ActualText too.
      const marked = run.level % 2 === 0 && !glyphsSpell(this.memo, run.font, run.text);
      if (marked) this.doc.markContent('Span', { actual: run.text } as never);
      // Without `features` pdfkit lays the text out word by word (each word once per document,
      // from the shaping memo); with them, whole (right-to-left runs). See layoutByWord.
      this.use(run.font, fontSize).text(shown, x, y, {
        lineBreak: false,
        ...(layoutByWord(run.font) ? {} : { features: [] }),
        baseline: 'alphabetic',
      } as PDFKit.Mixins.TextOptions);
      if (marked) this.doc.endMarkedContent();
      x += width;
    }
    return width;
  }

  /** Wraps text at spaces (or anywhere, for a word wider than the line); returns the next baseline. */
  paragraph(
    text: string,
    centre: number,
    y: number,
    size: number,
    maxWidth: number,
    style: LineStyle,
  ): number {
    const space = this.measure(' ', size, style.bold);
    const lines: string[] = [];
    let current = '';
    let currentWidth = 0;
    for (let word of text.split(/\s+/).filter(Boolean)) {
      let width = this.measure(word, size, style.bold);
      if (current && currentWidth + space + width <= maxWidth) {
        current += ` ${word}`;
        currentWidth += space + width;
        continue;
      }
      if (current) lines.push(current);
      while (width > maxWidth && breakPieces(word).length > 1) {
        // Thai, Lao, Khmer and Myanmar write no spaces between words: break at word boundaries
        // there, else between characters (never between a letter and its marks).
        const chars = breakPieces(word);
        let fit = chars.length - 1;
        while (fit > 1 && this.measure(chars.slice(0, fit).join(''), size, style.bold) > maxWidth) fit--;
        lines.push(chars.slice(0, fit).join(''));
        word = chars.slice(fit).join('');
        width = this.measure(word, size, style.bold);
      }
      current = word;
      currentWidth = width;
    }
    if (current) lines.push(current);
    const leading = size * 1.45;
    lines.forEach((l, i) => this.line(l, centre, y + i * leading, size, style));
    return y + Math.max(lines.length - 1, 0) * leading + leading;
  }
}

const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Where an overlong word may break: its dictionary words when it has several, else its characters. */
function breakPieces(word: string): string[] {
  const byWord = Array.from(words.segment(word), (s) => s.segment);
  return byWord.length > 1 ? byWord : Array.from(graphemes.segment(word), (s) => s.segment);
}

/** The QR code as filled rectangles: sharp at any zoom and a few hundred bytes (certificates and name badges). */
export function drawQrCode(doc: Doc, url: string, x: number, y: number, size: number): void {
  // One byte-mode segment: the optimal mix of modes is not worth its search for a short URL.
  const qr = QRCode.create([{ data: Buffer.from(url, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const m = size / n;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n;) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      doc.rect(x + start * m, y + row * m, (col - start) * m, m);
    }
  }
  doc.fillColor('#000000').fill();
}
