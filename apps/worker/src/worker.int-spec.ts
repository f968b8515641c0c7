import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QUEUES } from '@aula/contracts';
import { assertNoEviction, WORKER_PROCESSOR_NAMES } from '@aula/server/core';
import { CertificateTemplateService } from '@aula/server/certification';
import { IdentityService, RefreshToken } from '@aula/server/identity';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import type { QueueJob } from './queue-job';
import { WorkerModule } from './worker.module';

async function startRedis(policy: string): Promise<{ url: string; stop: () => void; process: ChildProcess }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', policy], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return { url, process: child, stop: () => child.kill('SIGKILL') };
    } catch {
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

describe('worker', () => {
  it('refuses a Redis that may evict keys, and accepts noeviction', async () => {
    const lru = await startRedis('allkeys-lru');
    const client = new Redis(lru.url);
    try {
      await expect(assertNoEviction(client)).rejects.toThrow(/allkeys-lru.*noeviction/);
      await client.config('SET', 'maxmemory-policy', 'noeviction');
      await expect(assertNoEviction(client)).resolves.toBeUndefined();
    } finally {
      client.disconnect();
      lru.stop();
    }
  });

  describe('maintenance', () => {
    let app: INestApplicationContext;
    beforeAll(async () => {
      app = await NestFactory.createApplicationContext(WorkerModule.forRoot(WORKER_PROCESSOR_NAMES), { logger: false });
      await app.init();
    });
    afterAll(() => app.close());

    it('schedules the daily purge and image sweep once each, however many workers upsert them', async () => {
      const queue = app.get<Queue>(getQueueToken(QUEUES.maintenance));
      await app.get(MaintenanceProcessor).onApplicationBootstrap();
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.filter((s) => s.key === 'purge-expired-sessions')).toHaveLength(1);
      expect(schedulers.filter((s) => s.key === 'sweep-template-images')).toHaveLength(1);
    });

    it('runs the image sweep as its job says, with the grace period in hours', async () => {
      const sweep = jest.spyOn(app.get(CertificateTemplateService), 'sweepUnusedImages').mockResolvedValue(3);
      try {
        const before = Date.now();
        const result = await app.get(MaintenanceProcessor).process({ name: 'sweep-template-images', data: { graceHours: 24 } } as QueueJob<'maintenance'>);
        expect(result).toEqual({ removed: 3 });
        const cutoff = (sweep.mock.calls[0][0] as Date).getTime();
        expect(cutoff).toBeGreaterThanOrEqual(before - 24 * 3600_000);
        expect(cutoff).toBeLessThanOrEqual(Date.now() - 24 * 3600_000);
      } finally {
        sweep.mockRestore();
      }
    });

    it('purges refresh tokens that expired long ago and keeps live ones', async () => {
      const user = await app.get(IdentityService).createUser({ email: `purge.${randomUUID()}@test.aula.example`, password: 'long-enough-pass', displayName: 'Purge Test' });
      const tokens = app.get(DataSource).getRepository(RefreshToken);
      const old = await tokens.save({ userId: user.id, familyId: randomUUID(), tokenHash: randomUUID().replace(/-/g, '').padEnd(64, '0'), expiresAt: new Date(Date.now() - 40 * 86400_000) });
      const live = await tokens.save({ userId: user.id, familyId: randomUUID(), tokenHash: randomUUID().replace(/-/g, '').padEnd(64, '1'), expiresAt: new Date(Date.now() + 86400_000) });
      const result = await app.get(MaintenanceProcessor).process({ name: 'purge-expired-sessions', data: { olderThanDays: 30 } } as QueueJob<'maintenance'>);
      expect('purged' in result && result.purged).toBeGreaterThanOrEqual(1);
      expect(await tokens.findOneBy({ id: old.id })).toBeNull();
      expect(await tokens.findOneBy({ id: live.id })).not.toBeNull();
    });
  });
});
