import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { drawQrCode } from '@aula/server/certification';
import { NOTO, textRuns, visualOrder, type FontKey } from '@aula/server/fonts';

/** What one name badge prints. */
export interface BadgeContent {
  name: string;
  institution: string | null;
  /** A country's name, already in the reader's language. */
  country: string | null;
  workshop: string;
  /** Dates or place, one line under the title. */
  detail: string;
  /** What the QR code holds (the check-in token). */
  token: string;
  /** The typed check-in code, printed under the QR code. */
  code: string;
}

type Doc = PDFKit.PDFDocument;

/** A badge: 90 × 120 mm, for a sleeve or a lanyard. */
export const BADGE = { width: 255, height: 340 } as const;
/** Where the QR code sits on a badge (points from its top left corner). */
export const BADGE_QR = { x: 67.5, y: 162, size: 120 } as const;
const A4 = { width: 595.28, height: 841.89 };
const INK = '#1b2a3a';
const ACCENT = '#1f4e79';
const MUTED = '#5b6b7b';

/**
 * Name badges with pdfkit: every line in the Noto face of its script (names in any script print
 * with real glyphs), right-to-left runs in paint order, and the check-in QR code as vector
 * rectangles. One badge per page, or an A4 sheet of four with cutting marks.
 */
@Injectable()
export class BadgePdfRenderer {
  /** One badge on a page of its own size. */
  renderOne(badge: BadgeContent, title = 'Badge'): Promise<Buffer> {
    return this.render([badge], false, title);
  }

  /** Every badge, four to an A4 page. */
  renderSheet(badges: readonly BadgeContent[], title = 'Badges'): Promise<Buffer> {
    return this.render(badges, true, title);
  }

  private render(badges: readonly BadgeContent[], sheet: boolean, title: string): Promise<Buffer> {
    const size: [number, number] = sheet ? [A4.width, A4.height] : [BADGE.width, BADGE.height];
    const doc = new PDFDocument({
      size,
      margin: 0,
      autoFirstPage: false,
      font: null as unknown as string,
      compress: true,
      displayTitle: true,
      info: { Title: title, Producer: 'Aula', Creator: 'Aula', CreationDate: new Date(0) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const text = new BadgeText(doc);
    const perPage = sheet ? 4 : 1;
    const mx = (A4.width - 2 * BADGE.width) / 2;
    const my = (A4.height - 2 * BADGE.height) / 2;
    if (!badges.length) doc.addPage({ size, margin: 0 });
    badges.forEach((badge, i) => {
      if (i % perPage === 0) doc.addPage({ size, margin: 0 });
      const slot = i % perPage;
      const x = sheet ? mx + (slot % 2) * BADGE.width : 0;
      const y = sheet ? my + Math.floor(slot / 2) * BADGE.height : 0;
      drawBadge(doc, text, badge, x, y);
    });
    doc.end();
    return finished;
  }
}

function drawBadge(doc: Doc, text: BadgeText, b: BadgeContent, x: number, y: number): void {
  const { width, height } = BADGE;
  const centre = x + width / 2;
  const inner = width - 36;
  doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#9aa7b4').rect(x + 0.5, y + 0.5, width - 1, height - 1).stroke().restore();
  doc.save().rect(x + 8, y + 8, width - 16, 46).fill(ACCENT).restore();
  text.paragraph(b.workshop, centre, y + 27, 11, inner, { color: '#ffffff', bold: true, maxLines: 2 });
  text.line(b.detail, centre, y + 70, 8, { color: MUTED, maxWidth: inner });
  text.line(b.name, centre, y + 108, 20, { color: INK, bold: true, maxWidth: inner });
  if (b.institution) text.line(b.institution, centre, y + 130, 10, { color: INK, maxWidth: inner });
  if (b.country) text.line(b.country, centre, y + 146, 10, { color: MUTED, maxWidth: inner });
  doc.save();
  drawQrCode(doc, b.token, x + BADGE_QR.x, y + BADGE_QR.y, BADGE_QR.size);
  doc.restore();
  text.line(b.code, centre, y + 302, 12, { color: INK, maxWidth: inner });
}

interface LineStyle {
  color: string;
  bold?: boolean;
  maxWidth?: number;
}

/** Lines of text in the fonts of their scripts: faces registered once per document. */
class BadgeText {
  private readonly registered = new Set<FontKey>();

  constructor(private readonly doc: Doc) {}

  private use(key: FontKey, size: number): Doc {
    if (!this.registered.has(key)) {
      const font = NOTO.font(key);
      if (!font) throw new Error(`font ${key} is missing`);
      // pdfkit takes a parsed fontkit font; each document embeds the subset it uses.
      this.doc.registerFont(key, font as unknown as string);
      this.registered.add(key);
    }
    return this.doc.font(key).fontSize(size);
  }

  private pieces(text: string, bold: boolean) {
    return visualOrder(textRuns(NOTO, text, bold)).filter(({ run }) => NOTO.font(run.font));
  }

  measure(text: string, size: number, bold = false): number {
    return this.pieces(text, bold).reduce((sum, { run, text: shown }) => sum + this.use(run.font, size).widthOfString(shown), 0);
  }

  /** One line centred on `centre`, baseline at `y`, scaled down to fit `maxWidth`. */
  line(text: string, centre: number, y: number, size: number, style: LineStyle): void {
    if (!text) return;
    let fontSize = size;
    let width = this.measure(text, fontSize, style.bold);
    if (style.maxWidth && width > style.maxWidth) {
      fontSize = (size * style.maxWidth) / width;
      width = this.measure(text, fontSize, style.bold);
    }
    let x = centre - width / 2;
    this.doc.fillColor(style.color);
    for (const { run, text: shown } of this.pieces(text, !!style.bold)) {
      const doc = this.use(run.font, fontSize);
      const w = doc.widthOfString(shown);
      // Where the glyphs alone do not spell the text (reordered or merged letters, a letter drawn
      // from another's glyph), the text goes along as ActualText for extraction and screen
      // readers; not for right-to-left runs, which extractors put back in logical order themselves.
      const marked = run.level % 2 === 0 && !glyphsSpell(run.font, run.text);
      if (marked) doc.markContent('Span', { actual: run.text } as never);
      doc.text(shown, x, y, { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions);
      if (marked) doc.endMarkedContent();
      x += w;
    }
  }

  /** Wraps at spaces into at most `maxLines` lines (the last one scaled to fit). */
  paragraph(text: string, centre: number, y: number, size: number, maxWidth: number, style: LineStyle & { maxLines: number }): void {
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let current = '';
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && this.measure(candidate, size, style.bold) > maxWidth && lines.length < style.maxLines - 1) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    if (current) lines.push(current);
    const leading = size * 1.3;
    const top = y - ((lines.length - 1) * leading) / 2;
    lines.forEach((l, i) => this.line(l, centre, top + i * leading, size, { ...style, maxWidth }));
  }
}

const SPELLS = new Map<string, boolean>();

/** Whether a run's shaped glyphs map back to its text, word by word as pdfkit lays it out (once per process). */
function glyphsSpell(key: FontKey, text: string): boolean {
  if (NOTO.familyOf(key).complex) return false;
  const memo = `${key}\u0000${text}`;
  let spells = SPELLS.get(memo);
  if (spells === undefined) {
    const font = NOTO.font(key);
    spells =
      !!font &&
      text
        .split(/(?<= )/)
        .every((piece) => font.layout(piece).glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('') === piece);
    if (SPELLS.size > 5000) SPELLS.clear();
    SPELLS.set(memo, spells);
  }
  return spells;
}
