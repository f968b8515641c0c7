// The learner-facing API benchmarks (`dashboard`, `course-page`): one database, one API and one
// bare baseline shared by every scenario of the run, measured at the small data size, then again
// after the same database has grown to the large one.
//
//   database   aula_bench_<random>, migrated with the project's migrations, dropped at the end
//   API        dist/server/apps/api/src/main.js as stack.mjs's startPlatform runs it, but under
//              `taskset -c 0` and without the worker (these endpoints only read; the worker would
//              only compete for the two cores)
//   baseline   tools/bench/baseline/server.mjs under `taskset -c 0`
//   load       tools/bench/lib/load.mjs (autocannon) under `taskset -c 1`, one process per run
//   PostgreSQL and Redis are the machine's: not pinned, the same for both sides.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createDatabase, dropDatabase, ensureServices, DEFAULTS } from '../../scripts/services.mjs';
import { run, withProjectPath } from '../../scripts/stack.mjs';
import { atCleanup, freePort, ROOT, runPinned, spawnPinned, stopChild, waitReady } from './procs.mjs';
import { dataSize, MEASURED_TRAINEE, seedCatalogue, seedTrainees, traineeEmail } from './seed.mjs';

const SERVER_CORE = 0;
const LOAD_CORE = 1;
const PASSWORD = 'Bench-pass-2026';

const require = createRequire(import.meta.url);

/** The SQL the API runs, read from the built server so both sides run the very same statements. */
export function builtSql() {
  require(resolve(ROOT, 'node_modules/reflect-metadata'));
  const learning = require(resolve(ROOT, 'dist/server/libs/server/enrolment/src/learning.service.js'));
  const catalogue = require(resolve(ROOT, 'dist/server/libs/server/enrolment/src/catalogue.service.js'));
  const sql = { dashboard: learning.DASHBOARD_SQL, coursePage: catalogue.COURSE_PAGE_SQL };
  for (const [name, text] of Object.entries(sql))
    if (typeof text !== 'string')
      throw new Error(
        `dist/server no longer exports the ${name} SQL (DASHBOARD_SQL / COURSE_PAGE_SQL in libs/server/enrolment); ` +
          'update tools/bench/lib/learning-api.mjs and tools/bench/baseline/server.mjs with it.',
      );
  return sql;
}

async function passwordHash() {
  const { PasswordHasher } = require(
    resolve(ROOT, 'dist/server/libs/server/identity/src/password.hasher.js'),
  );
  return new PasswordHasher().hash(PASSWORD); // argon2id, the API's own parameters
}

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const round = (n, digits = 2) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/**
 * Runs the given scenarios. settings: { pairs, durationS, warmupS, connections, smallTrainees,
 * largeTrainees, log }. Resolves { [scenario]: { small: {...}, large: {...}, context } }.
 */
export async function runLearningApi(scenarios, settings) {
  const { log } = settings;
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
  if (!process.env.BENCH_REDIS_URL) redis.pathname = '/6'; // away from `npm start` (0) and the tests (1)
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

  const sql = builtSql();
  const sqlFile = resolve(workDir, 'sql.json');
  fs.writeFileSync(sqlFile, JSON.stringify(sql));

  const db = new pg.Client({ connectionString: databaseUrl, application_name: 'aula-bench-seed' });
  await db.connect();
  atCleanup(() => db.end().catch(() => {}));
  const hash = await passwordHash();
  let t = Date.now();
  await seedCatalogue(db);
  await seedTrainees(db, 1, settings.smallTrainees, hash);
  const smallSize = await dataSize(db);
  log(`  seeded ${fmtSize(smallSize)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // --- servers
  const apiPort = await freePort();
  const barePort = await freePort();
  const apiEnv = withProjectPath({
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_ACCESS_SECRET: crypto.randomBytes(32).toString('hex'),
    // A run lasts longer than the default 15 minutes of an access token, and signs in once.
    JWT_ACCESS_TTL: '86400',
    LOG_LEVEL: 'warn',
    // '' would fall back to the default folder (loadConfig drops empty values): a folder without
    // index.html is what turns the web app off.
    WEB_DIST: workDir,
  });
  const api = spawnPinned(SERVER_CORE, ['--enable-source-maps', 'dist/server/apps/api/src/main.js'], {
    env: apiEnv,
    logFile: resolve(logDir, 'learning-api.api.log'),
    name: 'the API',
  });
  const bare = spawnPinned(SERVER_CORE, ['tools/bench/baseline/server.mjs'], {
    env: { ...process.env, PORT: String(barePort), BENCH_DATABASE_URL: databaseUrl, BENCH_SQL_FILE: sqlFile },
    logFile: resolve(logDir, 'learning-api.bare.log'),
    name: 'the bare baseline',
  });
  atCleanup(() => Promise.all([stopChild(api), stopChild(bare)]));
  await Promise.all([
    waitReady(`http://127.0.0.1:${apiPort}/api/health/ready`, api),
    waitReady(`http://127.0.0.1:${barePort}/health`, bare),
  ]);
  log(
    `  API on :${apiPort} and bare baseline on :${barePort}, both on core ${SERVER_CORE}; load on core ${LOAD_CORE}`,
  );

  // --- sign in once (sign-in throttling is per account)
  const email = traineeEmail(MEASURED_TRAINEE);
  const signIn = await fetch(`http://127.0.0.1:${apiPort}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (signIn.status !== 200)
    throw new Error(`sign-in as ${email} answered ${signIn.status}: ${await signIn.text()}`);
  const { accessToken, user } = await signIn.json();
  const headers = { authorization: `Bearer ${accessToken}` };
  // The course of the trainee's active enrolment (a cohort of that course holds them).
  const { rows } = await db.query(
    `SELECT co.slug FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id JOIN courses co ON co.id = c.course_id
      WHERE e.user_id = $1 AND e.status = 'active' ORDER BY c.start_date LIMIT 1`,
    [user.id],
  );
  const context = { email, userId: user.id, courseSlug: rows[0].slug, headers };

  // Processes that are part of the measurement without being either side's own: Redis (the API
  // asks it about revoked sessions), the idle other server, this process.
  const shared = [api.pid, bare.pid, process.pid, ...(await redisPid(redisUrl))];
  const sides = {
    aula: { port: apiPort, pid: api.pid, applicationName: 'aula', db, shared },
    bare: { port: barePort, pid: bare.pid, applicationName: 'aula-bench-bare', db, shared },
  };
  const results = Object.fromEntries(
    scenarios.map((s) => [s.name, { context: { ...context, path: s.path(context) } }]),
  );
  const measureAll = async (label) => {
    for (const scenario of scenarios) {
      const path = scenario.path(context);
      await sameAnswer(scenario, path, apiPort, barePort, headers);
      log(
        `  ${scenario.name} @ ${label}: GET ${path}, ${settings.pairs} pair(s) of ${settings.warmupS} s warm-up + ${settings.durationS} s`,
      );
      results[scenario.name][label] = await measurePairs(path, sides, headers, settings, log);
    }
  };

  await measureAll('small');
  if (settings.largeTrainees > settings.smallTrainees) {
    t = Date.now();
    await seedTrainees(db, settings.smallTrainees + 1, settings.largeTrainees, hash);
    const largeSize = await dataSize(db);
    log(`  grew to ${fmtSize(largeSize)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    await measureAll('large');
    for (const r of Object.values(results)) r.largeSize = largeSize;
  }
  for (const r of Object.values(results)) r.smallSize = smallSize;
  return results;
}

/** The pid of the Redis server when it runs on this machine ([] otherwise). */
export async function redisPid(url) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
    return Number.isInteger(pid) && fs.existsSync(`/proc/${pid}/stat`) ? [pid] : [];
  } catch {
    return [];
  } finally {
    redis.disconnect();
  }
}

function fmtSize(s) {
  return `${s.users.toLocaleString('en')} trainees, ${s.enrolments.toLocaleString('en')} enrolments, ${s.completions.toLocaleString('en')} completions (≤ ${s.maxPerCohort.toLocaleString('en')} per cohort)`;
}

/** Both sides must give the same status and the same JSON before anything is timed. */
export async function sameAnswer(scenario, path, apiPort, barePort, headers) {
  const get = async (port) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
  const [aula, bare] = [await get(apiPort), await get(barePort)];
  if (aula.status !== 200)
    throw new Error(
      `${scenario.name}: the API answered ${aula.status} to GET ${path}: ${JSON.stringify(aula.body)}`,
    );
  if (bare.status !== 200 || !isDeepStrictEqual(aula.body, bare.body)) {
    throw new Error(
      `${scenario.name}: the bare baseline does not give the API's answer to GET ${path}.\n` +
        `  API:  ${JSON.stringify(aula.body).slice(0, 1500)}\n  bare: ${JSON.stringify(bare.body).slice(0, 1500)}`,
    );
  }
  scenario.check?.(aula.body);
}

/** Warm-up, then the measured run with the CPU time of the server and of its PostgreSQL backends. */
async function measureOnce(side, path, headers, settings) {
  const load = (options) =>
    runPinned(LOAD_CORE, [
      'tools/bench/lib/load.mjs',
      JSON.stringify({
        url: `http://127.0.0.1:${side.port}${path}`,
        headers,
        connections: settings.connections,
        ...options,
      }),
    ]);
  await load({ warmupS: settings.warmupS, durationS: 0 });
  // The pool has opened its connections during the warm-up.
  const { rows } = await side.db.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
    [side.applicationName],
  );
  const out = await load({
    warmupS: 0,
    durationS: settings.durationS,
    cpu: { server: [side.pid], postgres: rows.map((r) => r.pid) },
    shared: side.shared,
  });
  const result = JSON.parse(out.trim().split('\n').at(-1));
  const port = side.port;
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(
      `GET ${path} on :${port}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return result;
}

/** A B A B…: the API then the bare baseline, `pairs` times; medians over the pairs. */
export async function measurePairs(path, sides, headers, settings, log) {
  // A pair during which the rest of the machine used more than maxForeignCores is measured again
  // (up to as many extra pairs as asked for); the least disturbed ones are kept if it never calms down.
  const attempts = [];
  const show = (m) =>
    `${m.rps} rps p95 ${m.p95_ms} p99 ${m.p99_ms} ms, cpu/req ${m.cpu_us_per_req.server} us + pg ${m.cpu_us_per_req.postgres} us`;
  const calm = () => attempts.filter((p) => p.foreign <= settings.maxForeignCores);
  while (calm().length < settings.pairs && attempts.length < 2 * settings.pairs) {
    const aula = await measureOnce(sides.aula, path, headers, settings);
    const bare = await measureOnce(sides.bare, path, headers, settings);
    const foreign = Math.max(aula.foreign_cores, bare.foreign_cores);
    attempts.push({ aula, bare, ratio: aula.rps / bare.rps, foreign });
    const disturbed = foreign > settings.maxForeignCores;
    log(
      `    pair ${attempts.length}: aula ${show(aula)} | bare ${show(bare)} | ratio ${round(aula.rps / bare.rps, 3)}` +
        (disturbed ? ` | DISTURBED: other processes used ${foreign} cores, measuring again` : ''),
    );
  }
  const pairs = [...attempts].sort((a, b) => a.foreign - b.foreign).slice(0, settings.pairs);
  const summary = (side) => {
    const pick = (get) => median(pairs.map((p) => get(p[side])));
    return {
      rps: pick((m) => m.rps),
      p50_ms: pick((m) => m.p50_ms),
      p95_ms: pick((m) => m.p95_ms),
      p99_ms: pick((m) => m.p99_ms),
      cpu_us_per_req: pick((m) => m.cpu_us_per_req.server),
      pg_cpu_us_per_req: pick((m) => m.cpu_us_per_req.postgres),
    };
  };
  return {
    pairs,
    disturbed: attempts.length - calm().length,
    foreignCoresMax: round(Math.max(...pairs.map((p) => p.foreign)), 2),
    aula: summary('aula'),
    bare: summary('bare'),
    ratio: round(median(pairs.map((p) => p.ratio)), 3),
  };
}
