import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QUEUES } from '@aula/contracts';
import { OutboxEvent, OutboxService } from '@aula/server/outbox';
import { WorkerModule } from '../worker.module';
import { OutboxPublisher } from './outbox.publisher';

describe('outbox relay', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let relay: OutboxPublisher;
  let certificates: Queue;
  let mail: Queue;

  beforeAll(async () => {
    // Every processor but the relay: the test publishes by hand.
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(['certificates', 'mail', 'reminders', 'maintenance']), { logger: false });
    await app.init();
    dataSource = app.get(DataSource);
    relay = app.get(OutboxPublisher);
    certificates = app.get(getQueueToken(QUEUES.certificates));
    mail = app.get(getQueueToken(QUEUES.mail));
  });
  afterAll(() => app.close());

  const completion = () => ({ enrolmentId: randomUUID(), userId: randomUUID(), cohortId: randomUUID(), courseId: randomUUID(), completedAt: new Date().toISOString() });

  it('publishes each event to its queues with the event id as job id', async () => {
    const [completed, changed] = await dataSource.transaction(async (em) => [
      await app.get(OutboxService).add(em, 'enrolment.completed', completion()),
      await app.get(OutboxService).add(em, 'enrolment.status-changed', { enrolmentId: randomUUID(), userId: randomUUID(), cohortId: randomUUID(), from: 'pending', to: 'active' }),
    ]);
    while ((await relay.publishBatch()) > 0);
    const job = await certificates.getJob(completed.id);
    expect(job?.data).toMatchObject({ eventId: completed.id, type: 'enrolment.completed', payload: completed.payload });
    expect((await mail.getJob(changed.id))?.data.type).toBe('enrolment.status-changed');
    expect(await certificates.getJob(changed.id)).toBeUndefined();
    const rows = await dataSource.getRepository(OutboxEvent).findBy([{ id: completed.id }, { id: changed.id }]);
    expect(rows.every((r) => r.publishedAt !== null)).toBe(true);
  });

  it('never makes a second job when an event is published again', async () => {
    const event = await dataSource.transaction((em) => app.get(OutboxService).add(em, 'enrolment.completed', completion()));
    while ((await relay.publishBatch()) > 0);
    // As if the worker died after writing to Redis and before committing.
    await dataSource.getRepository(OutboxEvent).update({ id: event.id }, { publishedAt: null });
    while ((await relay.publishBatch()) > 0);
    const jobs = await certificates.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    expect(jobs.filter((j) => j.data.eventId === event.id)).toHaveLength(1);
  });

  it('keeps events in PostgreSQL while Redis is away and sends them when it returns', async () => {
    const dead = new Queue(QUEUES.certificates, {
      connection: { host: '127.0.0.1', port: 9, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null },
    });
    dead.on('error', () => undefined);
    const offline = new OutboxPublisher(dataSource, dead, dead, dead, dead);
    const event = await dataSource.transaction((em) => app.get(OutboxService).add(em, 'enrolment.completed', completion()));
    await expect(offline.publishBatch()).rejects.toThrow();
    expect((await dataSource.getRepository(OutboxEvent).findOneByOrFail({ id: event.id })).publishedAt).toBeNull();
    await dead.close().catch(() => undefined);

    while ((await relay.publishBatch()) > 0);
    expect(await certificates.getJob(event.id)).toBeDefined();
  });
});
