// The `reminders` benchmark (issue 6).
//
//   sink       an SMTP server (smtp-server) in this process, counting messages.
//   raw_bullmq 10,000 jobs added in bulk to a scratch queue and taken by a no-op worker
//              (concurrency 10): jobs per second from the first add to the last completion.
//   raw_smtp   10,000 messages through pooled nodemailer (MAIL_POOL_SIZE connections) to the sink.
//   aula       aula_bench_<random> (migrated, dropped at the end) with 10,000 active trainees of one
//              cohort; BENCH_REMINDER_WORKERS (1) built workers (dist/server/apps/worker/src/main.js); once it is up, the
//              assignment gets a due time 20 h ahead and one `find-reminders` job is queued: the
//              clock runs until the sink holds all 10,000 reminders (each through the send ledger,
//              its dedupe key claimed in PostgreSQL, the in-app notification written); then the
//              ledger must hold 10,000 `sent` entries and the bell 10,000 notifications.
//   Targets: the batch in under 30 s; aula_per_s >= 0.5 x the slower raw baseline.
// The mail limiter (MAIL_RATE_PER_SECOND) is a policy for a real provider; the run lifts it.
// BENCH_PROFILE_DIR=<folder>: the workers write CPU profiles there (--cpu-prof).
import crypto from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { Queue, Worker } from 'bullmq';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { withProjectPath } from '../../scripts/stack.mjs';
import { prepareRun } from './harness.mjs';
import { atCleanup, spawnPinned, stopChild } from './procs.mjs';

const round = (n, digits = 2) => (n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const intEnv = (name, fallback) => (process.env[name] ? Number.parseInt(process.env[name], 10) : fallback);

async function startSink() {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        count++;
        callback();
      });
    },
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  atCleanup(() => new Promise((r) => server.close(r)));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, count: () => count, reset: () => (count = 0) };
}

/** A fixed-offset zone where it is daytime now, so reminders are not held for 08:00. */
function daytimeZone() {
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? 'Etc/UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
    const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    if (hour >= 10 && hour < 18) return zone;
  }
  return 'Etc/UTC';
}

async function rawBullmq(redisUrl, n) {
  const name = `bench-raw-${crypto.randomBytes(3).toString('hex')}`;
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue(name, { connection });
  let done = 0;
  let finished;
  const allDone = new Promise((r) => (finished = r));
  const worker = new Worker(name, async () => undefined, { connection, concurrency: 10 });
  worker.on('completed', () => {
    if (++done === n) finished();
  });
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < n; i += 1000)
    await queue.addBulk(Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })));
  await allDone;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return n / seconds;
}

async function rawSmtp(sink, n, pool) {
  const transport = nodemailer.createTransport({ pool: true, maxConnections: pool, host: '127.0.0.1', port: Number(new URL(sink.url).port), secure: false });
  sink.reset();
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      await transport.sendMail({
        from: 'Aula <no-reply@aula.example>',
        to: { name: `Trainee ${i}`, address: `raw${i}@bench.aula.example` },
        subject: 'Reminder: Action plan is due tomorrow',
        text: 'Hello, you have not submitted "Action plan" yet.',
        html: '<p>Hello, you have not submitted "Action plan" yet.</p>',
      });
    }
  };
  await Promise.all(Array.from({ length: pool * 4 }, lane));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  if (sink.count() !== n) throw new Error(`raw SMTP: the sink got ${sink.count()} of ${n}`);
  return n / seconds;
}

export async function runReminders(scenarios, settings) {
  const { log } = settings;
  const trainees = intEnv('BENCH_REMINDER_TRAINEES', 10_000);
  const pool = intEnv('MAIL_POOL_SIZE', 5);
  const { runId, workDir, logDir, databaseUrl, redisUrl } = await prepareRun(log);
  const sink = await startSink();

  log(`  raw BullMQ: ${trainees} jobs, no-op worker`);
  const rawBullmqPerS = await rawBullmq(redisUrl, trainees);
  log(`  raw pooled SMTP: ${trainees} messages over ${pool} connections`);
  const rawSmtpPerS = await rawSmtp(sink, trainees, pool);
  log(`  raw BullMQ ${round(rawBullmqPerS)}/s, raw SMTP ${round(rawSmtpPerS)}/s`);

  const db = new pg.Client({ connectionString: databaseUrl, application_name: 'aula-bench-reminders' });
  await db.connect();
  atCleanup(() => db.end().catch(() => {}));
  const zone = daytimeZone();
  const {
    rows: [{ cohort_id: cohortId, activity_id: activityId }],
  } = await db.query(
    `WITH p AS (INSERT INTO programmes (slug, default_locale, title) VALUES ('bench', 'en', '{"en":"Programme"}') RETURNING id),
          c AS (INSERT INTO courses (programme_id, slug, status, default_locale, title, locales, search_text)
                SELECT id, 'bench-course', 'published', 'en', '{"en":"Regional planning","es":"Planificación regional","pt":"Planejamento regional"}', '{en,es,pt}', 'bench' FROM p RETURNING id),
          m AS (INSERT INTO course_modules (course_id, position, title) SELECT id, 0, '{"en":"Module"}' FROM c RETURNING id, course_id),
          a AS (INSERT INTO activities (module_id, course_id, position, kind, title)
                SELECT id, course_id, 0, 'assignment', '{"en":"Action plan","es":"Plan de acción","pt":"Plano de ação"}' FROM m RETURNING id, course_id),
          h AS (INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone)
                SELECT course_id, 'Bench 2026-1', current_date - 10, current_date + 60, 'America/Bogota' FROM a RETURNING id)
     SELECT h.id AS cohort_id, a.id AS activity_id FROM h, a`,
  );
  await db.query(
    `INSERT INTO users (email, display_name, password_hash, locale, time_zone, search_text)
     SELECT 'rem' || i || '@bench.aula.example', (ARRAY['Nguyễn Thị Hằng ', 'José Peña ', 'Ana Souza '])[1 + i % 3] || i, 'x',
            (ARRAY['en','es','pt'])[1 + i % 3]::user_locale, $2, 'rem' || i
       FROM generate_series(1, $1::int) i`,
    [trainees, zone],
  );
  // Active and recently seen (no inactivity reminders in the way).
  await db.query(
    `INSERT INTO enrolments (cohort_id, user_id, status, last_activity_at) SELECT $1, id, 'active', now() FROM users WHERE email LIKE 'rem%@bench.aula.example'`,
    [cohortId],
  );
  await db.query('VACUUM (ANALYZE)');
  log(`  seeded ${trainees} active trainees (time zone ${zone})`);

  const env = withProjectPath({
    ...process.env,
    NODE_ENV: 'production',
    JWT_ACCESS_SECRET: crypto.randomBytes(32).toString('hex'),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SMTP_URL: sink.url,
    MAIL_POOL_SIZE: String(pool),
    MAIL_RATE_PER_SECOND: '10000',
    REMINDER_INTERVAL_MINUTES: '1440',
    PUBLIC_URL: 'https://aula.example',
    LOG_LEVEL: 'warn',
    DATA_DIR: workDir,
  });
  const workerCount = intEnv('BENCH_REMINDER_WORKERS', 1);
  const procs = [];
  for (let i = 0; i < workerCount; i++) {
    // Both cores: the pipeline is the whole platform on this machine, not one pinned process.
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    const child = spawnPinned('0,1', [...profile, '--enable-source-maps', 'dist/server/apps/worker/src/main.js'], {
      env,
      logFile: resolve(logDir, `reminders.worker-${i + 1}.log`),
      name: `worker ${i + 1}`,
    });
    atCleanup(() => stopChild(child));
    procs.push(child);
  }
  const upBy = Date.now() + 60_000;
  while (!procs.every((p) => p.output.includes('Aula worker running.'))) {
    if (procs.some((p) => p.exitCode !== null)) throw new Error(`a worker stopped while starting:\n${procs.map((p) => p.output.slice(-2000)).join('\n')}`);
    if (Date.now() > upBy) throw new Error('the workers did not start within 60 s');
    await sleep(100);
  }
  const reminders = new Queue('reminders', { connection: { url: redisUrl, maxRetriesPerRequest: null } });
  atCleanup(() => reminders.close());
  // The scheduler runs once when it starts (nothing is due yet): the clock starts after that run.
  const firstRunBy = Date.now() + 10_000;
  while ((await reminders.getJobCounts('completed')).completed < 1 && Date.now() < firstRunBy) await sleep(50);
  sink.reset();
  await db.query(`INSERT INTO activity_schedules (cohort_id, activity_id, due_at) VALUES ($1, $2, now() + interval '20 hours')`, [cohortId, activityId]);
  const started = performance.now();
  await reminders.add('find-reminders', {}, { jobId: `bench-${runId}` });
  const deadline = Date.now() + intEnv('BENCH_REMINDER_TIMEOUT_S', 180) * 1000;
  while (sink.count() < trainees) {
    if (procs.some((p) => p.exitCode !== null)) throw new Error(`a worker stopped during the batch:\n${procs.map((p) => p.output.slice(-2000)).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`only ${sink.count()} of ${trainees} reminders in time`);
    await sleep(20);
  }
  const batchS = (performance.now() - started) / 1000;
  // A message is in the sink a moment before its ledger entry says `sent`.
  const settledBy = Date.now() + 10_000;
  while (
    Number((await db.query(`SELECT count(*) FROM mail_ledger WHERE template = 'assignment-due' AND status = 'sent'`)).rows[0].count) < trainees &&
    Date.now() < settledBy
  )
    await sleep(50);
  const {
    rows: [check],
  } = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*)::int AS ledger,
            (SELECT count(*)::int FROM notifications) AS in_app FROM mail_ledger WHERE template = 'assignment-due'`,
  );
  if (check.sent !== trainees || check.ledger !== trainees || check.in_app !== trainees || sink.count() !== trainees)
    throw new Error(`expected exactly one reminder and one in-app notification per trainee: ${JSON.stringify({ ...check, sink: sink.count() })}`);
  const aulaPerS = trainees / batchS;
  const slower = Math.min(rawBullmqPerS, rawSmtpPerS);
  log(`  ${trainees} reminders in ${round(batchS, 1)} s (${round(aulaPerS)}/s)`);

  const figures = {
    batch_10000_s: round(batchS),
    aula_per_s: round(aulaPerS),
    raw_bullmq_per_s: round(rawBullmqPerS),
    raw_smtp_per_s: round(rawSmtpPerS),
    trainees,
    smtp_pool: pool,
    workers: workerCount,
    load_avg_1m: settings.loadAvg,
  };
  const ratios = { 'aula/bare': round(aulaPerS / slower, 3), 'aula/raw_smtp': round(aulaPerS / rawSmtpPerS, 3), 'aula/raw_bullmq': round(aulaPerS / rawBullmqPerS, 3) };
  return [
    {
      notes: settings.loadAvg > 1 ? [`NOISY   load average ${settings.loadAvg} at the start: something else was running`] : [],
      json: { scenario: scenarios[0].name, figures, ratios },
      title: `${scenarios[0].name}: ${scenarios[0].description}`,
      method: `one batch of ${trainees} reminders through Aula, and each raw baseline once with the same count`,
      rows: [
        ['what', 'per second', 'seconds'],
        ['raw BullMQ add + no-op', round(rawBullmqPerS), round(trainees / rawBullmqPerS)],
        ['raw pooled SMTP', round(rawSmtpPerS), round(trainees / rawSmtpPerS)],
        ['Aula reminders', round(aulaPerS), round(batchS)],
      ],
      targets: [
        { what: `${trainees} reminders in under 30 s`, ok: batchS < 30, value: `${round(batchS, 1)} s` },
        { what: 'aula >= 0.5 x the slower raw baseline', ok: ratios['aula/bare'] >= 0.5, value: `${ratios['aula/bare']} x` },
      ],
    },
  ];
}
