import { createParamDecorator, UnsupportedMediaTypeException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The request body of a CSV upload, as text: the file sent whole with `Content-Type: text/csv`
 * (the enrolment API module registers the body parser for it). Anything else → 415.
 */
export const CsvBody = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const body: unknown = request.body;
  if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '') || typeof body !== 'string') {
    throw new UnsupportedMediaTypeException('Send the file as the request body with Content-Type: text/csv.');
  }
  return body;
});
