import { BadRequestException, Injectable } from '@nestjs/common';
import { crc32, inflateSync } from 'node:zlib';
import { buffer as readAll } from 'node:stream/consumers';
import { CERTIFICATE_TEMPLATE_LIMITS, type CertificateTemplate } from '@aula/contracts';
import { StoragePort } from '@aula/server/storage';
import type { CertificateImages } from './certificate-pdf.renderer';

export interface InspectedImage {
  contentType: 'image/png' | 'image/jpeg';
  extension: 'png' | 'jpg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function refuse(message: string): BadRequestException {
  return new BadRequestException({ message: `The image ${message}.`, errors: [{ path: 'file', message }] });
}

function checkSize(width: number, height: number): void {
  const max = CERTIFICATE_TEMPLATE_LIMITS.imagePixels;
  if (!(width > 0 && height > 0)) throw refuse('has no size');
  if (width > max || height > max) throw refuse(`must be at most ${max} × ${max} pixels`);
  if (width * height > CERTIFICATE_TEMPLATE_LIMITS.imageMegapixels * 1e6)
    throw refuse(`must have at most ${CERTIFICATE_TEMPLATE_LIMITS.imageMegapixels} million pixels`);
}

/** Bytes per row of the PNG's pixel data as filtered (one filter byte, then the samples). */
function pngRowBytes(width: number, bitDepth: number, colourType: number): number {
  const samples = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType];
  if (!samples || ![1, 2, 4, 8, 16].includes(bitDepth)) throw refuse('is not a valid PNG');
  return 1 + Math.ceil((width * samples * bitDepth) / 8);
}

/**
 * Reads the whole PNG: every chunk's checksum and the compressed pixels, so that what is stored
 * will also draw. (The PDF library decodes PNGs with transparency in a callback, where a broken
 * file could not be caught.)
 */
function inspectPng(content: Buffer): InspectedImage {
  let offset = PNG_SIGNATURE.length;
  let header: { width: number; height: number; rowBytes: number; interlaced: boolean } | null = null;
  const pixels: Buffer[] = [];
  let ended = false;
  while (!ended) {
    if (offset + 12 > content.length) throw refuse('is not a complete PNG');
    const length = content.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > content.length) throw refuse('is not a complete PNG');
    const type = content.toString('latin1', offset + 4, offset + 8);
    const data = content.subarray(offset + 8, offset + 8 + length);
    if (crc32(content.subarray(offset + 4, offset + 8 + length)) !== content.readUInt32BE(offset + 8 + length))
      throw refuse('is a damaged PNG');
    if (type === 'IHDR') {
      if (length !== 13) throw refuse('is not a valid PNG');
      const width = data.readUInt32BE(0);
      const height = data.readUInt32BE(4);
      checkSize(width, height);
      header = { width, height, rowBytes: pngRowBytes(width, data[8], data[9]), interlaced: data[12] === 1 };
    } else if (type === 'IDAT') pixels.push(data);
    else if (type === 'IEND') ended = true;
    offset = end;
  }
  if (!header || pixels.length === 0) throw refuse('is not a valid PNG');
  const expected = header.rowBytes * header.height;
  let inflated: Buffer;
  try {
    // Interlaced images are a little larger than their rows; the cap only guards against bombs.
    inflated = inflateSync(Buffer.concat(pixels), { maxOutputLength: expected * 2 + 1024 });
  } catch {
    throw refuse('is a damaged PNG');
  }
  if (header.interlaced ? inflated.length < expected : inflated.length !== expected)
    throw refuse('is a damaged PNG');
  return { contentType: 'image/png', extension: 'png', width: header.width, height: header.height };
}

const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG's markers to its frame header (size and colour components). */
function inspectJpeg(content: Buffer): InspectedImage {
  let offset = 2;
  while (offset + 4 <= content.length) {
    if (content[offset] !== 0xff) throw refuse('is a damaged JPEG');
    const marker = content[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = content.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > content.length) throw refuse('is a damaged JPEG');
    if (JPEG_SOF.has(marker)) {
      if (length < 8) throw refuse('is a damaged JPEG');
      const height = content.readUInt16BE(offset + 5);
      const width = content.readUInt16BE(offset + 7);
      const components = content[offset + 9];
      // The PDF colour spaces a JPEG maps to: grey, RGB, CMYK.
      if (![1, 3, 4].includes(components)) throw refuse('uses colours certificates cannot print');
      checkSize(width, height);
      if (content.lastIndexOf(Buffer.from([0xff, 0xd9])) < 0) throw refuse('is not a complete JPEG');
      return { contentType: 'image/jpeg', extension: 'jpg', width, height };
    }
    offset += 2 + length;
  }
  throw refuse('is a damaged JPEG');
}

/**
 * Decides whether an upload may be a template image, by its bytes alone: a PNG or JPEG that
 * decodes, within the size limits. Anything else (a page named `.png`, an SVG, a GIF) is a 400
 * naming `file`, whatever the file name or declared type says.
 */
export function inspectTemplateImage(content: Buffer): InspectedImage {
  if (content.length === 0) throw refuse('is empty');
  if (content.length > CERTIFICATE_TEMPLATE_LIMITS.imageBytes)
    throw refuse(`must be at most ${CERTIFICATE_TEMPLATE_LIMITS.imageBytes / 1024 / 1024} MB`);
  if (content.subarray(0, 8).equals(PNG_SIGNATURE)) return inspectPng(content);
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return inspectJpeg(content);
  throw refuse('must be a PNG or JPEG file');
}

/** Every image key a template refers to. */
export function templateImageKeys(template: Pick<CertificateTemplate, 'backgroundImageKey' | 'logoImageKey' | 'signatories'>): string[] {
  return [
    template.backgroundImageKey,
    template.logoImageKey,
    ...template.signatories.map((s) => s.signatureImageKey),
  ].filter((k): k is string => typeof k === 'string' && k.length > 0);
}

const CACHE_ENTRIES = 24;
const CACHE_BYTES = 24 * 1024 * 1024;

/**
 * The template images of this process, read from storage once each. Keys are never reused for
 * other bytes (a new upload gets a new key, and a saved template gets a new version when its keys
 * change), so an entry never goes stale; the cache is bounded by count and bytes, least recently
 * used out first, so memory stays flat over any number of certificates and templates.
 */
@Injectable()
export class CertificateTemplateImages {
  private readonly cache = new Map<string, Buffer>();
  private readonly loading = new Map<string, Promise<Buffer>>();
  private bytes = 0;
  private loads = 0;

  constructor(private readonly storage: StoragePort) {}

  /** The images of a template, ready for the renderer. */
  async forTemplate(template: CertificateTemplate): Promise<CertificateImages> {
    const load = (key: string | null | undefined) => (key ? this.load(key) : Promise.resolve(null));
    const [background, logo, ...signatures] = await Promise.all([
      load(template.backgroundImageKey),
      load(template.logoImageKey),
      ...template.signatories.map((s) => load(s.signatureImageKey)),
    ]);
    return { background, logo, signatures };
  }

  async load(key: string): Promise<Buffer> {
    const hit = this.cache.get(key);
    if (hit) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        const content = await readAll(await this.storage.get(key));
        this.loads++;
        this.remember(key, content);
        return content;
      })().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Forgets an image (removed from storage). */
  forget(key: string): void {
    const hit = this.cache.get(key);
    if (hit) {
      this.bytes -= hit.length;
      this.cache.delete(key);
    }
  }

  /** How many images this process has read from storage, and how many it holds. */
  stats(): { loads: number; entries: number; bytes: number } {
    return { loads: this.loads, entries: this.cache.size, bytes: this.bytes };
  }

  private remember(key: string, content: Buffer): void {
    if (content.length > CACHE_BYTES) return;
    this.cache.set(key, content);
    this.bytes += content.length;
    for (const [oldest, value] of this.cache) {
      if (this.cache.size <= CACHE_ENTRIES && this.bytes <= CACHE_BYTES) break;
      this.cache.delete(oldest);
      this.bytes -= value.length;
    }
  }
}
