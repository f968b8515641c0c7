import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DelayedError, type Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { QUEUES, type EventJob } from '@aula/contracts';
import { AppConfig, loadConfig } from '@aula/server/core';
import { OutboxService } from '@aula/server/outbox';
import {
  dedupeKey,
  localDate,
  localParts,
  MailContentLoader,
  MailDeliveryService,
  MailTransport,
  NotificationService,
  NotificationTokens,
  PasswordResetService,
  TemporaryMailError,
} from '@aula/server/notification';
import type { QueueJob } from '../queue-job';
import { WorkerModule } from '../worker.module';
import { jobIdFor } from './mail-queue';
import { DEFERRED_RECHECK_MS, MailProcessor } from './mail.processor';
import { ReminderScheduler } from './reminder.scheduler';
import { eventually, setDates, startRedis, startSmtpSink, submit, traineeWithWork, type Fixture } from '@aula/server/notification/testing';


const HOUR = 3600_000;

/** An IANA zone (fixed offset) whose local hour right now is within [from, to). */
function zoneWithLocalHour(from: number, to: number): string {
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? 'Etc/UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
    const hour = localParts(new Date(), zone).hour;
    if (hour >= from && hour < to) return zone;
  }
  throw new Error('no zone');
}

describe('notifications: mail pipeline and reminders', () => {
  let app: INestApplicationContext;
  let ds: DataSource;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailQueue: Queue;
  let scheduler: ReminderScheduler;
  let processor: MailProcessor;
  const saved = { ...process.env };

  beforeAll(async () => {
    redis = await startRedis();
    smtp = await startSmtpSink();
    Object.assign(process.env, { REDIS_URL: redis.url, SMTP_URL: smtp.url, MAIL_RATE_PER_SECOND: '1000', PUBLIC_URL: 'https://aula.test' });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(['mail', 'outbox']), { logger: false });
    await app.init();
    ds = app.get(DataSource);
    mailQueue = app.get(getQueueToken(QUEUES.mail));
    for (const name of Object.values(QUEUES)) app.get<Queue>(getQueueToken(name)).on('error', () => undefined);
    scheduler = app.get(ReminderScheduler);
    processor = app.get(MailProcessor);
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await redis?.stop();
    process.env = saved;
  });

  const event = (f: Fixture, type: EventJob['type'], payload: object): Promise<unknown> =>
    ds.transaction((em) => app.get(OutboxService).add(em, type, payload as never));

  describe('each message in each language, in the recipient\'s time zone', () => {
    const cases = [
      { locale: 'en', zone: 'Asia/Manila', approved: 'You are enrolled in Regional planning', due: /Reminder: Action plan is due .*(Saturday|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday)/ },
      { locale: 'es', zone: 'America/Bogota', approved: 'Tu inscripción en Planificación regional está confirmada', due: /Recordatorio: Plan de acción vence el / },
      { locale: 'pt', zone: 'America/Sao_Paulo', approved: 'Sua inscrição em Planejamento regional foi confirmada', due: /Lembrete: Plano de ação vence em / },
    ] as const;

    for (const c of cases) {
      it(`${c.locale}: enrolment, waiting list, promotion, receipt, grade and deadline mails`, async () => {
        const f = await traineeWithWork(ds, { locale: c.locale, timeZone: c.zone, displayName: 'José Ñúñez' });
        await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' });
        await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: null, to: 'waitlisted' });
        await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'waitlisted', to: 'active' });
        const submissionId = await submit(ds, f);
        await event(f, 'assignment.submitted', { submissionId, activityId: f.assignmentId, enrolmentId: f.enrolmentId, userId: f.userId, version: 1 });
        const [grade] = (await ds.query(
          `INSERT INTO grades (activity_id, enrolment_id, status, released_at) VALUES ($1, $2, 'released', now()) RETURNING id`,
          [f.quizId, f.enrolmentId],
        )) as { id: string }[];
        await event(f, 'grade.released', { gradeId: grade?.id, activityId: f.quizId, enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId });

        const mails = await eventually(() => smtp.to(f.email).length >= 5 && smtp.to(f.email));
        const subjects = mails.map((m) => m.parsed.subject);
        expect(subjects).toContain(c.approved);
        expect(mails.every((m) => m.parsed.html && m.parsed.text && m.parsed.text.includes('José Ñúñez'))).toBe(true);
        const receipt = mails.find((m) => m.parsed.text?.includes('v') && m.parsed.headers.get('subject')?.toString().match(/Action plan|Plan de acción|Plano de ação/));
        expect(receipt).toBeDefined();
        // Links go to the platform's public address.
        expect(mails.every((m) => (m.parsed.html || '').includes('https://aula.test/'))).toBe(true);

        // A reminder: the due time is shown on the recipient's clock.
        const due = new Date(Date.now() + 20 * HOUR);
        await setDates(ds, { ...f }, f.quizId, {});
        const other = await traineeWithWork(ds, { locale: c.locale, timeZone: c.zone, displayName: 'José Ñúñez' });
        await setDates(ds, other, other.assignmentId, { dueAt: due });
        await scheduler.run(new Date(), { ignoreDaytime: true });
        const [reminder] = await eventually(() => smtp.to(other.email).length > 0 && smtp.to(other.email));
        expect(reminder?.parsed.subject).toMatch(c.due);
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: c.zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due);
        expect(reminder?.parsed.text).toContain(local);
      });
    }

    it('invitation and password reset carry single-use links and cannot be turned off', async () => {
      const f = await traineeWithWork(ds, { locale: 'es', timeZone: 'America/Bogota' });
      await ds.query(`INSERT INTO notification_preferences (user_id, kind, mode) SELECT $1, k, 'off' FROM unnest($2::text[]) k`, [
        f.userId,
        ['enrolment', 'deadline-reminder', 'grade-released'],
      ]);
      const [invitation] = (await ds.query(`INSERT INTO user_invitations (user_id, expires_at) VALUES ($1, now() + interval '7 days') RETURNING id`, [f.userId])) as {
        id: string;
      }[];
      await event(f, 'user.invited', { userId: f.userId, invitationId: invitation?.id });
      await app.get(PasswordResetService).request(f.email, '203.0.113.9');
      const mails = await eventually(() => smtp.to(f.email).length >= 2 && smtp.to(f.email));
      const invite = mails.find((m) => m.parsed.subject === 'Te invitamos a Aula');
      const reset = mails.find((m) => m.parsed.subject === 'Restablece tu contraseña de Aula');
      expect(invite?.parsed.text).toMatch(/https:\/\/aula\.test\/accept-invitation\?token=[A-Za-z0-9_-]{40,}/);
      expect(reset?.parsed.text).toMatch(/https:\/\/aula\.test\/reset-password\?token=[A-Za-z0-9_-]{40,}/);
      expect(invite?.parsed.headers.has('list-unsubscribe')).toBe(false);
    });
  });

  it('a worker killed mid-send loses nothing: its copy waits while the claim is fresh, then takes it over and sends once', async () => {
    const f = await traineeWithWork(ds);
    const request = { userId: f.userId, template: 'enrolment-approved' as const, subjectId: f.enrolmentId, enrolmentId: f.enrolmentId, occasion: 'killed-mid-send' };
    const key = dedupeKey(request);
    // The first worker claimed the message and died before the mail server had it.
    await ds.query(
      `INSERT INTO mail_ledger (dedupe_key, user_id, template, kind, status, claimed_at, attempts)
       VALUES ($1, $2, 'enrolment-approved', 'enrolment', 'sending', now(), 1)`,
      [key, f.userId],
    );
    const delivery = app.get(MailDeliveryService);
    expect(await delivery.deliver(request)).toBe('deferred');

    // The queue's copy of that job is not finished as a duplicate: it waits in the delayed set, retries untouched.
    const moveToDelayed = jest.fn(async () => undefined);
    const job = { name: 'reminder', data: request, attemptsMade: 0, opts: {}, moveToDelayed } as unknown as QueueJob<'mail'>;
    await expect(processor.process(job, 'lock-token')).rejects.toBeInstanceOf(DelayedError);
    expect(moveToDelayed).toHaveBeenCalledWith(expect.any(Number), 'lock-token');
    const [[until]] = moveToDelayed.mock.calls as unknown as [[number]];
    expect(until - Date.now()).toBeGreaterThan(DEFERRED_RECHECK_MS - 5000);
    expect(smtp.to(f.email)).toHaveLength(0);

    // Once the dead worker's claim is stale, the next try takes it over.
    await ds.query(`UPDATE mail_ledger SET claimed_at = now() - interval '11 minutes' WHERE dedupe_key = $1`, [key]);
    expect(await processor.process(job, 'lock-token')).toEqual(['sent']);
    await eventually(() => smtp.to(f.email).length === 1);
    expect(await delivery.deliver(request)).toBe('duplicate');
    expect(smtp.to(f.email)).toHaveLength(1);
  });

  it('sends one mail for the same event twice, two workers at once and a scheduler run twice', async () => {
    const f = await traineeWithWork(ds);
    const job = { eventId: '0f3c8c55-2b68-4f55-9d7c-8c1d8f7b1a01', type: 'enrolment.status-changed', occurredAt: new Date().toISOString(), payload: { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' } };
    const asJob = { name: job.type, data: job, attemptsMade: 0, opts: {} } as unknown as QueueJob<'mail'>;
    const outcomes = (await Promise.all([processor.deliver(asJob), processor.deliver(asJob), processor.deliver(asJob)])).flat();
    // The copies that lost the claim while the first was still sending wait; asked again, they find it settled.
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'deferred')).toHaveLength(2);
    expect(await processor.deliver(asJob)).toEqual(['duplicate']);

    await setDates(ds, f, f.assignmentId, { dueAt: new Date(Date.now() + 30 * HOUR) });
    await Promise.all([scheduler.run(new Date(), { ignoreDaytime: true }), scheduler.run(new Date(), { ignoreDaytime: true })]);
    await scheduler.run(new Date(), { ignoreDaytime: true });
    await eventually(() => smtp.to(f.email).length >= 2);
    // Whatever else is in flight settles before counting.
    await eventually(async () => (await mailQueue.getJobCounts('waiting', 'active', 'delayed')).waiting === 0);
    expect(smtp.to(f.email).filter((m) => /enrolled/.test(m.parsed.subject ?? ''))).toHaveLength(1);
    expect(smtp.to(f.email).filter((m) => /Reminder/.test(m.parsed.subject ?? ''))).toHaveLength(1);
    const [ledger] = (await ds.query(`SELECT count(*)::int AS n FROM mail_ledger WHERE user_id = $1 AND template = 'assignment-due'`, [f.userId])) as { n: number }[];
    expect(ledger?.n).toBe(1);
  });

  it('reminds active trainees only, and a submission made after queueing cancels the reminder', async () => {
    const night = zoneWithLocalHour(0, 5);
    const active = await traineeWithWork(ds, { timeZone: night });
    const withdrawn = await traineeWithWork(ds, { status: 'withdrawn' });
    const due = new Date(Date.now() + 23 * HOUR);
    await setDates(ds, active, active.assignmentId, { dueAt: due });
    await setDates(ds, withdrawn, withdrawn.assignmentId, { dueAt: due });
    await scheduler.run();

    const request = { userId: active.userId, template: 'assignment-due' as const, subjectId: active.assignmentId, occasion: `${active.enrolmentId}:24h@${due.toISOString()}` };
    const job = await mailQueue.getJob(jobIdFor('reminder', dedupeKey(request)));
    if (!job) throw new Error('the reminder was not queued');
    // Quiet hours: 00:00–05:00 local now, so the reminder waits for 08:00 on the trainee's clock.
    const sendAt = new Date(job.timestamp + (job.opts.delay ?? 0));
    expect(localParts(sendAt, night)).toMatchObject({ hour: 8, minute: 0 });
    expect(sendAt.getTime()).toBeGreaterThan(Date.now() + HOUR);
    const withdrawnRows = (await ds.query(`SELECT 1 FROM mail_ledger WHERE user_id = $1`, [withdrawn.userId])) as unknown[];
    const queuedForWithdrawn = (await mailQueue.getDelayed()).concat(await mailQueue.getCompleted()).filter((j) => (j.data as { userId?: string }).userId === withdrawn.userId);
    expect(queuedForWithdrawn).toHaveLength(0);
    expect(withdrawnRows).toHaveLength(0);

    await submit(ds, { ...active });
    expect(await processor.deliver(job as QueueJob<'mail'>)).toEqual(['cancelled']);
    expect(smtp.to(active.email)).toHaveLength(0);
  });

  it('a reminder in the recipient\'s daytime goes at once', async () => {
    const day = zoneWithLocalHour(10, 18);
    const f = await traineeWithWork(ds, { timeZone: day });
    await setDates(ds, f, f.quizId, { closesAt: new Date(Date.now() + 5 * HOUR) });
    await scheduler.run();
    const [mail] = await eventually(() => smtp.to(f.email).length > 0 && smtp.to(f.email));
    expect(mail?.parsed.subject).toMatch(/^Reminder: the quiz Check-in quiz closes /);
  });

  it('puts a one-click unsubscribe link on every optional mail', async () => {
    const f = await traineeWithWork(ds);
    await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' });
    const [mail] = await eventually(() => smtp.to(f.email).length > 0 && smtp.to(f.email));
    expect(mail?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const headers = (mail?.raw ?? '').split('\r\n\r\n')[0]?.replace(/\r\n[ \t]+/g, ' ') ?? '';
    const url = /^List-Unsubscribe: <([^>]+)>/m.exec(headers)?.[1] ?? '';
    expect(url.startsWith('https://aula.test/api/notifications/unsubscribe?token=')).toBe(true);
    expect(app.get(NotificationTokens).readUnsubscribeToken(new URL(url).searchParams.get('token') ?? '')).toEqual({ userId: f.userId, kind: 'enrolment' });
  });

  it('never lets a display name with CR/LF add a header or a recipient', async () => {
    const f = await traineeWithWork(ds);
    await ds.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [f.userId, 'Eve\r\nBcc: victim@evil.example\r\nX-Injected: yes']);
    await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' });
    const [mail] = await eventually(() => smtp.to(f.email).length > 0 && smtp.to(f.email));
    expect(mail?.envelopeTo).toEqual([f.email]);
    expect(mail?.parsed.headers.has('bcc')).toBe(false);
    expect(mail?.parsed.headers.has('x-injected')).toBe(false);
    expect(smtp.received.some((m) => m.envelopeTo.includes('victim@evil.example'))).toBe(false);
  });

  it('flags an address the server refuses for good and sends nothing more to it', async () => {
    const f = await traineeWithWork(ds, { emailLocal: 'bounce' });
    const delivery = app.get(MailDeliveryService);
    const request = { userId: f.userId, template: 'enrolment-approved' as const, subjectId: f.enrolmentId, enrolmentId: f.enrolmentId, occasion: 'one' };
    expect(await delivery.deliver(request)).toBe('failed');
    const [flag] = (await ds.query(`SELECT reason FROM undeliverable_addresses WHERE email = $1`, [f.email])) as { reason: string }[];
    expect(flag?.reason).toMatch(/^550/);
    expect(await delivery.deliver({ ...request, occasion: 'two' })).toBe('failed');
  });

  it('retries a temporary refusal and then delivers once', async () => {
    const f = await traineeWithWork(ds, { emailLocal: 'busy' });
    await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' });
    await eventually(() => smtp.to(f.email).length, 30_000);
    // The ledger records the outcome just after the server took the message.
    const row = await eventually(async () => {
      const [found] = (await ds.query(`SELECT status, attempts FROM mail_ledger WHERE user_id = $1`, [f.userId])) as { status: string; attempts: number }[];
      return found?.status !== 'sending' && found;
    });
    expect(row).toEqual({ status: 'sent', attempts: 2 });
    expect(smtp.to(f.email)).toHaveLength(1);
  }, 40_000);

  it('chases overdue work once, announces tomorrow\'s start, nudges the inactive and tells tutors about waiting work', async () => {
    const overdue = await traineeWithWork(ds);
    await setDates(ds, overdue, overdue.assignmentId, { dueAt: new Date(Date.now() - 2 * HOUR) });
    const tomorrow = new Date(Date.parse(`${localDate(new Date(), 'America/Bogota')}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
    const starting = await traineeWithWork(ds, { cohortZone: 'America/Bogota', startDate: tomorrow });
    const quiet = await traineeWithWork(ds);
    await ds.query(`UPDATE enrolments SET last_activity_at = now() - interval '8 days' WHERE id = $1`, [quiet.enrolmentId]);
    const marked = await traineeWithWork(ds);
    await submit(ds, marked);
    await ds.query(`UPDATE submissions SET submitted_at = now() - interval '50 hours' WHERE enrolment_id = $1`, [marked.enrolmentId]);
    const tutor = await traineeWithWork(ds, { locale: 'pt' });
    await ds.query(`INSERT INTO cohort_tutors (cohort_id, user_id) VALUES ($1, $2)`, [marked.cohortId, tutor.userId]);

    await scheduler.run(new Date(), { ignoreDaytime: true });
    await scheduler.run(new Date(), { ignoreDaytime: true });
    const subjectsOf = async (f: Fixture, n: number) => (await eventually(() => smtp.to(f.email).length >= n && smtp.to(f.email))).map((m) => m.parsed.subject);
    expect(await subjectsOf(overdue, 1)).toEqual(['Action plan is overdue']);
    expect(await subjectsOf(starting, 1)).toEqual(['Regional planning starts tomorrow']);
    expect(await subjectsOf(quiet, 1)).toEqual(['We miss you in Regional planning']);
    expect(await subjectsOf(tutor, 1)).toEqual(['1 entregas aguardam correção em Planejamento regional']);
    await eventually(async () => (await mailQueue.getJobCounts('waiting', 'active')).waiting === 0);
    for (const f of [overdue, starting, quiet, tutor]) expect(smtp.to(f.email)).toHaveLength(1);
  });

  it('holds digest mail for the daily summary and still shows it in the app', async () => {
    const f = await traineeWithWork(ds);
    await ds.query(`INSERT INTO notification_preferences (user_id, kind, mode) VALUES ($1, 'enrolment', 'digest')`, [f.userId]);
    await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' });
    await eventually(async () => ((await ds.query(`SELECT 1 FROM mail_ledger WHERE user_id = $1 AND status = 'held'`, [f.userId])) as unknown[]).length > 0);
    expect(smtp.to(f.email)).toHaveLength(0);
    const [inApp] = (await ds.query(`SELECT title, link FROM notifications WHERE user_id = $1`, [f.userId])) as { title: string; link: string }[];
    expect(inApp).toEqual({ title: 'You are enrolled in Regional planning', link: `/courses/${f.slug}` });
    await scheduler.run(new Date(), { ignoreDaytime: true });
    const [digest] = await eventually(() => smtp.to(f.email).length > 0 && smtp.to(f.email));
    expect(digest?.parsed.subject).toBe('Your daily summary from Aula');
    expect(digest?.parsed.text).toContain('- You are enrolled in Regional planning');
    await scheduler.run(new Date(), { ignoreDaytime: true });
    await eventually(async () => (await mailQueue.getJobCounts('waiting', 'active')).waiting === 0);
    expect(smtp.to(f.email)).toHaveLength(1);
  });

  it('announces an issued certificate', async () => {
    const f = await traineeWithWork(ds, { locale: 'es' });
    const [cert] = (await ds.query(
      `INSERT INTO certificates (id, enrolment_id, user_id, cohort_id, course_id, code, holder_name, course_title, cohort_name, language, issued_at,
                                 content_hash, storage_key, size, credential_jwt, status_list_index)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'Ana', 'Planificación regional', 'Cohort 2026-1', 'es', now(), repeat('0', 64), 'k', 1, 'jwt', 0)
       RETURNING id`,
      [f.enrolmentId, f.userId, f.cohortId, f.courseId, `C${Date.now().toString(36)}`],
    )) as { id: string }[];
    await event(f, 'certificate.issued', { certificateId: cert?.id, enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, replacesId: null });
    const [mail] = await eventually(() => smtp.to(f.email).length > 0 && smtp.to(f.email));
    expect(mail?.parsed.subject).toBe('Tu certificado de Planificación regional está listo');
  });

  describe('the bell does not depend on the e-mail', () => {
    const bell = async (userId: string) => (await app.get(NotificationService).list(userId, {})).items;
    const approvedJob = (f: Fixture) =>
      ({
        name: 'enrolment.status-changed',
        data: {
          eventId: randomUUID(),
          type: 'enrolment.status-changed',
          occurredAt: new Date().toISOString(),
          payload: { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' },
        },
        attemptsMade: 0,
        opts: {},
      }) as unknown as QueueJob<'mail'>;
    const emailOff = (f: Fixture, kinds: string[]) =>
      ds.query(`INSERT INTO notification_preferences (user_id, kind, mode) SELECT $1, k, 'off' FROM unnest($2::text[]) k`, [f.userId, kinds]);

    it('"off" turns off the e-mail only: no mail, and the bell still has the event and the reminder', async () => {
      const f = await traineeWithWork(ds, { locale: 'pt' });
      await emailOff(f, ['enrolment', 'deadline-reminder']);
      await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' });
      await setDates(ds, f, f.assignmentId, { dueAt: new Date(Date.now() + 20 * HOUR) });
      await scheduler.run(new Date(), { ignoreDaytime: true });

      const items = await eventually(async () => {
        const found = await bell(f.userId);
        return found.length >= 2 && found;
      });
      expect(items.find((n) => n.kind === 'enrolment')).toMatchObject({ title: 'Sua inscrição em Planejamento regional foi confirmada', link: `/courses/${f.slug}` });
      expect(items.find((n) => n.kind === 'deadline-reminder')).toMatchObject({ title: expect.stringMatching(/^Lembrete: Plano de ação vence em /), link: `/learn/activities/${f.assignmentId}` });
      // Both are settled in the ledger as not mailed: nothing will go out later either.
      const ledger = (await ds.query(`SELECT template, status FROM mail_ledger WHERE user_id = $1 ORDER BY template`, [f.userId])) as { template: string; status: string }[];
      expect(ledger).toEqual([
        { template: 'assignment-due', status: 'skipped' },
        { template: 'enrolment-approved', status: 'skipped' },
      ]);
      expect(smtp.to(f.email)).toHaveLength(0);
    });

    it('the same event twice makes one notification, whether the e-mail is on or off', async () => {
      const on = await traineeWithWork(ds);
      const job = approvedJob(on);
      const outcomes = (await Promise.all([processor.deliver(job), processor.deliver(job)])).flat();
      outcomes.push(...(await processor.deliver(job)));
      expect(outcomes.sort()).toEqual(['deferred', 'duplicate', 'sent']);
      expect(await bell(on.userId)).toHaveLength(1);
      expect(smtp.to(on.email)).toHaveLength(1);

      const off = await traineeWithWork(ds);
      await emailOff(off, ['enrolment']);
      const offJob = approvedJob(off);
      await Promise.all([processor.deliver(offJob), processor.deliver(offJob)]);
      await processor.deliver(offJob);
      const items = await bell(off.userId);
      expect(items.map((n) => n.title)).toEqual(['You are enrolled in Regional planning']);
      expect(smtp.to(off.email)).toHaveLength(0);

      // A second worker at the same moment (its own batches, its own connections): still one of each.
      const second = new MailDeliveryService(ds, app.get(AppConfig), app.get(MailContentLoader), app.get(MailTransport), app.get(NotificationTokens));
      const both = await traineeWithWork(ds);
      const request = { userId: both.userId, template: 'enrolment-approved' as const, subjectId: both.enrolmentId, enrolmentId: both.enrolmentId, occasion: 'two-workers' };
      const [a, b] = await Promise.all([app.get(MailDeliveryService).deliver(request), second.deliver(request)]);
      // One sends; the other waits for it (deferred) or, if it came after, finds it sent (duplicate).
      expect([a, b].filter((o) => o === 'sent')).toHaveLength(1);
      expect([a, b].filter((o) => o === 'deferred' || o === 'duplicate')).toHaveLength(1);
      expect(await second.deliver(request)).toBe('duplicate');
      expect(await bell(both.userId)).toHaveLength(1);
      expect(smtp.to(both.email)).toHaveLength(1);
    });

    it('SMTP away: the bell has the notification while the mail server does not answer, and the mail waits for a retry', async () => {
      // A mail server that takes the connection and never says a word.
      const sockets = new Set<Socket>();
      const silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const down = loadConfig({ ...process.env, SMTP_URL: `smtp://127.0.0.1:${(silent.address() as { port: number }).port}` });
      const transport = new MailTransport(down);
      const delivery = new MailDeliveryService(ds, down, app.get(MailContentLoader), transport, app.get(NotificationTokens));
      try {
        const f = await traineeWithWork(ds);
        const request = { userId: f.userId, template: 'enrolment-approved' as const, subjectId: f.enrolmentId, enrolmentId: f.enrolmentId, occasion: 'smtp-away' };
        const outcome = delivery.deliver(request).then(
          (o) => o,
          (e: unknown) => e,
        );
        const [item] = await eventually(async () => {
          const found = await bell(f.userId);
          return found.length > 0 && found;
        });
        expect(item).toMatchObject({ kind: 'enrolment', title: 'You are enrolled in Regional planning', readAt: null });
        // The mail is still in the hands of the silent server: the bell did not wait for it.
        const status = async () => ((await ds.query(`SELECT status FROM mail_ledger WHERE dedupe_key = $1`, [dedupeKey(request)])) as { status: string }[])[0]?.status;
        expect(await status()).toBe('sending');
        await eventually(() => sockets.size > 0);
        expect(await status()).toBe('sending');

        // The server never greets: the send gives up (a temporary failure) and the queue will try again.
        expect(await outcome).toBeInstanceOf(TemporaryMailError);
        // Put back for the queue's next try; the bell keeps its one notification.
        expect(await status()).toBe('pending');
        expect(await bell(f.userId)).toHaveLength(1);
      } finally {
        transport.onModuleDestroy();
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    }, 40_000);
  });

  it('keeps events while Redis is down and mails them when it returns', async () => {
    const f = await traineeWithWork(ds);
    await redis.stop();
    await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: 'pending', to: 'active' });
    await event(f, 'enrolment.status-changed', { enrolmentId: f.enrolmentId, userId: f.userId, cohortId: f.cohortId, from: null, to: 'waitlisted' });
    const [waiting] = (await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL AND payload->>'userId' = $1`, [f.userId])) as { n: number }[];
    expect(waiting?.n).toBe(2);
    redis = await startRedis(redis.port);
    const mails = await eventually(() => smtp.to(f.email).length >= 2 && smtp.to(f.email), 30_000);
    expect(mails.map((m) => m.parsed.subject).sort()).toEqual(['You are enrolled in Regional planning', 'You are on the waiting list for Regional planning']);
  }, 40_000);
});
