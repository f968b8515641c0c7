import {
  createParamDecorator,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSV_IMPORT_MAX_BYTES, INSTITUTION_CSV_MAX_BYTES } from '@aula/contracts';

/** The largest CSV any import takes; each route checks its own limit (CsvBody's argument). */
const CSV_BODY_LIMIT = Math.max(CSV_IMPORT_MAX_BYTES, INSTITUTION_CSV_MAX_BYTES);

/**
 * Reads `text/csv` bodies as a string, independently of the 1 MB JSON limit (413 above the largest
 * import's). Every API module with a CSV import calls it; the first registers it.
 */
export function registerCsvBodyParser(fastify: FastifyInstance | undefined): void {
  if (!fastify || fastify.hasContentTypeParser('text/csv')) return;
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
}

/**
 * The request body of a CSV upload, as text: the file sent whole with `Content-Type: text/csv`
 * (see registerCsvBodyParser). Anything else → 415; more than `maxBytes` (the bulk enrolment
 * limit unless given) → 413 naming `body`.
 */
export const CsvBody = createParamDecorator((maxBytes: number | undefined, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const body: unknown = request.body;
  if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '') || typeof body !== 'string') {
    throw new UnsupportedMediaTypeException('Send the file as the request body with Content-Type: text/csv.');
  }
  const limit = maxBytes ?? CSV_IMPORT_MAX_BYTES;
  if (Buffer.byteLength(body) > limit) {
    const message = `must be at most ${limit / 1024 / 1024} MB`;
    throw new PayloadTooLargeException({
      message: `The file is too large: it ${message}.`,
      errors: [{ path: 'body', message }],
    });
  }
  return body;
});
