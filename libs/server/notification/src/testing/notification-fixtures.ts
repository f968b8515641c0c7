import { simpleParser, type ParsedMail } from 'mailparser';
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import type { Locale } from '@aula/contracts';

/** One message as the SMTP server received it: envelope and parsed content. */
export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server for the test (smtp-server + mailparser). Recipients starting with `bounce`
 * are refused for good (550); `busy` ones are refused for a moment (451) the first `busyTimes`.
 */
export async function startSmtpSink(options: { busyTimes?: number } = {}) {
  const received: ReceivedMail[] = [];
  const busy = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const local = address.address.split('@')[0] ?? '';
      if (local.startsWith('bounce')) return callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
      if (local.startsWith('busy')) {
        const seen = busy.get(address.address) ?? 0;
        busy.set(address.address, seen + 1);
        if (seen < (options.busyTimes ?? 1)) return callback(Object.assign(new Error('4.2.1 Try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address: string) => received.filter((m) => m.envelopeTo.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A private redis-server, so this file's queues meet no other test's workers, and can be stopped. */
export async function startRedis(port = 20000 + Math.floor(Math.random() * 20000)) {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return {
        url,
        port,
        stop: () =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      };
    } catch {
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

/** Polls until `check` returns a value (not a fixed sleep: it returns as soon as the thing happened). */
export async function eventually<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const uid = () => randomUUID().slice(0, 8);

/** The id of the single row an INSERT ... RETURNING gave back. */
function idOf(rows: { id: string }[]): string {
  const id = rows[0]?.id;
  if (!id) throw new Error('insert returned no row');
  return id;
}

export interface Fixture {
  userId: string;
  email: string;
  courseId: string;
  slug: string;
  cohortId: string;
  enrolmentId: string;
  assignmentId: string;
  quizId: string;
}

/**
 * A trainee (given language and zone) enrolled in a cohort of a course with one assignment and
 * one quiz, written straight to the tables (the domains that own them have their own tests).
 */
export async function traineeWithWork(
  ds: DataSource,
  options: { locale?: Locale; timeZone?: string; displayName?: string; status?: string; emailLocal?: string; startDate?: string; endDate?: string; cohortZone?: string } = {},
): Promise<Fixture> {
  const email = `${options.emailLocal ?? 'trainee'}.${uid()}@test.aula.example`;
  const user = idOf((await ds.query(
    `INSERT INTO users (email, display_name, password_hash, roles, locale, time_zone, search_text)
     VALUES ($1, $2, '!none', '{trainee}', $3, $4, $5) RETURNING id`,
    [email, options.displayName ?? 'Ana Souza', options.locale ?? 'en', options.timeZone ?? 'UTC', email],
  )) as { id: string }[]);
  const programme = idOf((await ds.query(`INSERT INTO programmes (slug, title) VALUES ($1, '{"en":"Programme"}') RETURNING id`, [`p-${uid()}`])) as { id: string }[]);
  const slug = `course-${uid()}`;
  const course = idOf((await ds.query(
    `INSERT INTO courses (programme_id, slug, status, title, locales) VALUES ($1, $2, 'published',
       '{"en":"Regional planning","es":"Planificación regional","pt":"Planejamento regional"}', '{en,es,pt}') RETURNING id`,
    [programme, slug],
  )) as { id: string }[]);
  const mod = idOf((await ds.query(`INSERT INTO course_modules (course_id, position, title) VALUES ($1, 0, '{"en":"Module"}') RETURNING id`, [course])) as { id: string }[]);
  const assignment = idOf((await ds.query(
    `INSERT INTO activities (module_id, course_id, position, kind, title) VALUES ($1, $2, 0, 'assignment',
       '{"en":"Action plan","es":"Plan de acción","pt":"Plano de ação"}') RETURNING id`,
    [mod, course],
  )) as { id: string }[]);
  const quiz = idOf((await ds.query(
    `INSERT INTO activities (module_id, course_id, position, kind, title) VALUES ($1, $2, 1, 'quiz', '{"en":"Check-in quiz","es":"Cuestionario"}') RETURNING id`,
    [mod, course],
  )) as { id: string }[]);
  const cohort = idOf((await ds.query(
    `INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone) VALUES ($1, 'Cohort 2026-1', $2, $3, $4) RETURNING id`,
    [course, options.startDate ?? '2026-01-01', options.endDate ?? '2099-12-31', options.cohortZone ?? 'America/Bogota'],
  )) as { id: string }[]);
  const enrolment = idOf((await ds.query(`INSERT INTO enrolments (cohort_id, user_id, status) VALUES ($1, $2, $3) RETURNING id`, [
    cohort,
    user,
    options.status ?? 'active',
  ])) as { id: string }[]);
  return {
    userId: user,
    email,
    courseId: course,
    slug,
    cohortId: cohort,
    enrolmentId: enrolment,
    assignmentId: assignment,
    quizId: quiz,
  };
}

export async function setDates(ds: DataSource, f: Fixture, activityId: string, dates: { dueAt?: Date | null; closesAt?: Date | null; opensAt?: Date | null }) {
  await ds.query(
    `INSERT INTO activity_schedules (cohort_id, activity_id, opens_at, due_at, closes_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (cohort_id, activity_id) DO UPDATE SET opens_at = EXCLUDED.opens_at, due_at = EXCLUDED.due_at, closes_at = EXCLUDED.closes_at`,
    [f.cohortId, activityId, dates.opensAt ?? null, dates.dueAt ?? null, dates.closesAt ?? null],
  );
}

export async function submit(ds: DataSource, f: Fixture): Promise<string> {
  const s = idOf((await ds.query(
    `INSERT INTO submissions (activity_id, enrolment_id, status, latest_version, submitted_at) VALUES ($1, $2, 'submitted', 1, now()) RETURNING id`,
    [f.assignmentId, f.enrolmentId],
  )) as { id: string }[]);
  await ds.query(`INSERT INTO submission_versions (submission_id, number, submitted_at) VALUES ($1, 1, now())`, [s]);
  return s;
}
