// The `quiz-burst` benchmark (issue 4): N trainees (200) each with an attempt in progress, answers
// saved, all submitting at the same moment: POST /api/quiz-attempts/:id/submit grades the attempt,
// records the grade through GradeService and releases it (outbox event, completion). Target: no
// errors, p99 < 500 ms.
//
//   database   aula_bench_<random>, migrated with the project's migrations, dropped at the end
//   data       lib/quiz-seed.mjs (one course, one quiz of 10 questions, one cohort, N trainees)
//   API        dist/server/apps/api/src/main.js under `taskset -c 0`, no worker (the sweep is not
//              part of a submit)
//   load       lib/quiz-burst-load.mjs under `taskset -c 1`: one connection per trainee, all sent at once
//
// Rounds: a warm-up burst, then 1 (quick) or BENCH_PAIRS measured ones. Each round starts a new
// attempt for everyone (attempts are unlimited), saves the answers, then fires the burst; afterwards
// the database must hold exactly one submitted attempt per trainee for the round and one released
// grade per trainee. The warm-up is the API's first burst of submits (code not yet optimised, its
// connections preparing their statements); its figures are reported, its errors counted, and its
// latencies left out of the medians.
// There is no bare baseline: the figure asked for is the API's own behaviour under a burst.
import { runPinned } from './procs.mjs';
import {
  connectDb,
  inBatches,
  LOAD_CORE,
  median,
  passwordHash,
  prepareRun,
  round,
  SERVER_CORE,
  signInAll,
  startApi,
} from './harness.mjs';
import { answersFor, quizTraineeEmail, seedQuizCourse } from './quiz-seed.mjs';

export async function runQuizBurst(scenarios, settings) {
  const { log } = settings;
  const trainees = settings.quizTrainees;
  const rounds = settings.quick ? 1 : settings.pairs;
  const prepared = await prepareRun(log);

  const db = await connectDb(prepared.databaseUrl);
  const hash = await passwordHash();
  const seeded = await seedQuizCourse(db, trainees, hash);
  await db.query('VACUUM (ANALYZE)');
  log(`  seeded one quiz of ${seeded.questions.length} questions and ${trainees} enrolled trainees`);

  const { api, apiPort } = await startApi(prepared, 'quiz-burst');
  log(`  API on :${apiPort} (core ${SERVER_CORE}); burst from core ${LOAD_CORE}`);

  const call = async (method, path, token, body) => {
    const res = await fetch(`http://127.0.0.1:${apiPort}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    return { status: res.status, json };
  };

  let t = Date.now();
  const tokens = await signInAll(
    apiPort,
    Array.from({ length: trainees }, (_, i) => quizTraineeEmail(i + 1)),
  );
  log(`  ${trainees} trainees signed in in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const measured = [];
  let warmup = null;
  for (let round_ = 0; round_ <= rounds; round_++) {
    t = Date.now();
    const attempts = await inBatches(tokens, 8, async (token, i) => {
      const started = await call('POST', `/api/quizzes/${seeded.activityId}/attempts`, token);
      if (started.status !== 201) throw new Error(`start attempt answered ${started.status}: ${JSON.stringify(started.json)}`);
      const saved = await call('PUT', `/api/quiz-attempts/${started.json.id}/answers`, token, { answers: answersFor(seeded.questions, i + round_) });
      if (saved.status !== 200) throw new Error(`save answers answered ${saved.status}: ${JSON.stringify(saved.json)}`);
      return { path: `/api/quiz-attempts/${started.json.id}/submit`, token, id: started.json.id };
    });
    const label = round_ === 0 ? 'warm-up' : `round ${round_}`;
    log(`  ${label}: ${trainees} attempts started and answered in ${((Date.now() - t) / 1000).toFixed(1)} s; burst…`);
    // The API's pool has its connections open by now: their backends are the PostgreSQL side.
    const { rows: backends } = await db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'aula'`,
    );
    const cpu = { api: [api.pid], postgres: backends.map((b) => b.pid) };
    const out = await runPinned(LOAD_CORE, ['tools/bench/lib/quiz-burst-load.mjs', JSON.stringify({ port: apiPort, requests: attempts, cpu })]);
    const result = JSON.parse(out.trim().split('\n').at(-1));
    // What the trainees would notice: every attempt submitted once, every grade released once.
    const {
      rows: [check],
    } = await db.query(
      `SELECT count(*) FILTER (WHERE qa.submitted_at IS NOT NULL)::int AS submitted,
              (SELECT count(*)::int FROM grades g WHERE g.activity_id = $2 AND g.status = 'released') AS released,
              (SELECT count(*)::int FROM grade_changes gc JOIN grades g ON g.id = gc.grade_id
                WHERE g.activity_id = $2 AND gc.action = 'release') AS releases
         FROM quiz_attempts qa WHERE qa.id = ANY($1::uuid[])`,
      [attempts.map((a) => a.id), seeded.activityId],
    );
    result.submitted = check.submitted;
    result.released = check.released;
    result.release_events = check.releases;
    // A 200 whose attempt is not submitted, or a grade released twice, is an error too.
    result.errors += Math.max(0, result.ok - check.submitted) + Math.max(0, check.releases - check.released);
    log(
      `  ${label}: ${result.ok}/${result.requests} ok, p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, p99 ${result.p99_ms} ms, all answered in ${result.wall_ms} ms (CPU: API ${result.cpu_ms.api} ms, PostgreSQL ${result.cpu_ms.postgres} ms); ${check.submitted} submitted, ${check.released} grades released`,
    );
    if (round_ === 0) warmup = result;
    else measured.push(result);
  }

  const scenario = scenarios[0];
  const figures = {
    errors: warmup.errors + measured.reduce((sum, r) => sum + r.errors, 0),
    p99_ms: round(median(measured.map((r) => r.p99_ms))),
    p95_ms: round(median(measured.map((r) => r.p95_ms))),
    p50_ms: round(median(measured.map((r) => r.p50_ms))),
    max_ms: round(Math.max(...measured.map((r) => r.max_ms))),
    wall_ms: round(median(measured.map((r) => r.wall_ms))),
    submits_per_s: round(trainees / (median(measured.map((r) => r.wall_ms)) / 1000)),
    api_cpu_ms_per_submit: round(median(measured.map((r) => r.cpu_ms.api / trainees))),
    pg_cpu_ms_per_submit: round(median(measured.map((r) => r.cpu_ms.postgres / trainees))),
    warmup_p99_ms: round(warmup.p99_ms),
    warmup_errors: warmup.errors,
    trainees,
    rounds,
    questions: seeded.questions.length,
    load_avg_1m: settings.loadAvg,
  };
  const rows = [['round', 'ok', 'errors', 'statuses', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'all answered ms']];
  for (const [i, r] of [warmup, ...measured].entries())
    rows.push([i === 0 ? 'warm-up' : i, r.ok, r.errors, JSON.stringify(r.statuses), r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms, r.wall_ms]);
  return [
    {
      notes: settings.loadAvg > 1 ? [`NOISY   load average ${settings.loadAvg} at the start: something else was running`] : [],
      json: { scenario: scenario.name, figures, ratios: {} },
      title: `${scenario.name}: ${scenario.description}`,
      method: `${trainees} submits at once per round: a warm-up round, then ${rounds} measured; medians over the measured rounds`,
      rows,
      targets: [
        { what: 'no errors', ok: figures.errors === 0, value: figures.errors },
        { what: 'p99 < 500 ms', ok: figures.p99_ms < 500, value: `${figures.p99_ms} ms` },
      ],
    },
  ];
}
