import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { AppConfig } from '@aula/server/core';
import { MailTransport } from './mail.transport';

/** What reaches an SMTP server from the pooled transport: whole, well-formed, each message its own ids. */
describe('MailTransport', () => {
  const received: string[] = [];
  let server: SMTPServer;
  let transport: MailTransport;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    transport = new MailTransport(
      Object.assign(new AppConfig(), { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Aula <no-reply@aula.example>', MAIL_POOL_SIZE: 2 }),
    );
  });
  afterAll(async () => {
    transport.onModuleDestroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives each message its own Message-ID on the sender domain and its own MIME boundaries', async () => {
    const ids = await Promise.all(
      ['María José Ñúñez', '王小明'].map((name, i) =>
        transport.send({
          to: { name, address: `t${i}@test.aula.example` },
          subject: `Recordatorio ${i}`,
          text: `Hola ${name}`,
          html: `<p>Hola ${name}</p>`,
          unsubscribeUrl: `https://aula.example/u/${i}`,
        }),
      ),
    );
    expect(received).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^<[0-9a-f-]{36}@aula\.example>$/);
    const boundaries = received.map((raw) => /boundary="?([^";\r\n]+)"?/.exec(raw)?.[1]);
    expect(boundaries.every(Boolean)).toBe(true);
    expect(new Set(boundaries).size).toBe(2);
    for (const raw of received) {
      const id = /^Message-ID: (.+)$/m.exec(raw)?.[1]?.trim();
      expect(ids).toContain(id);
      const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)?.[1] as string;
      // Both parts and the closing delimiter are there: the message arrived whole.
      expect(raw.split(`--${boundary}`).length).toBe(4);
      expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/aula\.example\/u\/\d>$/m);
    }
  });
});
