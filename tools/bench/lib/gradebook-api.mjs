// The `gradebook` benchmark: GET /api/cohorts/:id/gradebook (the whole cohort: 1,000 trainees x 20
// graded items) as the cohort's tutor, against the same SQL and the same shaping through bare
// Fastify + pg (baseline/gradebook-server.mjs), A B alternating in one run.
//
//   database   aula_bench_<random>, migrated with the project's migrations, dropped at the end
//   data       lib/gradebook-seed.mjs (one course, one cohort, N trainees, ~0.9 x N x 20 grades)
//   API        dist/server/apps/api/src/main.js under `taskset -c 0`, no worker (the endpoint only reads)
//   baseline   baseline/gradebook-server.mjs under `taskset -c 0`
//   load       lib/load.mjs (autocannon) under `taskset -c 1`; pairs and checks from lib/learning-api.mjs
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import pg from 'pg';
import { createDatabase, dropDatabase, ensureServices, DEFAULTS } from '../../scripts/services.mjs';
import { run, withProjectPath } from '../../scripts/stack.mjs';
import { measurePairs, redisPid, sameAnswer } from './learning-api.mjs';
import { atCleanup, freePort, ROOT, spawnPinned, stopChild, waitReady } from './procs.mjs';
import { GRADED_ITEMS, seedGradebookCourse, seedGradebookTrainees, TUTOR_EMAIL } from './gradebook-seed.mjs';

const SERVER_CORE = 0;
const PASSWORD = 'Bench-pass-2026';
const require = createRequire(import.meta.url);

/** The SQL the API runs, read from the built server so both sides run the very same statements. */
function builtSql() {
  require(resolve(ROOT, 'node_modules/reflect-metadata'));
  const queries = require(
    resolve(ROOT, 'dist/server/libs/server/assessment/src/gradebook/gradebook.queries.js'),
  );
  const sql = { head: queries.GRADEBOOK_HEAD_SQL, rows: queries.GRADEBOOK_ROWS_SQL };
  for (const [name, text] of Object.entries(sql))
    if (typeof text !== 'string')
      throw new Error(
        `dist/server no longer exports the gradebook ${name} SQL (gradebook.queries.ts); update tools/bench/lib/gradebook-api.mjs`,
      );
  return sql;
}

const round = (n, digits = 2) =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs the `gradebook` scenario; resolves the reports bench.mjs prints and writes. */
export async function runGradebook(scenarios, settings) {
  const { log } = settings;
  const trainees = settings.gradebookTrainees;
  const connections = settings.gradebookConnections;
  const runId = crypto.randomBytes(4).toString('hex');
  const workDir = resolve(ROOT, 'tmp/bench', `run-${runId}`);
  fs.mkdirSync(workDir, { recursive: true });
  atCleanup(() => fs.rmSync(workDir, { recursive: true, force: true }));
  const logDir = resolve(ROOT, 'tmp/bench/logs');
  fs.mkdirSync(logDir, { recursive: true });

  const base = new URL(process.env.DATABASE_URL || DEFAULTS.databaseUrl);
  base.pathname = `/aula_bench_${runId}`;
  const databaseUrl = base.toString();
  const redis = new URL(process.env.BENCH_REDIS_URL || process.env.REDIS_URL || DEFAULTS.redisUrl);
  if (!process.env.BENCH_REDIS_URL) redis.pathname = '/6';
  const redisUrl = redis.toString();

  const services = await ensureServices({ databaseUrl, redisUrl, log: (m) => log(`  ${m}`) });
  atCleanup(() => services.stop());
  atCleanup(async () => {
    await dropDatabase(databaseUrl);
    log(`  dropped database aula_bench_${runId}`);
  });
  await createDatabase(databaseUrl);
  log(`  database aula_bench_${runId}: migrating`);
  run('node', ['dist/server/tools/db/cli.js', 'migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    quiet: true,
  });

  const sqlFile = resolve(workDir, 'gradebook-sql.json');
  fs.writeFileSync(sqlFile, JSON.stringify(builtSql()));

  const db = new pg.Client({ connectionString: databaseUrl, application_name: 'aula-bench-seed' });
  await db.connect();
  atCleanup(() => db.end().catch(() => {}));
  const { PasswordHasher } = require(
    resolve(ROOT, 'dist/server/libs/server/identity/src/password.hasher.js'),
  );
  const hash = await new PasswordHasher().hash(PASSWORD);
  const started = Date.now();
  const { cohortId } = await seedGradebookCourse(db, hash);
  await seedGradebookTrainees(db, cohortId, trainees, hash);
  const {
    rows: [size],
  } = await db.query(
    `SELECT (SELECT count(*) FROM enrolments)::int AS trainees, (SELECT count(*) FROM grades)::int AS grades`,
  );
  log(
    `  seeded ${size.trainees.toLocaleString('en')} trainees x ${GRADED_ITEMS} items, ${size.grades.toLocaleString('en')} grades in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const apiPort = await freePort();
  const barePort = await freePort();
  const api = spawnPinned(SERVER_CORE, ['--enable-source-maps', 'dist/server/apps/api/src/main.js'], {
    env: withProjectPath({
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_ACCESS_SECRET: crypto.randomBytes(32).toString('hex'),
      JWT_ACCESS_TTL: '86400',
      LOG_LEVEL: 'warn',
      WEB_DIST: workDir,
    }),
    logFile: resolve(logDir, 'gradebook.api.log'),
    name: 'the API',
  });
  const bare = spawnPinned(SERVER_CORE, ['tools/bench/baseline/gradebook-server.mjs'], {
    env: { ...process.env, PORT: String(barePort), BENCH_DATABASE_URL: databaseUrl, BENCH_SQL_FILE: sqlFile },
    logFile: resolve(logDir, 'gradebook.bare.log'),
    name: 'the bare gradebook baseline',
  });
  atCleanup(() => Promise.all([stopChild(api), stopChild(bare)]));
  await Promise.all([
    waitReady(`http://127.0.0.1:${apiPort}/api/health/ready`, api),
    waitReady(`http://127.0.0.1:${barePort}/health`, bare),
  ]);
  log(`  API on :${apiPort} and bare baseline on :${barePort}, both on core ${SERVER_CORE}; load on core 1`);

  const signIn = await fetch(`http://127.0.0.1:${apiPort}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: TUTOR_EMAIL, password: PASSWORD }),
  });
  if (signIn.status !== 200)
    throw new Error(`sign-in as ${TUTOR_EMAIL} answered ${signIn.status}: ${await signIn.text()}`);
  const { accessToken } = await signIn.json();
  const headers = { authorization: `Bearer ${accessToken}` };
  const context = { email: TUTOR_EMAIL, cohortId, headers };

  const shared = [api.pid, bare.pid, process.pid, ...(await redisPid(redisUrl))];
  const sides = {
    aula: { port: apiPort, pid: api.pid, applicationName: 'aula', db, shared },
    bare: { port: barePort, pid: bare.pid, applicationName: 'aula-bench-bare', db, shared },
  };
  const reports = [];
  for (const scenario of scenarios) {
    const path = scenario.path(context);
    await sameAnswer(scenario, path, apiPort, barePort, headers);
    log(
      `  ${scenario.name}: GET ${path}, ${settings.pairs} pair(s) of ${settings.warmupS} s warm-up + ${settings.durationS} s, ${connections} connections`,
    );
    const m = await measurePairs(path, sides, headers, { ...settings, connections }, log);
    reports.push(report(scenario, m, { ...settings, connections }, { path, size }));
  }
  return reports;
}

function report(scenario, m, settings, { path, size }) {
  const figures = {
    aula_rps: m.aula.rps,
    bare_rps: m.bare.rps,
    aula_p50_ms: m.aula.p50_ms,
    aula_p95_ms: m.aula.p95_ms,
    aula_p99_ms: m.aula.p99_ms,
    bare_p50_ms: m.bare.p50_ms,
    bare_p95_ms: m.bare.p95_ms,
    bare_p99_ms: m.bare.p99_ms,
    aula_cpu_us_per_req: m.aula.cpu_us_per_req,
    bare_cpu_us_per_req: m.bare.cpu_us_per_req,
    aula_pg_cpu_us_per_req: m.aula.pg_cpu_us_per_req,
    bare_pg_cpu_us_per_req: m.bare.pg_cpu_us_per_req,
    aula_bare_pair_min: round(Math.min(...m.pairs.map((p) => p.ratio)), 3),
    aula_bare_pair_max: round(Math.max(...m.pairs.map((p) => p.ratio)), 3),
    load_avg_1m: settings.loadAvg,
    pairs_disturbed: m.disturbed,
    foreign_cores_max: m.foreignCoresMax,
    pairs: settings.pairs,
    duration_s: settings.durationS,
    connections: settings.connections,
    trainees: size.trainees,
    grades: size.grades,
    graded_items: GRADED_ITEMS,
  };
  const ratios = {
    'aula/bare': m.ratio,
    'aula_cpu_us_per_req/bare_cpu_us_per_req': round(m.aula.cpu_us_per_req / m.bare.cpu_us_per_req, 3),
  };
  const targets = [
    { what: 'aula/bare >= 0.5', ok: m.ratio >= 0.5, value: m.ratio },
    { what: 'aula p95 < 150 ms', ok: m.aula.p95_ms < 150, value: `${m.aula.p95_ms} ms` },
  ];
  const rows = [['', 'rps', 'p50 ms', 'p95 ms', 'p99 ms', 'cpu us/req', 'pg cpu us/req', 'aula/bare rps']];
  for (const side of ['aula', 'bare'])
    rows.push([
      `${side}  ${size.trainees.toLocaleString('en')} x ${GRADED_ITEMS}`,
      m[side].rps,
      m[side].p50_ms,
      m[side].p95_ms,
      m[side].p99_ms,
      m[side].cpu_us_per_req,
      m[side].pg_cpu_us_per_req,
      side === 'aula' ? m.ratio : '',
    ]);
  const spread = m.pairs.map((p) => p.ratio);
  const notes =
    Math.max(...spread) > 1.25 * Math.min(...spread)
      ? [
          `NOISY   the pairs disagree (aula/bare from ${figures.aula_bare_pair_min} to ${figures.aula_bare_pair_max}): the machine was busy; run again or raise BENCH_PAIRS`,
        ]
      : [];
  return {
    notes,
    json: { scenario: scenario.name, figures, ratios },
    title: `${scenario.name}: ${scenario.description} (as ${TUTOR_EMAIL}: GET ${path})`,
    rows,
    targets,
    connections: settings.connections,
  };
}
