// The `directory` benchmark: the institution typeahead (GET /api/directory/institution-suggestions)
// as a signed-out visitor, over 20,000 institutions and 200,000 people, against the same SQL and
// the same shaping through bare Fastify + pg (baseline/directory-server.mjs), A B alternating in one run.
//
//   database   aula_bench_<random>, migrated with the project's migrations, dropped at the end
//   data       lib/directory-seed.mjs (regions, N institutions, M people with a membership each)
//   API        dist/server/apps/api/src/main.js under `taskset -c 0`, no worker (the endpoint only reads)
//   baseline   baseline/directory-server.mjs under `taskset -c 0`
//   load       lib/load.mjs (autocannon) under `taskset -c 1`, the requests taking the 20 queries of
//              directory-seed.mjs in turn; database, servers, pairs and checks from lib/harness.mjs
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
  startApiAndBaseline,
} from './harness.mjs';
import { QUERIES, seedDirectory, seedPeople } from './directory-seed.mjs';

/** The SQL the API runs, read from the built server so both sides run the very same statement. */
function builtSql() {
  const service = requireBuilt('libs/server/directory/src/institution.service.js');
  const sql = { suggest: service.INSTITUTION_SUGGEST_SQL };
  if (typeof sql.suggest !== 'string')
    throw new Error(
      'dist/server no longer exports INSTITUTION_SUGGEST_SQL (libs/server/directory/src/institution.service.ts); update tools/bench/lib/directory-api.mjs',
    );
  return sql;
}

/** Rewrites search_text with the API's own folding (searchTextOf), so the seed matches what the API writes. */
async function foldSearchText(db) {
  const { searchTextOf } = requireBuilt('libs/server/directory/src/directory-text.js');
  const { rows } = await db.query(`SELECT id, names FROM institutions`);
  await db.query('BEGIN');
  for (let i = 0; i < rows.length; i += 2000) {
    const slice = rows.slice(i, i + 2000);
    await db.query(
      `UPDATE institutions i SET search_text = v.text FROM unnest($1::uuid[], $2::text[]) AS v(id, text) WHERE i.id = v.id`,
      [slice.map((r) => r.id), slice.map((r) => searchTextOf(r.names.map((n) => n.value)))],
    );
  }
  await db.query('COMMIT');
}

/** Runs the `directory` scenario; resolves the reports bench.mjs prints and writes. */
export async function runDirectory(scenarios, settings) {
  const { log } = settings;
  const connections = settings.directoryConnections;
  const prepared = await prepareRun(log);

  const sqlFile = resolve(prepared.workDir, 'directory-sql.json');
  fs.writeFileSync(sqlFile, JSON.stringify(builtSql()));

  const db = await connectDb(prepared.databaseUrl);
  const started = Date.now();
  await seedDirectory(db, settings.directoryInstitutions);
  await foldSearchText(db);
  await seedPeople(db, settings.directoryPeople, settings.directoryInstitutions, await passwordHash());
  const {
    rows: [size],
  } = await db.query(
    `SELECT (SELECT count(*) FROM institutions)::int AS institutions, (SELECT count(*) FROM users)::int AS people,
            (SELECT count(*) FROM memberships)::int AS memberships`,
  );
  log(
    `  seeded ${size.institutions.toLocaleString('en')} institutions, ${size.people.toLocaleString('en')} people in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const servers = await startApiAndBaseline(
    prepared,
    'directory',
    { script: 'tools/bench/baseline/directory-server.mjs', sqlFile, name: 'the bare directory baseline' },
    log,
  );
  const headers = { 'accept-language': 'pt-BR,pt;q=0.9' };
  const sides = await sidesOf(servers, db, prepared.redisUrl);
  const reports = [];
  for (const scenario of scenarios) {
    const paths = QUERIES.map(
      (q) => `/api/directory/institution-suggestions?q=${encodeURIComponent(q)}&limit=10`,
    );
    for (const [i, path] of paths.entries()) {
      await sameAnswer(
        { ...scenario, check: (body) => scenario.check(body, QUERIES[i]) },
        path,
        servers.apiPort,
        servers.barePort,
        headers,
      );
    }
    log(
      `  ${scenario.name}: GET ${paths[0]} and ${paths.length - 1} other queries in turn, ${settings.pairs} pair(s) of ${settings.warmupS} s warm-up + ${settings.durationS} s, ${connections} connections`,
    );
    const m = await measurePairs(paths, sides, headers, { ...settings, connections }, log);
    reports.push(report(scenario, m, { ...settings, connections }, { path: paths[0], size }));
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
    institutions: size.institutions,
    people: size.people,
    queries: QUERIES.length,
  };
  const ratios = {
    'aula/bare': m.ratio,
    'aula_cpu_us_per_req/bare_cpu_us_per_req': round(m.aula.cpu_us_per_req / m.bare.cpu_us_per_req, 3),
  };
  const targets = [
    { what: 'aula/bare >= 0.7', ok: m.ratio >= 0.7, value: m.ratio },
    { what: 'aula p95 < 30 ms', ok: m.aula.p95_ms < 30, value: `${m.aula.p95_ms} ms` },
  ];
  const rows = [['', 'rps', 'p50 ms', 'p95 ms', 'p99 ms', 'cpu us/req', 'pg cpu us/req', 'aula/bare rps']];
  for (const side of ['aula', 'bare'])
    rows.push([
      `${side}  ${size.institutions.toLocaleString('en')} institutions`,
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
    title: `${scenario.name}: ${scenario.description} (signed out: GET ${path} …)`,
    rows,
    targets,
    connections: settings.connections,
  };
}
