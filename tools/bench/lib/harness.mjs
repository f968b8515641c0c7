// What the API benchmarks (learning-api, gradebook-api, quiz-burst) share: a throw-away migrated
// database, the built API (and a bare baseline) pinned to the server core, signing in, and the
// A B measurement with its medians.
//
//   database   aula_bench_<random>, migrated with the project's migrations, dropped at the end
//   API        dist/server/apps/api/src/main.js as stack.mjs's startPlatform runs it, but under
//              `taskset -c 0` and without the worker (the worker would only compete for the two cores)
//   baseline   a bare Fastify + pg server (tools/bench/baseline/) under `taskset -c 0`
//   load       tools/bench/lib/load.mjs (autocannon) under `taskset -c 1`, one process per run
//   PostgreSQL and Redis are the machine's: not pinned, the same for both sides.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createDatabase, dropDatabase, ensureServices, DEFAULTS } from '../../scripts/services/index.mjs';
import { run, withProjectPath } from '../../scripts/stack.mjs';
import { atCleanup, freePort, ROOT, runPinned, spawnPinned, stopChild, waitReady } from './procs.mjs';

export const SERVER_CORE = 0;
export const LOAD_CORE = 1;
/** Every seeded account's password. */
export const PASSWORD = 'Bench-pass-2026';

const require = createRequire(import.meta.url);

/** The median of the finite numbers among `values` (null when there are none). */
export const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
export const round = (n, digits = 2) =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** `limit` at a time over `items`; resolves the results in the order of `items`. */
export async function inBatches(items, limit, work) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

/** A module of the built server (dist/server/<path>), with the decorators' metadata polyfill loaded. */
export function requireBuilt(path) {
  require(resolve(ROOT, 'node_modules/reflect-metadata'));
  return require(resolve(ROOT, 'dist/server', path));
}

/** The argon2id hash of PASSWORD, with the API's own parameters. */
export function passwordHash() {
  const { PasswordHasher } = requireBuilt('libs/server/identity/src/password.hasher.js');
  return new PasswordHasher().hash(PASSWORD);
}

/**
 * A run's folders, services and database, all removed again by the clean-up: resolves
 * { runId, workDir, logDir, databaseUrl, redisUrl } with the database created and migrated.
 */
export async function prepareRun(log) {
  const runId = crypto.randomBytes(4).toString('hex');
  const workDir = resolve(ROOT, 'tmp/bench', `run-${runId}`);
  fs.mkdirSync(workDir, { recursive: true });
  atCleanup(() => fs.rmSync(workDir, { recursive: true, force: true }));
  const logDir = resolve(ROOT, 'tmp/bench/logs');
  fs.mkdirSync(logDir, { recursive: true });

  const base = new URL(process.env.DATABASE_URL || DEFAULTS.databaseUrl);
  base.pathname = `/aula_bench_${runId}`;
  const redis = new URL(process.env.BENCH_REDIS_URL || process.env.REDIS_URL || DEFAULTS.redisUrl);
  if (!process.env.BENCH_REDIS_URL) redis.pathname = '/6'; // away from `npm start` (0) and the tests (1)
  const redisUrl = redis.toString();

  const services = await ensureServices({ databaseUrl: base.toString(), redisUrl, log: (m) => log(`  ${m}`) });
  atCleanup(() => services.stop());
  // As `npm start` connects: over the server's Unix socket when it is on this machine.
  const { databaseUrl } = services;
  atCleanup(async () => {
    // BENCH_KEEP_DB=1 leaves it for looking at query plans (`npm run bench -- --clean` drops it later).
    if (process.env.BENCH_KEEP_DB === '1') return log(`  kept database aula_bench_${runId} (BENCH_KEEP_DB=1)`);
    await dropDatabase(databaseUrl);
    log(`  dropped database aula_bench_${runId}`);
  });
  if (!process.env.BENCH_REDIS_URL) {
    // Database 6 is the benchmarks' own: emptied before (a killed run's queues) and after each run.
    const emptyRedis = async () => {
      const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      try {
        await client.flushdb();
      } finally {
        client.disconnect();
      }
    };
    await emptyRedis();
    atCleanup(emptyRedis);
  }
  await createDatabase(databaseUrl);
  log(`  database aula_bench_${runId}: migrating`);
  run('node', ['dist/server/tools/db/cli.js', 'migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    quiet: true,
  });
  return { runId, workDir, logDir, databaseUrl, redisUrl };
}

/** A connection to the run's database for seeding and checks, closed by the clean-up. */
export async function connectDb(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl, application_name: 'aula-bench-seed' });
  await db.connect();
  atCleanup(() => db.end().catch(() => {}));
  return db;
}

function spawnApi({ databaseUrl, redisUrl, workDir, logDir }, port, name) {
  return spawnPinned(SERVER_CORE, ['--enable-source-maps', 'dist/server/apps/api/src/main.js'], {
    env: withProjectPath({
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_ACCESS_SECRET: crypto.randomBytes(32).toString('hex'),
      // A run lasts longer than the default 15 minutes of an access token, and signs in once.
      JWT_ACCESS_TTL: '86400',
      LOG_LEVEL: 'warn',
      // '' would fall back to the default folder (loadConfig drops empty values): a folder without
      // index.html is what turns the web app off.
      WEB_DIST: workDir,
    }),
    logFile: resolve(logDir, `${name}.api.log`),
    name: 'the API',
  });
}

/** The built API alone on the server core, ready; logs to tmp/bench/logs/<name>.api.log. */
export async function startApi(prepared, name) {
  const apiPort = await freePort();
  const api = spawnApi(prepared, apiPort, name);
  atCleanup(() => stopChild(api));
  await waitReady(`http://127.0.0.1:${apiPort}/api/health/ready`, api);
  return { api, apiPort };
}

/**
 * The built API and a bare baseline (`baseline.script`, reading the SQL from `baseline.sqlFile`),
 * both on the server core and ready; logs to tmp/bench/logs/<name>.{api,bare}.log.
 */
export async function startApiAndBaseline(prepared, name, baseline, log) {
  const apiPort = await freePort();
  const barePort = await freePort();
  const api = spawnApi(prepared, apiPort, name);
  const bare = spawnPinned(SERVER_CORE, [baseline.script], {
    env: {
      ...process.env,
      PORT: String(barePort),
      BENCH_DATABASE_URL: prepared.databaseUrl,
      BENCH_SQL_FILE: baseline.sqlFile,
    },
    logFile: resolve(prepared.logDir, `${name}.bare.log`),
    name: baseline.name,
  });
  atCleanup(() => Promise.all([stopChild(api), stopChild(bare)]));
  await Promise.all([
    waitReady(`http://127.0.0.1:${apiPort}/api/health/ready`, api),
    waitReady(`http://127.0.0.1:${barePort}/health`, bare),
  ]);
  log(
    `  API on :${apiPort} and bare baseline on :${barePort}, both on core ${SERVER_CORE}; load on core ${LOAD_CORE}`,
  );
  return { api, apiPort, bare, barePort };
}

/** Signs `email` in with PASSWORD; resolves the sign-in answer ({ accessToken, user, … }). */
export async function signIn(apiPort, email) {
  const res = await fetch(`http://127.0.0.1:${apiPort}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Signs every one of `emails` in, `limit` at a time (argon2 is slow); resolves their access tokens. */
export function signInAll(apiPort, emails, limit = 4) {
  return inBatches(emails, limit, async (email) => (await signIn(apiPort, email)).accessToken);
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

/**
 * The two sides measurePairs alternates. Processes that are part of the measurement without being
 * either side's own: Redis (the API asks it about revoked sessions), the idle other server, this process.
 */
export async function sidesOf({ api, apiPort, bare, barePort }, db, redisUrl) {
  const shared = [api.pid, bare.pid, process.pid, ...(await redisPid(redisUrl))];
  return {
    aula: { port: apiPort, pid: api.pid, applicationName: 'aula', db, shared },
    bare: { port: barePort, pid: bare.pid, applicationName: 'aula-bench-bare', db, shared },
  };
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
        // `path` may be a list: the requests then take its paths in turn.
        url: `http://127.0.0.1:${side.port}${Array.isArray(path) ? path[0] : path}`,
        ...(Array.isArray(path) ? { paths: path } : {}),
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
