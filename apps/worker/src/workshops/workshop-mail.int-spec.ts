import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QUEUES, type Locale, type WorkshopInput } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { CalendarService, formatDateTime, localDate } from '@aula/server/notification';
import { eventually, startRedis, startSmtpSink, type ReceivedMail } from '@aula/server/notification/testing';
import { RegistrationService, WorkshopService, WorkshopSessionService } from '@aula/server/workshops';
import { MailProcessor } from '../notification/mail.processor';
import { ReminderScheduler } from '../notification/reminder.scheduler';
import { WorkerModule } from '../worker.module';

const HOUR = 3600_000;
const uid = () => randomUUID().slice(0, 8);

describe('workshops: mail, reminders, seat offers and the calendar feed', () => {
  let app: INestApplicationContext;
  let ds: DataSource;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let workshops: WorkshopService;
  let sessions: WorkshopSessionService;
  let registrations: RegistrationService;
  let admin: Actor;
  let directory: { institutionId: string; regionId: string };
  const saved = { ...process.env };

  beforeAll(async () => {
    redis = await startRedis();
    smtp = await startSmtpSink();
    Object.assign(process.env, { REDIS_URL: redis.url, SMTP_URL: smtp.url, MAIL_RATE_PER_SECOND: '1000', PUBLIC_URL: 'https://aula.test' });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(['mail', 'outbox', 'maintenance']), { logger: false });
    await app.init();
    ds = app.get(DataSource);
    for (const name of Object.values(QUEUES)) app.get<Queue>(getQueueToken(name)).on('error', () => undefined);
    workshops = app.get(WorkshopService);
    sessions = app.get(WorkshopSessionService);
    registrations = app.get(RegistrationService);
    app.get(MailProcessor).agendaQuietMs = 1500;
    const adminUser = await person('en', 'UTC', 'Admin');
    admin = { id: adminUser.id, roles: ['admin'], sid: randomUUID() };
    const [region] = (await ds.query(
      `INSERT INTO regions (slug, name, country, subdivision, world_region, status, search_text)
       VALUES ($1, '{"es":"Antioquia"}', 'CO', 'CO-ANT', 'latin-america-caribbean', 'participating', 'antioquia') RETURNING id`,
      [`antioquia-${uid()}`],
    )) as { id: string }[];
    const [institution] = (await ds.query(
      `INSERT INTO institutions (names, primary_name, kind, country, region_id, search_text)
       VALUES ('[{"value":"Gobernación","lang":"es","type":"official"}]', 'Gobernación', 'government', 'CO', $1, 'gobernacion') RETURNING id`,
      [region?.id],
    )) as { id: string }[];
    directory = { institutionId: institution?.id as string, regionId: region?.id as string };
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await redis?.stop();
    process.env = saved;
    // Closing waits for the worker's jobs in flight, which on a busy machine can take a while.
  }, 90_000);

  async function person(locale: Locale, timeZone: string, displayName: string): Promise<{ id: string; email: string; actor: Actor }> {
    const email = `ws.${uid()}@test.aula.example`;
    const [row] = (await ds.query(
      `INSERT INTO users (email, display_name, password_hash, roles, locale, time_zone, search_text)
       VALUES ($1, $2, '!none', '{trainee}', $3, $4, $5) RETURNING id`,
      [email, displayName, locale, timeZone, email],
    )) as { id: string }[];
    const id = row?.id as string;
    return { id, email, actor: { id, roles: ['trainee'], sid: randomUUID() } };
  }

  /** A published workshop in Bogotá's time with the given sessions (ISO instants). */
  async function workshop(overrides: Partial<WorkshopInput>, agenda: { start: string; end: string; title: string }[]) {
    const created = await workshops.create(admin, {
      slug: `taller-${uid()}`,
      kind: 'interregional',
      defaultLocale: 'es',
      title: { es: 'Intercambio interregional', en: 'Interregional exchange' },
      hostInstitutionId: directory.institutionId,
      hostRegionId: directory.regionId,
      participatingRegionIds: [directory.regionId],
      format: 'in-person',
      venue: { address: 'Calle 10 # 5-20', city: 'Medellín', country: 'CO' },
      timeZone: 'America/Bogota',
      startDate: '2031-03-10',
      endDate: '2031-03-12',
      registrationMode: 'open',
      ...overrides,
    } as WorkshopInput);
    const added = [];
    for (const s of agenda) added.push(await sessions.add(admin, created.id, { title: { es: s.title }, startsAt: s.start, endsAt: s.end }));
    await workshops.setStatus(admin, created.id, { to: 'published' });
    return { ...created, sessions: added };
  }

  const subjects = (email: string) => smtp.to(email).map((m) => m.parsed.subject ?? '');
  const mailWith = (email: string, subject: RegExp) => eventually(() => smtp.to(email).find((m) => subject.test(m.parsed.subject ?? '')));
  /** Lets any duplicate arrive before counting. */
  const settle = () => new Promise((r) => setTimeout(r, 1500));
  const count = (email: string, subject: RegExp) => subjects(email).filter((s) => subject.test(s)).length;

  const AGENDA = [
    { start: '2031-03-10T14:00:00Z', end: '2031-03-10T16:00:00Z', title: 'Apertura' },
    { start: '2031-03-11T13:30:00Z', end: '2031-03-11T17:00:00Z', title: 'Mesas regionales' },
  ];

  it("writes each mail once in the recipient's language, with both clocks, and a valid invitation for a confirmed seat", async () => {
    const w = await workshop({ capacity: 2, slug: `lenguas-${uid()}` }, AGENDA);
    const en = await person('en', 'Asia/Manila', 'Maria Santos');
    const es = await person('es', 'America/Argentina/Buenos_Aires', 'José Ñúñez');
    const pt = await person('pt', 'America/Sao_Paulo', 'João Silva');
    for (const p of [en, es, pt]) await registrations.register(p.actor, w.slug, { country: 'CO' });

    const confirmed = await mailWith(en.email, /^Your seat at Interregional exchange is confirmed$/);
    const first = new Date(AGENDA[0]!.start);
    expect(confirmed.parsed.text).toContain(`${formatDateTime(first, 'en', 'Asia/Manila')} (your time)`);
    expect(confirmed.parsed.text).toContain(`${formatDateTime(first, 'en', 'America/Bogota')} (workshop time, America/Bogota)`);
    expect(confirmed.parsed.text).toContain('Maria Santos');

    // The invitation: METHOD:REQUEST, one event per session, ids from the sessions, UTC times.
    const ics = confirmed.parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ics?.filename).toBe('workshop.ics');
    const calendar = new ICAL.Component(ICAL.parse(ics?.content.toString('utf8') ?? ''));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(w.sessions.map((s) => `workshop-session-${s.id}@aula.test`));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(AGENDA.map((a) => new Date(a.start).toISOString()));
    expect(events[0]?.summary).toBe('Interregional exchange: Apertura');
    expect(String(events[0]?.attendees[0]?.getFirstValue()).toLowerCase()).toBe(`mailto:${en.email}`);
    // A request needs an organiser to answer to.
    expect(String(events[0]?.organizer).toLowerCase()).toMatch(/^mailto:.+@/);

    const esMail = await mailWith(es.email, /^Tu lugar en Intercambio interregional está confirmado$/);
    expect(esMail.parsed.text).toContain(`${formatDateTime(first, 'es', 'America/Argentina/Buenos_Aires')} (tu hora)`);
    expect(esMail.parsed.text).toContain('(hora del taller, America/Bogota)');
    // Portuguese has no title: the workshop's default language stands in.
    const waitlisted = await mailWith(pt.email, /^Você está na lista de espera de Intercambio interregional$/);
    expect(waitlisted.parsed.text).toContain('Você é o número 1 na lista de espera');
    expect(waitlisted.parsed.attachments).toHaveLength(0);

    await settle();
    expect(subjects(en.email)).toEqual(['Your seat at Interregional exchange is confirmed']);
    expect(subjects(es.email)).toEqual(['Tu lugar en Intercambio interregional está confirmado']);
    expect(subjects(pt.email)).toEqual(['Você está na lista de espera de Intercambio interregional']);
  });

  it('sends a relayed event once however often it is delivered, and honours a person who turned these mails off', async () => {
    const w = await workshop({}, AGENDA);
    const p = await person('en', 'UTC', 'Twice');
    const quiet = await person('en', 'UTC', 'Quiet');
    await ds.query(`INSERT INTO notification_preferences (user_id, kind, mode) VALUES ($1, 'enrolment', 'off')`, [quiet.id]);
    const registration = await registrations.register(p.actor, w.slug, { country: 'CO' });
    await registrations.register(quiet.actor, w.slug, { country: 'CO' });
    await mailWith(p.email, /is confirmed$/);

    // The same job again (a redelivery, or the relay publishing twice): the ledger keeps it to one mail.
    const [event] = (await ds.query(
      `SELECT id, created_at AS "createdAt" FROM outbox_events WHERE type = 'workshop-registration.confirmed' AND payload->>'registrationId' = $1`,
      [registration.id],
    )) as { id: string; createdAt: Date }[];
    const again = {
      name: 'workshop-registration.confirmed',
      data: { eventId: event?.id, type: 'workshop-registration.confirmed', payload: { registrationId: registration.id, workshopId: w.id, userId: p.id }, occurredAt: new Date(event?.createdAt as Date).toISOString() },
      attemptsMade: 0,
      opts: {},
    } as unknown as Parameters<MailProcessor['deliver']>[0];
    expect(await app.get(MailProcessor).deliver(again)).toEqual(['duplicate']);

    // Turned off: no mail, but the bell still has it.
    const bell = await eventually(async () => {
      const rows = (await ds.query(`SELECT title FROM notifications WHERE user_id = $1`, [quiet.id])) as { title: string }[];
      return rows.length > 0 && rows;
    });
    expect(bell).toEqual([{ title: 'Your seat at Interregional exchange is confirmed' }]);
    await settle();
    expect(smtp.to(p.email)).toHaveLength(1);
    expect(smtp.to(quiet.email)).toHaveLength(0);
  });

  it('sends the received and declined mails, the decline with its reason', async () => {
    const w = await workshop({ registrationMode: 'application' }, AGENDA);
    const p = await person('es', 'America/Bogota', 'Lucía Pérez');
    const registration = await registrations.register(p.actor, w.slug, { country: 'CO', motivation: 'Planificación' });
    await mailWith(p.email, /^Recibimos tu solicitud para Intercambio interregional$/);
    await registrations.decline(admin, registration.id, 'El cupo es para equipos de planeación');
    const declined = await mailWith(p.email, /^Tu solicitud para Intercambio interregional fue rechazada$/);
    expect(declined.parsed.text).toContain('Su motivo: El cupo es para equipos de planeación');
    await settle();
    expect(smtp.to(p.email)).toHaveLength(2);
  });

  it('passes an expired seat offer to the next in line through the scheduled job, and mails them', async () => {
    const w = await workshop({ capacity: 1, holdHours: 24 }, AGENDA);
    const [a, b, c] = [await person('en', 'UTC', 'Ama'), await person('pt', 'America/Sao_Paulo', 'Bia'), await person('es', 'America/Lima', 'Cata')];
    const ra = await registrations.register(a.actor, w.slug, { country: 'CO' });
    const rb = await registrations.register(b.actor, w.slug, { country: 'CO' });
    const rc = await registrations.register(c.actor, w.slug, { country: 'CO' });
    await registrations.withdraw(a.actor, ra.id);
    const offered = await mailWith(b.email, /^Abriu uma vaga para você em Intercambio interregional$/);
    const [offer] = (await ds.query(`SELECT offer_expires_at AS at FROM workshop_registrations WHERE id = $1`, [rb.id])) as { at: Date }[];
    expect(offered.parsed.text).toContain(`antes de ${formatDateTime(new Date(offer?.at as Date), 'pt', 'America/Sao_Paulo')} (seu horário)`);

    // The hold runs out; the every-minute job is run now instead of waiting for its schedule.
    await ds.query(`UPDATE workshop_registrations SET offer_expires_at = now() - interval '1 minute' WHERE id = $1`, [rb.id]);
    const maintenance = app.get<Queue>(getQueueToken(QUEUES.maintenance));
    const job = await maintenance.add('workshop-offer-expiry', {});
    await eventually(async () => (await job.isCompleted()) && true);
    expect((await maintenance.getJob(job.id as string))?.returnvalue).toEqual({ expired: 1 });

    const statuses = (await ds.query(`SELECT id, status FROM workshop_registrations WHERE id = ANY($1::uuid[])`, [[rb.id, rc.id]])) as { id: string; status: string }[];
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [rb.id]: 'expired', [rc.id]: 'offered' });
    const promoted = await mailWith(c.email, /^Hay un lugar para ti en Intercambio interregional$/);
    expect(promoted.parsed.text).toContain('(tu hora)');
    await mailWith(b.email, /^Sua oferta de vaga em Intercambio interregional expirou$/);
    await mailWith(a.email, /^You left Interregional exchange$/);
    await settle();
    expect(count(c.email, /Hay un lugar para ti/)).toBe(1);
    expect(count(b.email, /Abriu uma vaga/)).toBe(1);
  });

  it('cancelling a workshop ends every registration in the same change and tells everyone registered once', async () => {
    const w = await workshop({ capacity: 1, holdHours: 24 }, AGENDA);
    const people = [await person('en', 'UTC', 'One'), await person('es', 'America/Bogota', 'Dos'), await person('pt', 'America/Sao_Paulo', 'Três')];
    for (const p of people) await registrations.register(p.actor, w.slug, { country: 'CO' });
    const before = (await ds.query(`SELECT status FROM workshop_registrations WHERE workshop_id = $1 ORDER BY arrival`, [w.id])) as { status: string }[];
    expect(before.map((r) => r.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted']);

    await workshops.setStatus(admin, w.id, { to: 'cancelled', reason: 'Sin quórum regional' });

    const after = (await ds.query(`SELECT status FROM workshop_registrations WHERE workshop_id = $1`, [w.id])) as { status: string }[];
    expect(after.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const [seats] = (await ds.query(`SELECT seats_taken AS n FROM workshops WHERE id = $1`, [w.id])) as { n: number }[];
    expect(seats?.n).toBe(0);
    const notices = [
      await mailWith(people[0]!.email, /^Interregional exchange is cancelled$/),
      await mailWith(people[1]!.email, /^Intercambio interregional se canceló$/),
      await mailWith(people[2]!.email, /^Intercambio interregional foi cancelado$/),
    ];
    expect(notices.every((m: ReceivedMail) => m.parsed.text?.includes('Sin quórum regional'))).toBe(true);
    expect(notices[0]?.parsed.text).toContain(`${formatDateTime(new Date(AGENDA[0]!.start), 'en', 'UTC')} (your time)`);
    await settle();
    for (const p of people) expect(count(p.email, /cancel/)).toBe(1);
  });

  it('tells confirmed participants once per batch of agenda changes, with the agenda as it stands', async () => {
    const w = await workshop({ capacity: 1 }, AGENDA);
    const confirmed = await person('es', 'America/Bogota', 'Confirmada');
    const waiting = await person('es', 'America/Bogota', 'En espera');
    await registrations.register(confirmed.actor, w.slug, { country: 'CO' });
    await registrations.register(waiting.actor, w.slug, { country: 'CO' });
    await mailWith(confirmed.email, /confirmado/);

    // Three changes in a row: one message.
    const extra = await sessions.add(admin, w.id, { title: { es: 'Cierre' }, startsAt: '2031-03-12T15:00:00Z', endsAt: '2031-03-12T16:00:00Z' });
    await sessions.update(admin, w.id, extra.id, { title: { es: 'Cierre y compromisos' } });
    await sessions.delete(admin, w.id, w.sessions[1]!.id);
    const notice = await mailWith(confirmed.email, /^Cambió la agenda de Intercambio interregional$/);
    expect(notice.parsed.text).toContain(`${formatDateTime(new Date('2031-03-12T15:00:00Z'), 'es', 'America/Bogota')} (tu hora)`);
    expect(notice.parsed.text).toContain('Cierre y compromisos');
    expect(notice.parsed.text).not.toContain('Mesas regionales');
    await settle();
    expect(count(confirmed.email, /Cambió la agenda/)).toBe(1);
    expect(count(waiting.email, /Cambió la agenda/)).toBe(0);

    // A later change is a new batch.
    await sessions.update(admin, w.id, extra.id, { room: 'Sala 2' });
    await eventually(() => count(confirmed.email, /Cambió la agenda/) === 2);
  });

  it("reminds confirmed participants the day before the first session, once, on their own calendar", async () => {
    const tomorrow = localDate(new Date(Date.now() + 24 * HOUR), 'UTC');
    const start = new Date(`${tomorrow}T12:00:00Z`);
    const w = await workshop({ timeZone: 'UTC', startDate: tomorrow, endDate: tomorrow, capacity: 1 }, [
      { start: start.toISOString(), end: new Date(start.getTime() + 2 * HOUR).toISOString(), title: 'Apertura' },
    ]);
    const p = await person('pt', 'UTC', 'Rita');
    const waiting = await person('pt', 'UTC', 'Espera');
    await registrations.register(p.actor, w.slug, { country: 'CO' });
    await registrations.register(waiting.actor, w.slug, { country: 'CO' });
    await mailWith(waiting.email, /lista de espera/);
    const scheduler = app.get(ReminderScheduler);
    await scheduler.run(new Date(), { ignoreDaytime: true });
    await scheduler.run(new Date(), { ignoreDaytime: true });
    const reminder = await mailWith(p.email, /^Intercambio interregional começa amanhã$/);
    expect(reminder.parsed.text).toContain(`${formatDateTime(start, 'pt', 'UTC')} (seu horário)`);
    await settle();
    expect(count(p.email, /começa amanhã/)).toBe(1);
    // Only a confirmed seat is reminded.
    expect(count(waiting.email, /começa amanhã/)).toBe(0);
  });

  it("puts a confirmed participant's sessions in their calendar feed, and nobody else's", async () => {
    const w = await workshop({ capacity: 1 }, AGENDA);
    const seated = await person('en', 'UTC', 'Seated');
    const waiting = await person('en', 'UTC', 'Waiting');
    await registrations.register(seated.actor, w.slug, { country: 'CO' });
    await registrations.register(waiting.actor, w.slug, { country: 'CO' });
    const calendars = app.get(CalendarService);
    const token = (who: string) => calendars.regenerate(who).then((f) => (f.url ?? '').split('/').pop()?.replace(/\.ics$/, '') ?? '');

    const feed = await calendars.render(await token(seated.id));
    const events = new ICAL.Component(ICAL.parse(feed ?? '')).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const mine = events.filter((e) => e.uid.startsWith('workshop-session-'));
    expect(mine.map((e) => e.uid)).toEqual(w.sessions.map((s) => `workshop-session-${s.id}@aula.test`));
    expect(mine.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual(
      AGENDA.map((a) => [`Interregional exchange: ${a.title}`, new Date(a.start).toISOString(), new Date(a.end).toISOString()]),
    );
    expect(mine[0]?.location).toContain('Medellín');

    const other = await calendars.render(await token(waiting.id));
    expect(other).not.toContain('workshop-session-');
  });
});
