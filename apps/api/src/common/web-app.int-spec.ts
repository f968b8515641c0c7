import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../testing/test-app';

/** The API serves the built web app: one address for people. */
describe('serving the web app', () => {
  let t: TestApp;
  let dist: string;
  const bundle = `console.log(${JSON.stringify('x'.repeat(2000))});`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'aula-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Aula</title><script src="main-ABCDEFGH.js"></script>');
    writeFileSync(join(dist, 'main-ABCDEFGH.js'), bundle);
    writeFileSync(join(dist, 'main-ABCDEFGH.js.br'), brotliCompressSync(bundle));
    t = await startTestApp({ WEB_DIST: dist });
  });
  afterAll(() => t.close());

  it('answers the root and deep links with the app', async () => {
    for (const url of ['/', '/learn', '/admin/users?q=x']) {
      const res = await t.request({ method: 'GET', url });
      expect({ url, status: res.statusCode, type: res.headers['content-type'] }).toEqual({ url, status: 200, type: 'text/html; charset=utf-8' });
      expect(res.body).toContain('<title>Aula</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves a rebuilt app without a restart', async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Aula rebuilt</title>');
    utimesSync(join(dist, 'index.html'), new Date(), new Date(Date.now() + 5000));
    expect((await t.request({ method: 'GET', url: '/learn' })).body).toContain('Aula rebuilt');
    expect((await t.request({ method: 'GET', url: '/' })).body).toContain('Aula rebuilt');
  });

  it('sends hashed bundles compressed and cacheable for a year', async () => {
    const res = await t.request({ method: 'GET', url: '/main-ABCDEFGH.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toContain('immutable');
    const plain = await t.request({ method: 'GET', url: '/main-ABCDEFGH.js' });
    expect(plain.body).toBe(bundle);
  });

  it('keeps 404 for missing files and API paths', async () => {
    expect((await t.request({ method: 'GET', url: '/missing-file.js' })).statusCode).toBe(404);
    const api = await t.request({ method: 'GET', url: '/api/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
