import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ActivityFileDownload } from '@aula/server/catalog';

/**
 * Sends an activity's file as an inert attachment (headers from ActivityFileService.open).
 * Learners' download routes reuse it once they have checked the reader may have the file:
 *   `download(@Res({ passthrough: true }) reply) { return sendActivityFile(reply, await files.open(activity)); }`
 */
export function sendActivityFile(reply: FastifyReply, download: ActivityFileDownload): StreamableFile {
  void reply.headers(download.headers);
  return new StreamableFile(download.stream, {
    type: download.file.contentType,
    length: download.file.size,
    disposition: download.headers['Content-Disposition'],
  });
}
