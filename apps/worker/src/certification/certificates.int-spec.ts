import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents, type Job, type Queue } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { QUEUES, type EventJob } from '@aula/contracts';
import {
  Certificate,
  CertificateIssuer,
  CertificatePdfRenderer,
  certificateStorageKey,
  STATUS_LIST_SIZE,
  statusBit,
} from '@aula/server/certification';
import { AppConfig } from '@aula/server/core';
import { IdentityService } from '@aula/server/identity';
import { OutboxEvent, OutboxService } from '@aula/server/outbox';
import {
  certificateCohort,
  completedTrainee,
  type CertificateCohort,
} from '@aula/server/certification/testing';
import { OutboxPublisher } from '../outbox/outbox.publisher';
import { WorkerModule } from '../worker.module';
import { CertificatesProcessor } from './certificates.processor';

jest.setTimeout(60_000);

describe('certificate issuing (worker)', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let processor: CertificatesProcessor;
  let cohort: CertificateCohort;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'aula-certificates-'));
    process.env['DATA_DIR'] = dataDir;
    // Every processor but the relay: the tests publish by hand.
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(['certificates', 'mail', 'reminders', 'maintenance']), { logger: false });
    await app.init();
    db = app.get(DataSource);
    processor = app.get(CertificatesProcessor);
    cohort = await certificateCohort(db);
  });
  afterAll(async () => {
    await app.close();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const trainee = (extra: Parameters<typeof completedTrainee>[3] = {}) =>
    completedTrainee(db, app.get(IdentityService), cohort.cohortId, extra);

  function completedEvent(enrolmentId: string, userId: string, eventId = randomUUID()): Job<EventJob> {
    const data: EventJob<'enrolment.completed'> = {
      eventId,
      type: 'enrolment.completed',
      payload: {
        enrolmentId,
        userId,
        cohortId: cohort.cohortId,
        courseId: cohort.courseId,
        completedAt: new Date().toISOString(),
      },
      occurredAt: new Date().toISOString(),
    };
    return { id: eventId, name: data.type, data } as unknown as Job<EventJob>;
  }

  const rowsOf = (enrolmentId: string) =>
    db.getRepository(Certificate).find({ where: { enrolmentId }, order: { generation: 'ASC' } });
  const filesOf = (enrolmentId: string): string[] => {
    try {
      return readdirSync(join(dataDir, 'files', 'certificates', enrolmentId));
    } catch {
      return [];
    }
  };
  const issuedEvents = async (enrolmentId: string) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'certificate.issued' AND payload->>'enrolmentId' = $1`,
        [enrolmentId],
      )
    )[0].n as number;
  const fileHash = (c: Certificate) =>
    createHash('sha256')
      .update(readFileSync(join(dataDir, 'files', c.storageKey)))
      .digest('hex');

  it('issues one certificate, one file and one announcement when the same event is delivered twice, even at once', async () => {
    const t = await trainee();
    const job = completedEvent(t.enrolmentId, t.userId);
    const results = await Promise.all([processor.process(job as never), processor.process(job as never)]);
    await processor.process(completedEvent(t.enrolmentId, t.userId) as never); // a second event for the same completion
    expect(results.filter((r) => 'created' in r && r.created)).toHaveLength(1);
    const rows = await rowsOf(t.enrolmentId);
    expect(rows).toHaveLength(1);
    expect(filesOf(t.enrolmentId)).toEqual(['1.pdf']);
    expect(fileHash(rows[0])).toBe(rows[0].contentHash);
    expect(rows[0].code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await issuedEvents(t.enrolmentId)).toBe(1);
  });

  it('a duplicate that waited for the lock while the first delivery issued renders in vain, and writes neither a row nor the file', async () => {
    const t = await trainee({ displayName: 'Nguyễn Thị Hằng' });
    const job = completedEvent(t.enrolmentId, t.userId);
    const renderer = app.get(CertificatePdfRenderer);
    const render = renderer.render.bind(renderer);
    // Backends of this database queued behind the enrolment lock: the second delivery's first statement
    // (its text is cut short in pg_stat_activity, hence its beginning).
    const waiting = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT e.id AS "enrolmentId"%'`,
        )
      )[0].n as number;
    let renders = 0;
    const spy = jest.spyOn(renderer, 'render').mockImplementation(async (...args) => {
      // The first delivery holds the lock until the second one waits for it, whatever the timing.
      if (renders++ === 0) {
        const deadline = Date.now() + 15_000;
        while ((await waiting()) === 0) {
          if (Date.now() > deadline) throw new Error('the second delivery never waited for the lock');
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      return render(...args);
    });
    let results: Awaited<ReturnType<CertificatesProcessor['process']>>[];
    try {
      results = await Promise.all([processor.process(job as never), processor.process(job as never)]);
    } finally {
      spy.mockRestore();
    }
    // The second read before its lock was granted, so it saw no certificate and rendered too.
    expect(renders).toBe(2);
    expect(results.map((r) => 'created' in r && r.created).sort()).toEqual([false, true]);
    const rows = await rowsOf(t.enrolmentId);
    expect(rows).toHaveLength(1);
    expect(results.map((r) => 'certificateId' in r && r.certificateId)).toEqual([rows[0].id, rows[0].id]);
    expect(filesOf(t.enrolmentId)).toEqual(['1.pdf']);
    expect(fileHash(rows[0])).toBe(rows[0].contentHash); // the loser did not overwrite the winner's file
    expect(await issuedEvents(t.enrolmentId)).toBe(1);
  });

  it('leaves one row and one file when the job dies after storing the PDF and before committing, then runs again', async () => {
    const t = await trainee({ displayName: 'Анна Иванова' });
    const job = completedEvent(t.enrolmentId, t.userId);
    const outbox = app.get(OutboxService);
    const crash = jest
      .spyOn(outbox, 'add')
      .mockImplementationOnce(() => Promise.reject(new Error('worker killed')));
    await expect(processor.process(job as never)).rejects.toThrow('worker killed');
    crash.mockRestore();
    expect(await rowsOf(t.enrolmentId)).toHaveLength(0);
    expect(filesOf(t.enrolmentId)).toEqual(['1.pdf']); // the orphan the retry will overwrite
    const orphan = readFileSync(join(dataDir, 'files', certificateStorageKey(t.enrolmentId, 1)));

    await processor.process(job as never);
    const rows = await rowsOf(t.enrolmentId);
    expect(rows).toHaveLength(1);
    expect(filesOf(t.enrolmentId)).toEqual(['1.pdf']);
    expect(fileHash(rows[0])).toBe(rows[0].contentHash);
    expect(createHash('sha256').update(orphan).digest('hex')).not.toBe(rows[0].contentHash);
    expect(await issuedEvents(t.enrolmentId)).toBe(1);
  });

  it('issues through the outbox and the queue: completion event → job (id = event id) → certificate', async () => {
    const t = await trainee({ displayName: 'محمد بن عبد الله', locale: 'es' });
    const event = await db.transaction((em) =>
      app.get(OutboxService).add(em, 'enrolment.completed', {
        enrolmentId: t.enrolmentId,
        userId: t.userId,
        cohortId: cohort.cohortId,
        courseId: cohort.courseId,
        completedAt: new Date().toISOString(),
      }),
    );
    const relay = app.get(OutboxPublisher);
    while ((await relay.publishBatch()) > 0);
    const queue = app.get<Queue>(getQueueToken(QUEUES.certificates));
    const events = new QueueEvents(QUEUES.certificates, {
      connection: { url: app.get(AppConfig).REDIS_URL },
    });
    try {
      const job = await queue.getJob(event.id);
      if (!job) throw new Error('the relay made no job for the event');
      await job.waitUntilFinished(events, 30_000);
    } finally {
      await events.close();
    }
    const [row] = await rowsOf(t.enrolmentId);
    expect(row).toMatchObject({
      holderName: 'محمد بن عبد الله',
      language: 'es',
      courseTitle: 'Curso Certificates',
      generation: 1,
    });
    expect(
      (await db.getRepository(OutboxEvent).findOneByOrFail({ id: event.id })).publishedAt,
    ).not.toBeNull();
  });

  it('does nothing for an enrolment that is not completed', async () => {
    const t = await trainee({ status: 'active' });
    await processor.process(completedEvent(t.enrolmentId, t.userId) as never);
    expect(await rowsOf(t.enrolmentId)).toHaveLength(0);
    expect(filesOf(t.enrolmentId)).toEqual([]);
  });

  it('re-issues once with a new code; the old one is replaced and set in the signed status list', async () => {
    const t = await trainee();
    const issuer = app.get(CertificateIssuer);
    const first = await issuer.issue(t.enrolmentId);
    const old = first.certificate as Certificate;
    const job = (id: string) =>
      ({
        id,
        name: 'certificate.reissue-requested',
        data: {
          eventId: id,
          type: 'certificate.reissue-requested',
          payload: { certificateId: old.id, expiresAt: null, requestedById: t.userId },
          occurredAt: '',
        },
      }) as unknown as Job;
    const reissueJob = job(randomUUID());
    await Promise.all([processor.process(reissueJob as never), processor.process(reissueJob as never)]);
    const rows = await rowsOf(t.enrolmentId);
    expect(rows.map((r) => r.generation)).toEqual([1, 2]);
    expect(rows[0].replacedById).toBe(rows[1].id);
    expect(rows[1].code).not.toBe(rows[0].code);
    expect(filesOf(t.enrolmentId).sort()).toEqual(['1.pdf', '2.pdf']);
    const [list] = (await db.query(`SELECT credential_jwt FROM certificate_status_lists WHERE id = 1`)) as {
      credential_jwt: string;
    }[];
    const encoded = (
      JSON.parse(Buffer.from(list.credential_jwt.split('.')[1], 'base64url').toString()) as {
        credentialSubject: { encodedList: string };
      }
    ).credentialSubject.encodedList;
    expect(statusBit(encoded, rows[0].statusListIndex % STATUS_LIST_SIZE)).toBe(true);
    expect(statusBit(encoded, rows[1].statusListIndex % STATUS_LIST_SIZE)).toBe(false);
  });
});
