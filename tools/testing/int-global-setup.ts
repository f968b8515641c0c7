import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@aula/server/database';

const state = globalThis as typeof globalThis & { __aulaTeardown?: () => Promise<void> };

/**
 * Integration tests run against real PostgreSQL, Redis and SMTP: a fresh database per run,
 * migrated like production, dropped at the end.
 */
export default async function setup(): Promise<void> {
  const services = await import('../scripts/services/index.mjs');
  const base = new URL(process.env['DATABASE_URL'] ?? services.DEFAULTS.databaseUrl);
  base.pathname = `/aula_test_${randomBytes(4).toString('hex')}`;
  const redis = new URL(process.env['REDIS_URL'] ?? services.DEFAULTS.redisUrl);
  // A Redis database of its own, so test counters never touch a developer's running platform.
  if (redis.pathname === '' || redis.pathname === '/') redis.pathname = '/1';
  const running = await services.ensureServices({
    databaseUrl: base.toString(),
    redisUrl: redis.toString(),
    smtp: true,
    smtpUrl: process.env['SMTP_URL'] ?? 'smtp://127.0.0.1:1025',
    mailWebUrl: process.env['MAIL_WEB_URL'] ?? 'http://127.0.0.1:1080',
    log: () => undefined,
  });
  const dataSource = new DataSource(dataSourceOptions(running.databaseUrl, 2));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  // Specs compare `now()` in SQL with `Date.now()` in Node; a run whose clock is moved
  // (`npm test -- jest --clock=…`) must have moved both, or its results say nothing.
  const [{ now }] = (await dataSource.query('select now() as now')) as { now: Date }[];
  await dataSource.destroy();
  const skew = Math.abs(now.getTime() - Date.now());
  if (skew > 60_000) {
    throw new Error(
      `PostgreSQL's clock reads ${now.toISOString()} and this run's ${new Date().toISOString()}: a moved clock must move both.`,
    );
  }

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: running.databaseUrl,
    REDIS_URL: running.redisUrl,
    SMTP_URL: running.smtpUrl,
    LOG_LEVEL: 'silent',
    WEB_DIST: '',
  });
  state.__aulaTeardown = async () => {
    await services.dropDatabase(running.databaseUrl);
    await running.stop();
  };
}
