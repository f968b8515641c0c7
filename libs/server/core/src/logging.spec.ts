import pino from 'pino';
import { Writable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { loggerParams, requestId } from './logging';
import { loadConfig } from './config';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logging', () => {
  const options = loggerParams(loadConfig({}), 'aula-test').pinoHttp as pino.LoggerOptions;

  it('never writes passwords, tokens, cookies or authorization headers', () => {
    const { lines, stream } = capture();
    const logger = pino(options, stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'aula_refresh=topsecret' } },
        res: { headers: { 'set-cookie': 'aula_refresh=alsosecret' } },
        body: { password: 'hunter2-hunter2', newPassword: 'n3w-pa55word', accessToken: 'tok-123', refreshToken: 'ref-456' },
      },
      'request',
    );
    const out = lines.join('');
    for (const secret of ['eyJsecret', 'topsecret', 'alsosecret', 'hunter2', 'n3w-pa55word', 'tok-123', 'ref-456']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });

  it('keeps the request id from a well-formed X-Request-Id and replaces a malformed one', () => {
    const req = (id: string) => ({ headers: { 'x-request-id': id } }) as unknown as IncomingMessage;
    expect(requestId(req('abc-123'))).toBe('abc-123');
    expect(requestId(req('bad\r\nid'))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
