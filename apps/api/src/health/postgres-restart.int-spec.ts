import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@aula/server/database';
import { startTestApp, type TestApp } from '../testing/test-app';

/**
 * PostgreSQL restarted under a running API: requests that need it answer 503 meanwhile, and the
 * API recovers by itself. Runs its own local server (started like `npm start` does) so the shared
 * one is never touched.
 */
describe('PostgreSQL restart', () => {
  const databaseUrl = 'postgres://postgres@127.0.0.1:55439/aula_restart';
  let services: typeof import('../../../../tools/scripts/services/index.mjs');
  let stopPostgres: () => Promise<void>;
  let t: TestApp;

  beforeAll(async () => {
    // The test stops and starts a real server with the same script `npm start` uses.
    // eslint-disable-next-line @nx/enforce-module-boundaries
    services = await import('../../../../tools/scripts/services/index.mjs');
    const running = await services.ensureServices({ databaseUrl, redisUrl: process.env['REDIS_URL'], log: () => undefined });
    stopPostgres = running.stop;
    const dataSource = await new DataSource(dataSourceOptions(databaseUrl, 1)).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    t = await startTestApp({ DATABASE_URL: databaseUrl });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await stopPostgres?.();
  });

  it('answers 503 while PostgreSQL is down and recovers when it is back', async () => {
    const { session } = await t.register();
    const me = () => t.request({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect((await me()).statusCode).toBe(200);

    await stopPostgres();
    const down = await me();
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBeDefined();
    expect(down.json()).toMatchObject({ status: 503 });
    expect((await t.request({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(503);
    expect((await t.request({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

    const restarted = await services.ensureServices({ databaseUrl, redisUrl: process.env['REDIS_URL'], log: () => undefined });
    stopPostgres = restarted.stop;
    expect((await me()).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
  }, 120_000);
});
