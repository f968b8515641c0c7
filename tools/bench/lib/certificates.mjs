// The `certificates` benchmark (issue 5).
//
//   renderer   lib/certificates-render.mjs under `taskset -c 1`: (a) naive pdfkit and (b) Aula's
//              renderer (the built dist/server code), alternating A B A B, BENCH_PAIRS pairs of
//              BENCH_CERT_PER_RUN certificates each (quick: 1 pair of 20). Target: (b) >= 2 x (a).
//   pipeline   aula_bench_<random> (migrated, dropped at the end) with one cohort of
//              BENCH_CERT_COHORT (5,000) completed enrolments; BENCH_CERT_WORKERS (2) built workers
//              (dist/server/apps/worker/src/main.js, outbox relay on, files in a temporary data
//              folder); once they are up, one transaction writes the 5,000 `enrolment.completed`
//              events, and the run counts certificates until all exist. Targets: >= 100 per second
//              sustained (between 10 % and 90 % of the batch), all 5,000 in under 60 s, worker
//              memory flat (RSS at the end within 1.5 x of the RSS after the first 10 %).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { withProjectPath } from '../../scripts/stack.mjs';
import { prepareRun } from './harness.mjs';
import { cpuTicks, machineTicks } from './cpu.mjs';
import { atCleanup, runPinned, spawnPinned, stopChild } from './procs.mjs';

const RENDER_CORE = 1;
const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const round = (n, digits = 2) =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const intEnv = (name, fallback) => (process.env[name] ? Number.parseInt(process.env[name], 10) : fallback);

function rssMb(pid) {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : null;
  } catch {
    return null;
  }
}

export async function runCertificates(scenarios, settings) {
  const { log, quick } = settings;
  const pairs = quick ? 1 : settings.pairs;
  const perRun = intEnv('BENCH_CERT_PER_RUN', quick ? 20 : 100);
  const cohortSize = intEnv('BENCH_CERT_COHORT', 5000);
  const workers = intEnv('BENCH_CERT_WORKERS', 2);

  // (a) and (b)
  log(`  renderer: ${pairs} pair(s) of ${perRun} naive / ${perRun} Aula certificates on core ${RENDER_CORE}`);
  const out = await runPinned(
    RENDER_CORE,
    ['tools/bench/lib/certificates-render.mjs', JSON.stringify({ pairs, perRun })],
    { timeoutMs: 600_000 },
  );
  const render = JSON.parse(out.trim().split('\n').at(-1));
  const naivePerS = median(render.pairs.map((p) => p.naive_per_s));
  const rendererPerS = median(render.pairs.map((p) => p.renderer_per_s));
  log(`  naive ${round(naivePerS)}/s, Aula renderer ${round(rendererPerS)}/s`);

  // (c)
  const { workDir, logDir, databaseUrl, redisUrl } = await prepareRun(log);
  const db = new pg.Client({ connectionString: databaseUrl, application_name: 'aula-bench-certificates' });
  await db.connect();
  atCleanup(() => db.end().catch(() => {}));
  const {
    rows: [{ id: cohortId, course_id: courseId }],
  } = await db.query(
    `WITH p AS (INSERT INTO programmes (slug, default_locale, title) VALUES ('bench', 'en', '{"en":"Regional development programme"}') RETURNING id),
          c AS (INSERT INTO courses (programme_id, slug, status, default_locale, title, locales, estimated_hours, search_text)
                SELECT id, 'bench-course', 'published', 'en', '{"en":"Integrated regional development","es":"Desarrollo regional integrado","pt":"Desenvolvimento regional integrado"}', '{en,es,pt}', 40, 'bench' FROM p RETURNING id)
     INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone, enrolment_mode)
     SELECT id, 'Bench 2026-1', '2026-02-02', '2026-05-29', 'America/Bogota', 'open' FROM c RETURNING id, course_id`,
  );
  await db.query(
    `INSERT INTO users (email, display_name, password_hash, locale, search_text)
     SELECT 'cert' || i || '@bench.aula.example', (ARRAY['Nguyễn Thị Hằng ', 'José Peña ', 'Ελένη ', 'Анна ', 'Ana Souza '])[1 + i % 5] || i, 'x',
            (ARRAY['en','es','pt'])[1 + i % 3]::user_locale, 'cert' || i
       FROM generate_series(1, $1::int) i`,
    [cohortSize],
  );
  await db.query(
    `INSERT INTO enrolments (cohort_id, user_id, status, progress_percent, completed_at)
     SELECT $1, id, 'completed', 100, now() FROM users WHERE email LIKE 'cert%@bench.aula.example'`,
    [cohortId],
  );
  await db.query('VACUUM (ANALYZE)');
  log(`  seeded one cohort of ${cohortSize} completed enrolments`);

  const env = withProjectPath({
    ...process.env,
    NODE_ENV: 'production',
    JWT_ACCESS_SECRET: crypto.randomBytes(32).toString('hex'),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    DATA_DIR: workDir,
    PUBLIC_URL: 'https://aula.example',
    LOG_LEVEL: 'warn',
  });
  const procs = [];
  for (let i = 0; i < workers; i++) {
    // Both cores: the pipeline is the whole platform on this machine, not one pinned process.
    const child = spawnPinned('0,1', ['--enable-source-maps', 'dist/server/apps/worker/src/main.js'], {
      env,
      logFile: resolve(logDir, `certificates.worker-${i + 1}.log`),
      name: `worker ${i + 1}`,
    });
    atCleanup(() => stopChild(child));
    procs.push(child);
  }
  const upBy = Date.now() + 60_000;
  while (!procs.every((p) => p.output.includes('Aula worker running.'))) {
    if (procs.some((p) => p.exitCode !== null))
      throw new Error(
        `a worker stopped while starting:\n${procs.map((p) => p.output.slice(-2000)).join('\n')}`,
      );
    if (Date.now() > upBy) throw new Error('the workers did not start within 60 s');
    await sleep(200);
  }
  while (Number((await db.query('SELECT count(*) FROM certificate_status_lists')).rows[0].count) === 0)
    await sleep(200);
  const rssStart = procs.map((p) => rssMb(p.pid));
  log(
    `  ${workers} worker(s) up, RSS ${rssStart.map((r) => round(r, 0)).join(', ')} MB; writing ${cohortSize} completion events`,
  );

  // CPU time over the batch (steadier than the rate on a shared machine, and it shows where the
  // time goes): the workers, their PostgreSQL backends, and the whole machine.
  const backends = async () =>
    (
      await db.query(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      )
    ).rows.map((r) => r.pid);
  const workerPids = procs.map((p) => p.pid);
  const pgAtStart = new Map((await backends()).map((pid) => [pid, cpuTicks([pid])]));
  const cpuStart = { workers: cpuTicks(workerPids), machine: machineTicks() };
  const started = Date.now();
  await db.query(
    `INSERT INTO outbox_events (type, payload)
     SELECT 'enrolment.completed', jsonb_build_object('enrolmentId', e.id, 'userId', e.user_id, 'cohortId', e.cohort_id, 'courseId', $2::uuid, 'completedAt', e.completed_at)
       FROM enrolments e WHERE e.cohort_id = $1`,
    [cohortId, courseId],
  );
  const samples = [];
  let rssAtTenth = null;
  let rssAtHalf = null;
  let rssPeak = 0;
  const deadline = started + intEnv('BENCH_CERT_TIMEOUT_S', 300) * 1000;
  for (;;) {
    const n = Number(
      (await db.query('SELECT count(*) FROM certificates WHERE cohort_id = $1', [cohortId])).rows[0].count,
    );
    const t = (Date.now() - started) / 1000;
    samples.push({ t, n });
    const rss = procs.map((p) => rssMb(p.pid) ?? 0);
    rssPeak = Math.max(rssPeak, ...rss);
    if (rssAtTenth === null && n >= cohortSize * 0.1) rssAtTenth = rss;
    if (rssAtHalf === null && n >= cohortSize * 0.5) rssAtHalf = rss;
    if (n >= cohortSize) break;
    if (procs.some((p) => p.exitCode !== null))
      throw new Error(
        `a worker stopped during the batch:\n${procs.map((p) => p.output.slice(-2000)).join('\n')}`,
      );
    if (Date.now() > deadline)
      throw new Error(`only ${n} of ${cohortSize} certificates after ${round(t, 0)} s`);
    await sleep(250);
  }
  const rssEnd = procs.map((p) => rssMb(p.pid));
  // A backend opened during the batch started at 0 ticks; one that closed during it is not counted.
  const pgTicks = (await backends()).reduce(
    (sum, pid) => sum + cpuTicks([pid]) - (pgAtStart.get(pid) ?? 0),
    0,
  );
  const cpu = {
    workers: cpuTicks(workerPids) - cpuStart.workers,
    pg: pgTicks,
    machine: machineTicks() - cpuStart.machine,
  };
  const loadAvgEnd = Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  const batchS = samples.at(-1).t;
  const at = (share) => samples.find((s) => s.n >= cohortSize * share);
  const from = at(0.1);
  const to = at(0.9);
  const sustained = (to.n - from.n) / Math.max(to.t - from.t, 0.001);
  const {
    rows: [check],
  } = await db.query(
    `SELECT count(*)::int AS rows, count(DISTINCT enrolment_id)::int AS enrolments,
            (SELECT count(*)::int FROM outbox_events WHERE type = 'certificate.issued') AS announced
       FROM certificates WHERE cohort_id = $1`,
    [cohortId],
  );
  const files = fs.readdirSync(resolve(workDir, 'files', 'certificates')).length;
  log(
    `  ${check.rows} certificates (${check.enrolments} enrolments, ${files} folders, ${check.announced} announced) in ${round(batchS, 1)} s`,
  );
  if (
    check.rows !== cohortSize ||
    check.enrolments !== cohortSize ||
    files !== cohortSize ||
    check.announced !== cohortSize
  ) {
    throw new Error(
      `expected exactly one certificate, file and announcement per enrolment: ${JSON.stringify({ ...check, files })}`,
    );
  }

  const sum = (values) => values.reduce((a, b) => a + (b ?? 0), 0);
  const figures = {
    naive_per_s: round(naivePerS),
    renderer_per_s: round(rendererPerS),
    naive_bytes: render.naive_bytes,
    renderer_bytes: render.renderer_bytes,
    pipeline_per_s: round(sustained),
    pipeline_avg_per_s: round(cohortSize / batchS),
    batch_5000_s: round(batchS),
    cohort: cohortSize,
    workers,
    worker_rss_mb_start: round(sum(rssStart), 1),
    worker_rss_mb_after_10pct: round(sum(rssAtTenth ?? []), 1),
    worker_rss_mb_after_50pct: round(sum(rssAtHalf ?? []), 1),
    worker_rss_mb_end: round(sum(rssEnd), 1),
    worker_rss_mb_peak_one: round(rssPeak, 1),
    pairs,
    per_run: perRun,
    // Ticks are 10 ms (USER_HZ 100).
    worker_cpu_ms_per_cert: round((cpu.workers * 10) / cohortSize),
    pg_cpu_ms_per_cert: round((cpu.pg * 10) / cohortSize),
    // The machine's CPU time during the batch not spent by the workers or their backends.
    others_cpu_share: round(Math.max(0, cpu.machine - cpu.workers - cpu.pg) / Math.max(cpu.machine, 1), 3),
    load_avg_1m: settings.loadAvg,
    load_avg_1m_end: loadAvgEnd,
  };
  const ratios = {
    'renderer/naive': round(rendererPerS / naivePerS, 3),
    'worker_rss_end/worker_rss_after_10pct': round(sum(rssEnd) / sum(rssAtTenth ?? rssEnd), 3),
  };
  const rows = [['pair', 'naive /s', 'Aula renderer /s', 'ratio']];
  for (const [i, p] of render.pairs.entries())
    rows.push([
      i + 1,
      round(p.naive_per_s),
      round(p.renderer_per_s),
      round(p.renderer_per_s / p.naive_per_s, 2),
    ]);
  rows.push([
    'pipeline',
    `${cohortSize} in ${round(batchS, 1)} s`,
    `${round(sustained)} /s sustained`,
    `RSS ${figures.worker_rss_mb_start} → ${figures.worker_rss_mb_end} MB`,
  ]);
  rows.push([
    'CPU',
    `workers ${figures.worker_cpu_ms_per_cert} ms/cert`,
    `PostgreSQL ${figures.pg_cpu_ms_per_cert} ms/cert`,
    `others ${round(figures.others_cpu_share * 100, 0)} % of the machine`,
  ]);
  return [
    {
      notes:
        settings.loadAvg > 1
          ? [`NOISY   load average ${settings.loadAvg} at the start: something else was running`]
          : [],
      json: { scenario: scenarios[0].name, figures, ratios },
      title: `${scenarios[0].name}: ${scenarios[0].description}`,
      method: `renderer: ${pairs} pair(s) A B of ${perRun} certificates each on one core, medians over the pairs; pipeline: ${cohortSize} completions once`,
      rows,
      targets: [
        {
          what: 'renderer >= 2 x naive',
          ok: ratios['renderer/naive'] >= 2,
          value: `${ratios['renderer/naive']} x`,
        },
        {
          what: 'pipeline >= 100 certificates/s sustained',
          ok: sustained >= 100,
          value: `${round(sustained)} /s`,
        },
        { what: `${cohortSize} in under 60 s`, ok: batchS < 60, value: `${round(batchS, 1)} s` },
        {
          what: 'worker memory flat (end <= 1.5 x after 10 %)',
          ok: ratios['worker_rss_end/worker_rss_after_10pct'] <= 1.5,
          value: `${ratios['worker_rss_end/worker_rss_after_10pct']} x`,
        },
      ],
    },
  ];
}
