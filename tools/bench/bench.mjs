#!/usr/bin/env node
// Aula's benchmarks: every figure a ratio against a bare baseline measured in the same run (tools/bench/README.md).
//
//   npm run bench                     every scenario in tools/bench/scenarios/
//   npm run bench -- dashboard        one scenario (several names: several scenarios)
//   npm run bench -- --quick          smoke mode: 1 pair of 1 s warm-up + 2 s (also BENCH_QUICK=1)
//   npm run bench -- --no-build       use dist/server as it is (also BENCH_NO_BUILD=1)
//   npm run bench -- --list           the scenarios
//   npm run bench -- --clean          drop aula_bench_* databases left by killed runs (no one connected)
//
// Each scenario prints a table and writes tmp/bench/<scenario>.json:
//   {"scenario": "...", "figures": {"<what>_<unit>": n, ...}, "ratios": {"<ours>/<baseline>": n, ...}}
// Tuning: BENCH_PAIRS (3), BENCH_DURATION_S (10), BENCH_WARMUP_S (3), BENCH_CONNECTIONS (50),
// BENCH_SMALL_TRAINEES (1000), BENCH_LARGE_TRAINEES (100000), BENCH_STRICT=1 (exit 3 when a target is missed).
import fs from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DEFAULTS } from '../scripts/services/index.mjs';
import { cleanup, ROOT } from './lib/procs.mjs';

const SCENARIO_DIR = resolve(ROOT, 'tools/bench/scenarios');
const OUT_DIR = resolve(ROOT, 'tmp/bench');
const log = (message) => console.log(message);

async function loadScenarios() {
  const files = fs
    .readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const all = [];
  for (const file of files) all.push((await import(pathToFileURL(resolve(SCENARIO_DIR, file)).href)).default);
  return all;
}

const GROUPS = {
  'learning-api': async (scenarios, settings) => {
    const { runLearningApi } = await import('./lib/learning-api.mjs');
    const results = await runLearningApi(scenarios, settings);
    return scenarios.map((s) => apiReport(s, results[s.name], settings));
  },
  gradebook: async (scenarios, settings) => {
    const { runGradebook } = await import('./lib/gradebook-api.mjs');
    return runGradebook(scenarios, settings);
  },
  'quiz-burst': async (scenarios, settings) => {
    const { runQuizBurst } = await import('./lib/quiz-burst.mjs');
    return runQuizBurst(scenarios, settings);
  },
  certificates: async (scenarios, settings) => {
    const { runCertificates } = await import('./lib/certificates.mjs');
    return runCertificates(scenarios, settings);
  },
  directory: async (scenarios, settings) => {
    const { runDirectory } = await import('./lib/directory-api.mjs');
    return runDirectory(scenarios, settings);
  },
  reminders: async (scenarios, settings) => {
    const { runReminders } = await import('./lib/reminders.mjs');
    return runReminders(scenarios, settings);
  },
  'workshop-register': async (scenarios, settings) => {
    const { runWorkshopRegister } = await import('./lib/workshop-register.mjs');
    return runWorkshopRegister(scenarios, settings);
  },
};

function intEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, not ${JSON.stringify(raw)}`);
  return n;
}

function settingsFor(quick) {
  return {
    quick,
    pairs: intEnv('BENCH_PAIRS', quick ? 1 : 3),
    durationS: intEnv('BENCH_DURATION_S', quick ? 2 : 10),
    warmupS: intEnv('BENCH_WARMUP_S', quick ? 1 : 3),
    connections: intEnv('BENCH_CONNECTIONS', 50),
    maxForeignCores: Number(process.env.BENCH_MAX_FOREIGN_CORES || 0.25),
    smallTrainees: intEnv('BENCH_SMALL_TRAINEES', 1000),
    largeTrainees: intEnv('BENCH_LARGE_TRAINEES', 100_000),
    gradebookTrainees: intEnv('BENCH_GRADEBOOK_TRAINEES', 1000),
    gradebookConnections: intEnv('BENCH_GRADEBOOK_CONNECTIONS', 2),
    quizTrainees: intEnv('BENCH_QUIZ_TRAINEES', 200),
    directoryInstitutions: intEnv('BENCH_DIRECTORY_INSTITUTIONS', 20_000),
    directoryPeople: intEnv('BENCH_DIRECTORY_PEOPLE', 200_000),
    directoryConnections: intEnv('BENCH_DIRECTORY_CONNECTIONS', 20),
    workshopPeople: intEnv('BENCH_WORKSHOP_PEOPLE', 500),
    workshopSeats: intEnv('BENCH_WORKSHOP_SEATS', 100),
    log,
  };
}

// ------------------------------------------------------------------------------------------------
// API scenarios: figures, ratios, targets (issue 3: >= 0.6 of bare, p99 < 100 ms at 1k trainees,
// p95 at 100k within 1.5x of p95 at 1k)

function apiReport(scenario, result, settings) {
  const { small, large } = result;
  const figures = {
    aula_rps: small.aula.rps,
    bare_rps: small.bare.rps,
    aula_p50_ms: small.aula.p50_ms,
    aula_p95_ms: small.aula.p95_ms,
    aula_p99_ms: small.aula.p99_ms,
    bare_p50_ms: small.bare.p50_ms,
    bare_p95_ms: small.bare.p95_ms,
    bare_p99_ms: small.bare.p99_ms,
    p95_ms_1k: small.aula.p95_ms,
    // CPU time per answered request (user + system) of the server process and of its PostgreSQL
    // backends: steadier than rps on a shared machine, and it says where the time goes.
    aula_cpu_us_per_req: small.aula.cpu_us_per_req,
    bare_cpu_us_per_req: small.bare.cpu_us_per_req,
    aula_pg_cpu_us_per_req: small.aula.pg_cpu_us_per_req,
    bare_pg_cpu_us_per_req: small.bare.pg_cpu_us_per_req,
  };
  const ratios = {
    'aula/bare': small.ratio,
    'aula_cpu_us_per_req/bare_cpu_us_per_req': round(
      small.aula.cpu_us_per_req / small.bare.cpu_us_per_req,
      3,
    ),
  };
  if (large) {
    Object.assign(figures, {
      p95_ms_100k: large.aula.p95_ms,
      aula_rps_100k: large.aula.rps,
      bare_rps_100k: large.bare.rps,
      aula_p99_ms_100k: large.aula.p99_ms,
      bare_p95_ms_100k: large.bare.p95_ms,
      bare_p99_ms_100k: large.bare.p99_ms,
      aula_cpu_us_per_req_100k: large.aula.cpu_us_per_req,
      bare_cpu_us_per_req_100k: large.bare.cpu_us_per_req,
      aula_pg_cpu_us_per_req_100k: large.aula.pg_cpu_us_per_req,
      bare_pg_cpu_us_per_req_100k: large.bare.pg_cpu_us_per_req,
    });
    ratios['aula_100k/bare_100k'] = large.ratio;
    ratios['p95_ms_100k/p95_ms_1k'] = round(large.aula.p95_ms / small.aula.p95_ms, 3);
    ratios['bare_p95_ms_100k/bare_p95_ms_1k'] = round(large.bare.p95_ms / small.bare.p95_ms, 3);
  }
  const spread = (m) => m.pairs.map((p) => p.ratio);
  Object.assign(figures, {
    // How much the pairs disagreed: a wide spread means the machine was busy with something else.
    aula_bare_pair_min: round(Math.min(...spread(small)), 3),
    aula_bare_pair_max: round(Math.max(...spread(small)), 3),
    load_avg_1m: settings.loadAvg,
    // Pairs measured again because other processes used more than BENCH_MAX_FOREIGN_CORES meanwhile,
    // and the most the rest of the machine used during a pair that was kept.
    pairs_disturbed: small.disturbed + (large?.disturbed ?? 0),
    foreign_cores_max: Math.max(small.foreignCoresMax, large?.foreignCoresMax ?? 0),
    pairs: settings.pairs,
    duration_s: settings.durationS,
    connections: settings.connections,
    trainees_small: result.smallSize.users,
    trainees_large: result.largeSize?.users ?? 0,
  });
  const targets = [
    { what: 'aula/bare >= 0.6 (1k)', ok: small.ratio >= 0.6, value: small.ratio },
    { what: 'aula p99 < 100 ms (1k)', ok: small.aula.p99_ms < 100, value: `${small.aula.p99_ms} ms` },
  ];
  if (large)
    targets.push({
      what: 'p95 100k <= 1.5 x p95 1k',
      ok: large.aula.p95_ms <= 1.5 * small.aula.p95_ms,
      value: `${large.aula.p95_ms} / ${small.aula.p95_ms} ms = ${ratios['p95_ms_100k/p95_ms_1k']}`,
    });
  const rows = [['', 'rps', 'p50 ms', 'p95 ms', 'p99 ms', 'cpu us/req', 'pg cpu us/req', 'aula/bare rps']];
  const add = (label, m) => {
    for (const side of ['aula', 'bare'])
      rows.push([
        `${side}  ${label}`,
        m[side].rps,
        m[side].p50_ms,
        m[side].p95_ms,
        m[side].p99_ms,
        m[side].cpu_us_per_req,
        m[side].pg_cpu_us_per_req,
        side === 'aula' ? m.ratio : '',
      ]);
  };
  add(`${result.smallSize.users.toLocaleString('en')} trainees`, small);
  if (large) add(`${result.largeSize.users.toLocaleString('en')} trainees`, large);
  const notes = [];
  for (const [label, m] of [
    ['1k', small],
    ['100k', large],
  ]) {
    if (!m) continue;
    const r = spread(m);
    if (Math.max(...r) > 1.25 * Math.min(...r))
      notes.push(
        `NOISY   the ${label} pairs disagree (aula/bare from ${round(Math.min(...r), 3)} to ${round(Math.max(...r), 3)}): the machine was busy; run again or raise BENCH_PAIRS`,
      );
  }
  return {
    notes,
    json: { scenario: scenario.name, figures, ratios },
    title: `${scenario.name}: ${scenario.description} (as ${result.context.email}: GET ${result.context.path})`,
    rows,
    targets,
  };
}

const round = (n, digits = 2) =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;

function printReport(report, settings) {
  const widths = report.rows[0].map((_, i) => Math.max(...report.rows.map((r) => String(r[i]).length)));
  console.log(`\n${report.title}`);
  const method =
    report.method ??
    `${settings.pairs} pair(s) A B, ${settings.warmupS} s warm-up + ${settings.durationS} s, ${report.connections ?? settings.connections} connections, medians over the pairs`;
  console.log(`  ${method}${settings.quick ? ' (QUICK: smoke figures, not a measurement)' : ''}`);
  for (const row of report.rows)
    console.log(
      `  ${row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')}`,
    );
  for (const t of report.targets) console.log(`  ${t.ok ? 'MET   ' : 'MISSED'}  ${t.what}: ${t.value}`);
  for (const note of report.notes) console.log(`  ${note}`);
  console.log(`  -> ${resolve(OUT_DIR, `${report.json.scenario}.json`).replace(`${ROOT}/`, '')}`);
}

// ------------------------------------------------------------------------------------------------

async function cleanLeftovers() {
  const url = new URL(process.env.DATABASE_URL || DEFAULTS.databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT d.datname FROM pg_database d
        WHERE d.datname ~ '^aula_bench_[0-9a-f]{8}$'
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`);
      console.log(`dropped ${datname}`);
    }
    if (!rows.length) console.log('No leftover aula_bench_* database without connections.');
  } finally {
    await client.end();
  }
}

function checkMachine() {
  const taskset = spawnSync('taskset', ['-c', '1', 'true']);
  if (taskset.error)
    throw new Error('taskset (util-linux) is needed to pin the servers and the load generator to cores.');
  if (taskset.status !== 0)
    throw new Error(
      'taskset -c 1 failed: the benchmarks need at least 2 CPU cores (server on 0, load on 1).',
    );
}

async function main(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  const names = argv.filter((a) => !a.startsWith('-'));
  const known = new Set(['--quick', '--no-build', '--list', '--clean', '--help', '-h']);
  const unknownFlag = [...flags].find((f) => !known.has(f));
  if (unknownFlag) throw new Error(`unknown option ${unknownFlag} (see tools/bench/README.md)`);
  const all = await loadScenarios();
  if (flags.has('--help') || flags.has('-h')) {
    console.log('usage: npm run bench -- [--quick] [--no-build] [scenario...] | --list | --clean');
    return 0;
  }
  if (flags.has('--list')) {
    for (const s of all) console.log(`${s.name.padEnd(14)} ${s.description}`);
    return 0;
  }
  if (flags.has('--clean')) {
    await cleanLeftovers();
    return 0;
  }
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length)
    throw new Error(`no scenario ${unknown.join(', ')}; there are: ${all.map((s) => s.name).join(', ')}`);
  const chosen = names.length ? all.filter((s) => names.includes(s.name)) : all;
  const quick =
    flags.has('--quick') ||
    ['1', 'true', 'yes'].includes(String(process.env.BENCH_QUICK ?? '').toLowerCase());
  const settings = settingsFor(quick);
  checkMachine();
  settings.loadAvg = Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  if (settings.loadAvg > 1)
    log(
      `bench: load average ${settings.loadAvg} before starting: something else is running; figures will be noisy`,
    );

  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const s of chosen) fs.rmSync(resolve(OUT_DIR, `${s.name}.json`), { force: true }); // never a stale figure

  if (
    !flags.has('--no-build') &&
    !['1', 'true', 'yes'].includes(String(process.env.BENCH_NO_BUILD ?? '').toLowerCase())
  ) {
    log('bench: compiling the server (dist/server)');
    const { buildServer } = await import('../scripts/build-server.mjs');
    buildServer();
  }

  let missed = 0;
  const groups = [...new Set(chosen.map((s) => s.group))];
  for (const group of groups) {
    const scenarios = chosen.filter((s) => s.group === group);
    log(`bench: ${scenarios.map((s) => s.name).join(', ')}${quick ? ' (quick)' : ''}`);
    try {
      const reports = await GROUPS[group](scenarios, settings);
      for (const report of reports) {
        fs.writeFileSync(
          resolve(OUT_DIR, `${report.json.scenario}.json`),
          `${JSON.stringify(report.json, null, 2)}\n`,
        );
        printReport(report, settings);
        missed += report.targets.filter((t) => !t.ok).length;
      }
    } finally {
      await cleanup();
    }
  }
  if (missed) console.log(`\nbench: ${missed} target(s) missed (see MISSED above).`);
  return missed && process.env.BENCH_STRICT === '1' ? 3 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`bench: ${error?.message ?? error}`);
    await cleanup();
    process.exit(1);
  },
);
