// The "bare" side of the `gradebook` benchmark: Fastify + pg (Pool) answering
// GET /api/cohorts/:id/gradebook with the same SQL and the same JSON as the API, and nothing else:
// no Nest, no ORM, no validation pipe, no auth framework, no helmet/CORS/request-id hooks, no logging.
//
// The SQL comes from the built server (GRADEBOOK_HEAD_SQL and GRADEBOOK_ROWS_SQL in
// libs/server/assessment/src/gradebook/gradebook.queries.ts), handed over in BENCH_SQL_FILE; the
// course total is the built, framework-free course-total.js. readMarks is copied from
// gradebook.service.ts (its module imports Nest). The code around them mirrors
// GradebookService.cohort for the whole cohort (no `limit`): role check, the cohort's head, the
// tutor's assignment (EnrolmentPolicy.isTutorOf's statement), the rows. The orchestrator checks
// that both sides give the same JSON before timing anything.
//
// Who is asking: `sub` and `roles` of the bearer token, read without checking the signature.
//
// Env: PORT, HOST (127.0.0.1), BENCH_DATABASE_URL, BENCH_SQL_FILE, BENCH_POOL_SIZE (10).
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const require = createRequire(import.meta.url);
const { compileTotal, passed } = require(
  resolve(ROOT, 'dist/server/libs/server/assessment/src/gradebook/course-total.js'),
);
const framework = Object.keys(require.cache).find((f) =>
  /node_modules\/(@nestjs|typeorm|class-validator)\//.test(f),
);
if (framework)
  throw new Error(`the bare baseline must not load a framework, but a helper pulled in ${framework}`);

// libs/server/assessment/src/gradebook/gradebook.service.ts (readMarks)
function readMarks(text, blind, points, statuses, released) {
  points.fill(null);
  statuses.fill(null);
  released.fill(null);
  if (!text) return;
  const width = points.length;
  for (const part of text.split(',')) {
    const [n, p, status] = part.split(' ');
    const index = Number(n) - 1;
    if (!(index >= 0 && index < width) || (blind[index] && status !== 'released')) continue;
    const value = p === '' ? null : Number(p);
    points[index] = value;
    statuses[index] = status;
    if (status === 'released') released[index] = value;
  }
}

const SQL = JSON.parse(readFileSync(process.env.BENCH_SQL_FILE, 'utf8'));
const pool = new pg.Pool({
  connectionString: process.env.BENCH_DATABASE_URL,
  max: Number(process.env.BENCH_POOL_SIZE ?? 10),
  connectionTimeoutMillis: 3000,
  statement_timeout: 15000,
  application_name: 'aula-bench-bare',
});

function reader(request) {
  const token = /^Bearer [^.]+\.([^.]+)\./.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return null;
  try {
    const claims = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return claims.sub ? { id: claims.sub, roles: claims.roles ?? [] } : null;
  } catch {
    return null;
  }
}

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.get('/api/cohorts/:id/gradebook', async (request, reply) => {
  const actor = reader(request);
  if (!actor) return reply.code(401).send({ status: 401 });
  const { id } = request.params;
  const isAdmin = actor.roles.includes('admin');
  if (!isAdmin && !actor.roles.includes('tutor')) return reply.code(403).send({ status: 403 });
  const {
    rows: [head],
  } = await pool.query(SQL.head, [id]);
  if (!head) return reply.code(404).send({ status: 404 });
  if (!isAdmin) {
    const { rows } = await pool.query('SELECT 1 FROM cohort_tutors WHERE cohort_id = $1 AND user_id = $2', [
      id,
      actor.id,
    ]);
    if (!rows.length) return reply.code(404).send({ status: 404 });
  }
  const items = head.items ?? [];
  const categoryWeights = head.categoryWeights ?? {};
  const { rows: raw } = await pool.query(SQL.rows, [id, items.map((i) => i.activityId), null, null, null]);
  const total = compileTotal(items, categoryWeights);
  const width = items.length;
  const released = new Array(width);
  const blind = items.map((i) => i.blindMarking === true);
  const rows = raw.map((r) => {
    const points = new Array(width);
    const statuses = new Array(width);
    readMarks(r.cells, blind, points, statuses, released);
    const totalPercent = total.total(released);
    return {
      enrolmentId: r.enrolmentId,
      userId: r.userId,
      displayName: r.displayName,
      email: r.email,
      enrolmentStatus: r.enrolmentStatus,
      points,
      statuses,
      totalPercent,
      passed: passed(totalPercent, head.passPercent),
    };
  });
  return {
    cohortId: id,
    cohortName: head.cohortName,
    courseId: head.courseId,
    passPercent: head.passPercent,
    completionRequiresPass: head.completionRequiresPass,
    categoryWeights,
    items,
    rows,
    nextCursor: null,
  };
});

const stop = async () => {
  await app.close().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
process.stdout.write(`bare gradebook baseline listening on ${process.env.PORT}\n`);
