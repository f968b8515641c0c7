import { existsSync } from 'node:fs';
import { Client } from 'pg';

/** `npm start`, the tests and the benchmarks reach a PostgreSQL on this machine over its Unix socket. */
describe('preferUnixSocket', () => {
  // The suite's own URL is already the socket one when a socket was found; its TCP form is the input.
  const given = new URL(process.env['DATABASE_URL'] as string);
  given.searchParams.delete('host');
  const overTcp = given.toString();
  const port = Number(given.port || 5432);
  const socketHere = ['/var/run/postgresql', '/run/postgresql', '/tmp'].some((dir) => existsSync(`${dir}/.s.PGSQL.${port}`));

  const serverAddress = async (url: string): Promise<string | null> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ a: string | null }>('SELECT inet_server_addr()::text AS a')).rows[0].a;
    } finally {
      await client.end();
    }
  };

  (socketHere ? it : it.skip)('turns a loopback URL into the same server over its socket', async () => {
    const { preferUnixSocket } = await import('./index.mjs');
    const url = await preferUnixSocket(overTcp);
    expect(new URL(url).searchParams.get('host')).toMatch(/^\//);
    expect(new URL(url).pathname).toBe(given.pathname);
    // Over TCP the server reports its address; over a Unix socket it has none.
    expect(await serverAddress(overTcp)).not.toBeNull();
    expect(await serverAddress(url)).toBeNull();
  });

  it('leaves a URL alone when told to, when it names a socket already, or when nothing answers', async () => {
    const { preferUnixSocket } = await import('./index.mjs');
    const named = new URL(overTcp);
    named.searchParams.set('host', '/elsewhere');
    expect(await preferUnixSocket(named.toString())).toBe(named.toString());
    const nobody = new URL(overTcp);
    nobody.port = '1';
    expect(await preferUnixSocket(nobody.toString())).toBe(nobody.toString());
    process.env['AULA_DATABASE_SOCKET'] = 'off';
    try {
      expect(await preferUnixSocket(overTcp)).toBe(overTcp);
    } finally {
      delete process.env['AULA_DATABASE_SOCKET'];
    }
  });
});
