import { startTestApp, type TestApp } from '../testing/test-app';

describe('health', () => {
  it('is live and ready when PostgreSQL and Redis answer', async () => {
    const t = await startTestApp();
    try {
      expect((await t.request({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
      const ready = await t.request({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().checks).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
    } finally {
      await t.close();
    }
  });

  describe('while Redis is down', () => {
    let t: TestApp;
    // Port 9 (discard) has no Redis on a test machine: connections are refused at once.
    beforeAll(async () => {
      t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:9' });
    });
    afterAll(() => t.close());

    it('stays live, reports not ready with Redis named, and still signs people in', async () => {
      expect((await t.request({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const ready = await t.request({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'error', checks: { postgres: { status: 'up' }, redis: { status: 'down' } } });
      const { session } = await t.register();
      expect((await t.request({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${session.accessToken}` } })).statusCode).toBe(200);
    });
  });
});
