import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import { NETWORK_PHOTO_MAX_BYTES, NETWORK_PHOTO_TYPES } from '@aula/contracts';

export type NetworkPhotoType = (typeof NETWORK_PHOTO_TYPES)[number];

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

class UnsupportedPhotoError extends HttpException {
  constructor() {
    const message = 'must be a PNG, JPEG or WebP image';
    super(
      { message: `The photo ${message}.`, errors: [{ path: 'file', message }] },
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
}

/**
 * What a photo upload is, by its bytes alone: a PNG (signature and header chunk), a JPEG (start
 * of image, then a marker) or a WebP (RIFF container of a WebP image). Anything else, an SVG or a
 * page named `.png` included, is refused (415 naming `file`); an empty file is a 400 and one over
 * NETWORK_PHOTO_MAX_BYTES a 413.
 */
export function inspectNetworkPhoto(content: Buffer): NetworkPhotoType {
  if (content.length === 0)
    throw new BadRequestException({
      message: 'The photo is empty.',
      errors: [{ path: 'file', message: 'is empty' }],
    });
  if (content.length > NETWORK_PHOTO_MAX_BYTES) {
    const message = `must be at most ${NETWORK_PHOTO_MAX_BYTES / 1024 / 1024} MB`;
    throw new PayloadTooLargeException({
      message: `The photo ${message}.`,
      errors: [{ path: 'file', message }],
    });
  }
  if (
    content.length > 24 &&
    content.subarray(0, 8).equals(PNG) &&
    content.toString('latin1', 12, 16) === 'IHDR'
  )
    return 'image/png';
  if (
    content.length > 4 &&
    content[0] === 0xff &&
    content[1] === 0xd8 &&
    content[2] === 0xff &&
    content[3] >= 0xc0
  )
    return 'image/jpeg';
  if (
    content.length > 16 &&
    content.toString('latin1', 0, 4) === 'RIFF' &&
    content.toString('latin1', 8, 12) === 'WEBP' &&
    /^VP8[ LX]$/.test(content.toString('latin1', 12, 16))
  )
    return 'image/webp';
  throw new UnsupportedPhotoError();
}
