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
import fs from 'node:fs';
import { resolve } from 'node:path';
import {
  connectDb,
  measurePairs,
  passwordHash,
  prepareRun,
  requireBuilt,
  sameAnswer,
  sidesOf,
  signIn,
  startApiAndBaseline,
} from './harness.mjs';
import { dataSize, MEASURED_TRAINEE, seedCatalogue, seedTrainees, traineeEmail } from './seed.mjs';

/** The SQL the API runs, read from the built server so both sides run the very same statements. */
export function builtSql() {
  const learning = requireBuilt('libs/server/enrolment/src/learning.service.js');
  const catalogue = requireBuilt('libs/server/enrolment/src/catalogue.service.js');
  const sql = { dashboard: learning.DASHBOARD_SQL, coursePage: catalogue.COURSE_PAGE_SQL };
  for (const [name, text] of Object.entries(sql))
    if (typeof text !== 'string')
      throw new Error(
        `dist/server no longer exports the ${name} SQL (DASHBOARD_SQL / COURSE_PAGE_SQL in libs/server/enrolment); ` +
          'update tools/bench/lib/learning-api.mjs and tools/bench/baseline/server.mjs with it.',
      );
  return sql;
}

/**
 * Runs the given scenarios. settings: { pairs, durationS, warmupS, connections, smallTrainees,
 * largeTrainees, log }. Resolves { [scenario]: { small: {...}, large: {...}, context } }.
 */
export async function runLearningApi(scenarios, settings) {
  const { log } = settings;
  const prepared = await prepareRun(log);

  const sql = builtSql();
  const sqlFile = resolve(prepared.workDir, 'sql.json');
  fs.writeFileSync(sqlFile, JSON.stringify(sql));

  const db = await connectDb(prepared.databaseUrl);
  const hash = await passwordHash();
  let t = Date.now();
  await seedCatalogue(db);
  await seedTrainees(db, 1, settings.smallTrainees, hash);
  const smallSize = await dataSize(db);
  log(`  seeded ${fmtSize(smallSize)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // --- servers
  const servers = await startApiAndBaseline(
    prepared,
    'learning-api',
    { script: 'tools/bench/baseline/server.mjs', sqlFile, name: 'the bare baseline' },
    log,
  );
  const { apiPort, barePort } = servers;

  // --- sign in once (sign-in throttling is per account)
  const email = traineeEmail(MEASURED_TRAINEE);
  const { accessToken, user } = await signIn(apiPort, email);
  const headers = { authorization: `Bearer ${accessToken}` };
  // The course of the trainee's active enrolment (a cohort of that course holds them).
  const { rows } = await db.query(
    `SELECT co.slug FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id JOIN courses co ON co.id = c.course_id
      WHERE e.user_id = $1 AND e.status = 'active' ORDER BY c.start_date LIMIT 1`,
    [user.id],
  );
  const context = { email, userId: user.id, courseSlug: rows[0].slug, headers };

  const sides = await sidesOf(servers, db, prepared.redisUrl);
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

function fmtSize(s) {
  return `${s.users.toLocaleString('en')} trainees, ${s.enrolments.toLocaleString('en')} enrolments, ${s.completions.toLocaleString('en')} completions (≤ ${s.maxPerCohort.toLocaleString('en')} per cohort)`;
}
