// The `gradebook` benchmark: GET /api/cohorts/:id/gradebook (the whole cohort: 1,000 trainees x 20
// graded items) as the cohort's tutor, against the same SQL and the same shaping through bare
// Fastify + pg (baseline/gradebook-server.mjs), A B alternating in one run.
//
//   database   aula_bench_<random>, migrated with the project's migrations, dropped at the end
//   data       lib/gradebook-seed.mjs (one course, one cohort, N trainees, ~0.9 x N x 20 grades)
//   API        dist/server/apps/api/src/main.js under `taskset -c 0`, no worker (the endpoint only reads)
//   baseline   baseline/gradebook-server.mjs under `taskset -c 0`
//   load       lib/load.mjs (autocannon) under `taskset -c 1`; database, servers, pairs and
//              checks from lib/harness.mjs
import fs from 'node:fs';
import { resolve } from 'node:path';
import {
  connectDb,
  measurePairs,
  passwordHash,
  prepareRun,
  requireBuilt,
  round,
  sameAnswer,
  sidesOf,
  signIn,
  startApiAndBaseline,
} from './harness.mjs';
import { GRADED_ITEMS, seedGradebookCourse, seedGradebookTrainees, TUTOR_EMAIL } from './gradebook-seed.mjs';

/** The SQL the API runs, read from the built server so both sides run the very same statements. */
function builtSql() {
  const queries = requireBuilt('libs/server/assessment/src/gradebook/gradebook.queries.js');
  const sql = { head: queries.GRADEBOOK_HEAD_SQL, rows: queries.GRADEBOOK_ROWS_SQL };
  for (const [name, text] of Object.entries(sql))
    if (typeof text !== 'string')
      throw new Error(
        `dist/server no longer exports the gradebook ${name} SQL (gradebook.queries.ts); update tools/bench/lib/gradebook-api.mjs`,
      );
  return sql;
}

/** Runs the `gradebook` scenario; resolves the reports bench.mjs prints and writes. */
export async function runGradebook(scenarios, settings) {
  const { log } = settings;
  const trainees = settings.gradebookTrainees;
  const connections = settings.gradebookConnections;
  const prepared = await prepareRun(log);

  const sqlFile = resolve(prepared.workDir, 'gradebook-sql.json');
  fs.writeFileSync(sqlFile, JSON.stringify(builtSql()));

  const db = await connectDb(prepared.databaseUrl);
  const hash = await passwordHash();
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

  const servers = await startApiAndBaseline(
    prepared,
    'gradebook',
    { script: 'tools/bench/baseline/gradebook-server.mjs', sqlFile, name: 'the bare gradebook baseline' },
    log,
  );
  const { apiPort, barePort } = servers;

  const { accessToken } = await signIn(apiPort, TUTOR_EMAIL);
  const headers = { authorization: `Bearer ${accessToken}` };
  const context = { email: TUTOR_EMAIL, cohortId, headers };

  const sides = await sidesOf(servers, db, prepared.redisUrl);
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
