import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import { extensionOf, sanitiseFileName } from '@aula/server/core';

/** Formats an activity may carry, recognised by their content; the first extension is the usual one. */
const BINARY_FORMATS: Record<string, { contentType: string; extensions: string[] }> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  zip: { contentType: 'application/zip', extensions: ['zip'] },
  mp3: { contentType: 'audio/mpeg', extensions: ['mp3'] },
  mp4: { contentType: 'video/mp4', extensions: ['mp4', 'm4v'] },
};

const TEXT_FORMATS: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** Anything a browser could take for markup: tags, comments, doctypes, processing instructions. */
const MARKUP = /<[a-z!?/]/i;
/** Control characters other than tab, line feed, form feed and carriage return: binary content. */
const BINARY_CONTROL = /(?![\t\n\f\r])\p{Cc}/u;

export class UnsupportedFileError extends HttpException {
  constructor(detail: string) {
    super(
      { message: detail, errors: [{ path: 'file', message: detail }] },
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
}

export interface InspectedFile {
  /** Safe display name whose extension matches the content. */
  name: string;
  /** Decided from the content, never from what the client claimed. */
  contentType: string;
}

/** file-type is ESM-only: loaded on first use. */
let detector: Promise<typeof import('file-type')> | undefined;
const detect = async (content: Buffer) =>
  (await (detector ??= import('file-type'))).fileTypeFromBuffer(content);

function withExtension(name: string, extensions: string[]): string {
  return extensions.includes(extensionOf(name)) ? name : `${name}.${extensions[0]}`;
}

function isPlainText(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  return !BINARY_CONTROL.test(text) && !MARKUP.test(text);
}

/**
 * Decides whether an upload may be stored as an activity file, by what its bytes are: PDF,
 * PNG/JPEG/WebP images, Office and OpenDocument text files, ZIP, MP3/MP4; or UTF-8 plain text
 * and CSV with nothing a browser could read as HTML. A page renamed `.pdf`, an SVG or a script
 * is refused (415 naming `file`) whatever its name says.
 */
export async function inspectActivityFile(content: Buffer, originalName: string): Promise<InspectedFile> {
  if (content.length === 0) {
    throw new BadRequestException({
      message: 'The file is empty.',
      errors: [{ path: 'file', message: 'is empty' }],
    });
  }
  const name = sanitiseFileName(originalName);
  const detected = await detect(content);
  if (detected) {
    const format = BINARY_FORMATS[detected.ext];
    if (!format) throw new UnsupportedFileError(`Files of type ${detected.mime} are not accepted.`);
    return { name: withExtension(name, format.extensions), contentType: format.contentType };
  }
  if (!isPlainText(content)) {
    throw new UnsupportedFileError(
      'Only PDF, images, office documents, ZIP, MP3/MP4, and plain text or CSV without HTML are accepted.',
    );
  }
  const extension = extensionOf(name) === 'csv' ? 'csv' : 'txt';
  return { name: withExtension(name, [extension]), contentType: TEXT_FORMATS[extension] };
}
