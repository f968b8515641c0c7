import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { EventJob, WorkshopInput } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { OutboxEvent } from '@aula/server/outbox';
import {
  AttendanceService,
  RegistrationService,
  WorkshopCertificate,
  WorkshopService,
  WorkshopSessionService,
} from '@aula/server/workshops';
import { CertificatesProcessor } from '../certification/certificates.processor';
import { WorkerModule } from '../worker.module';

jest.setTimeout(90_000);
const uid = () => randomUUID().slice(0, 8);

/** The certificates queue handles `workshop.held` as relayed from the outbox: once per registration, whatever the deliveries. */
describe('workshop participation certificates (worker)', () => {
  let app: INestApplicationContext;
  let ds: DataSource;
  let dataDir: string;
  let admin: Actor;
  const saved = { ...process.env };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'aula-workshop-certificates-'));
    process.env['DATA_DIR'] = dataDir;
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(['certificates']), {
      logger: false,
    });
    await app.init();
    ds = app.get(DataSource);
    admin = { id: (await person('Admin')).id, roles: ['admin'], sid: randomUUID() };
  });
  afterAll(async () => {
    await app?.close();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);

  async function person(displayName: string): Promise<{ id: string; actor: Actor }> {
    const email = `wc.${uid()}@test.aula.example`;
    const [row] = (await ds.query(
      `INSERT INTO users (email, display_name, password_hash, roles, locale, search_text) VALUES ($1, $2, '!none', '{trainee}', 'es', $3) RETURNING id`,
      [email, displayName, email],
    )) as { id: string }[];
    const id = row?.id as string;
    return { id, actor: { id, roles: ['trainee'], sid: randomUUID() } };
  }

  it('issues one certificate per participant at or above the threshold, delivered twice and after the report', async () => {
    const [region] = (await ds.query(
      `INSERT INTO regions (slug, name, country, subdivision, world_region, status, search_text)
       VALUES ($1, '{"es":"Antioquia"}', 'CO', 'CO-ANT', 'latin-america-caribbean', 'participating', 'antioquia') RETURNING id`,
      [`antioquia-${uid()}`],
    )) as { id: string }[];
    const [institution] = (await ds.query(
      `INSERT INTO institutions (names, primary_name, kind, country, region_id, search_text)
       VALUES ('[{"value":"Gobernación de Antioquia","lang":"es","type":"official"}]', 'Gobernación de Antioquia', 'government', 'CO', $1, 'gobernacion') RETURNING id`,
      [region?.id],
    )) as { id: string }[];
    const workshops = app.get(WorkshopService);
    const w = await workshops.create(admin, {
      slug: `taller-${uid()}`,
      kind: 'region-specific',
      defaultLocale: 'es',
      title: { es: 'Plan de acción regional', en: 'Regional action plan' },
      hostInstitutionId: institution?.id,
      hostRegionId: region?.id,
      participatingRegionIds: [region?.id],
      format: 'online',
      onlineUrl: 'https://meet.aula.test/plan',
      timeZone: 'America/Bogota',
      startDate: '2031-03-10',
      endDate: '2031-03-11',
      registrationMode: 'open',
    } as WorkshopInput);
    const sessions = app.get(WorkshopSessionService);
    const s1 = await sessions.add(admin, w.id, {
      title: { es: 'Uno' },
      startsAt: '2031-03-10T14:00:00Z',
      endsAt: '2031-03-10T17:00:00Z',
    });
    const s2 = await sessions.add(admin, w.id, {
      title: { es: 'Dos' },
      startsAt: '2031-03-11T14:00:00Z',
      endsAt: '2031-03-11T15:00:00Z',
    });
    await workshops.setStatus(admin, w.id, { to: 'published' });
    const [three, one] = [await person('አበበ ቢቂላ'), await person('Dora Díaz')];
    const registrations = app.get(RegistrationService);
    const attendance = app.get(AttendanceService);
    const regOf = async (p: { actor: Actor }) =>
      (await registrations.register(p.actor, w.slug, { country: 'CO' })).id;
    const r3 = await regOf(three);
    const r1 = await regOf(one);
    await attendance.markFromRoll(admin, w.id, s1.id, r3, true); // 3 h of 4 h: exactly 75%
    await attendance.markFromRoll(admin, w.id, s2.id, r1, true); // 1 h of 4 h
    for (const to of ['registration-closed', 'in-progress', 'held'] as const)
      await workshops.setStatus(admin, w.id, { to });

    // The event the transition wrote, as the relay hands it to the queue (job id = event id).
    const events = await ds
      .getRepository(OutboxEvent)
      .createQueryBuilder('e')
      .where(`e.type = 'workshop.held' AND e.payload->>'workshopId' = :id`, { id: w.id })
      .getMany();
    expect(events).toHaveLength(1);
    const event = events[0] as OutboxEvent;
    const data = {
      eventId: event.id,
      type: 'workshop.held',
      payload: event.payload,
      occurredAt: event.createdAt.toISOString(),
    } as EventJob<'workshop.held'>;
    const job = { id: event.id, name: data.type, data } as unknown as Job<EventJob>;
    const processor = app.get(CertificatesProcessor);
    const outcomes = await Promise.all([processor.process(job as never), processor.process(job as never)]);
    expect(outcomes.map((o) => ('issued' in o ? o.issued : -1)).sort()).toEqual([0, 1]);

    const rows = () => ds.getRepository(WorkshopCertificate).find({ where: { workshopId: w.id } });
    const issued = await rows();
    expect(
      issued.map((c) => [
        c.userId,
        c.holderName,
        c.workshopTitle,
        c.hostInstitution,
        Number(c.attendedHours),
        c.language,
      ]),
    ).toEqual([[three.id, 'አበበ ቢቂላ', 'Plan de acción regional', 'Gobernación de Antioquia', 3, 'es']]);

    await workshops.setStatus(admin, w.id, { to: 'report-published' });
    expect(await processor.process(job as never)).toEqual({ issued: 0, eligible: 1 });
    expect((await rows()).map((c) => c.code)).toEqual(issued.map((c) => c.code));
  });
});
