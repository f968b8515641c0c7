// The "bare" side of the API benchmarks: Fastify + pg (Pool) answering the same URLs as the API
// with the same SQL and the same JSON, and nothing else: no Nest, no ORM, no validation pipe, no
// auth framework, no helmet/CORS/request-id hooks, no logging.
//
// The SQL comes from the built server (dist/server): the orchestrator reads DASHBOARD_SQL and
// COURSE_PAGE_SQL there and hands them over in BENCH_SQL_FILE, so this process never loads Nest or
// TypeORM. The pure helpers that shape the answer (pickText, readerLocale, todayIn) are the built
// ones too, loaded file by file; toCohortSummary/toEnrolmentSummary are copied below because their
// module (views.ts) also imports Nest and TypeORM. The code around them mirrors
// LearningService.dashboard and CatalogueService.coursePage (libs/server/enrolment/src/
// learning.service.ts, catalogue.service.ts). The orchestrator checks before timing anything that
// both sides give the same JSON, so a drift here stops the run instead of skewing it.
//
// Who is asking: the `sub` claim of the bearer token, read without checking the signature (the
// API checks it, plus a Redis look-up for revoked sessions: that is part of what is measured).
//
// Env: PORT, HOST (127.0.0.1), BENCH_DATABASE_URL, BENCH_SQL_FILE, BENCH_POOL_SIZE (10, as the API's
// DATABASE_POOL_SIZE default), BENCH_PREPARED=1 to run the statements as named prepared statements
// (only when the API does so too: both sides must do the same database work).
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const require = createRequire(import.meta.url);
const built = (file) => require(resolve(ROOT, 'dist/server/libs/server', file));
const { pickText } = built('core/src/translations.js');
const { readerLocale } = built('core/src/reader-locale.js');
const { todayIn } = built('enrolment/src/dates.js');
const framework = Object.keys(require.cache).find((f) =>
  /node_modules\/(@nestjs|typeorm|class-validator)\//.test(f),
);
if (framework)
  throw new Error(`the bare baseline must not load a framework, but a helper pulled in ${framework}`);

// libs/server/enrolment/src/views.ts and enrolment.rules.ts (seatsLeft)
const seatsLeft = (capacity, seatsTaken) => (capacity === null ? null : Math.max(0, capacity - seatsTaken));
const toIso = (value) => (value === null ? null : new Date(value).toISOString());
const toCohortSummary = (row) => ({
  id: row.id,
  name: row.name,
  startDate: row.startDate,
  endDate: row.endDate,
  timeZone: row.timeZone,
  enrolmentMode: row.enrolmentMode,
  capacity: row.capacity,
  seatsLeft: seatsLeft(row.capacity, row.seatsTaken),
});
const toEnrolmentSummary = (row) => ({
  id: row.id,
  cohortId: row.cohortId,
  status: row.status,
  progressPercent: row.progressPercent,
  lastActivityAt: toIso(row.lastActivityAt),
  completedAt: toIso(row.completedAt),
});

const SQL = JSON.parse(readFileSync(process.env.BENCH_SQL_FILE, 'utf8'));
const pool = new pg.Pool({
  connectionString: process.env.BENCH_DATABASE_URL,
  max: Number(process.env.BENCH_POOL_SIZE ?? 10),
  connectionTimeoutMillis: 3000,
  statement_timeout: 15000,
  application_name: 'aula-bench-bare',
});

const PREPARED = process.env.BENCH_PREPARED === '1';
const query = (name, values) =>
  PREPARED ? pool.query({ name: `bench_${name}`, text: SQL[name], values }) : pool.query(SQL[name], values);

function readerId(request) {
  const token = /^Bearer [^.]+\.([^.]+)\./.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return null;
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).sub ?? null;
  } catch {
    return null;
  }
}

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

// LearningService.dashboard
app.get('/api/me/dashboard', async (request, reply) => {
  const userId = readerId(request);
  if (!userId) return reply.code(401).send({ status: 401 });
  const { rows } = await query('dashboard', [userId]);
  const cohorts = [];
  const upcoming = [];
  for (const row of rows) {
    if (!row.id) continue;
    const title = pickText(row.courseTitle, row.readerLocale, row.courseLocale);
    const cohort = toCohortSummary({ ...row, id: row.cohortId, name: row.cohortName });
    cohorts.push({
      enrolment: toEnrolmentSummary({ ...row, id: row.id }),
      cohort,
      course: { id: row.courseId, slug: row.courseSlug, title: title.text, locale: title.locale },
      nextActivity:
        row.nextId && row.nextTitle
          ? { id: row.nextId, title: pickText(row.nextTitle, title.locale, row.courseLocale).text }
          : null,
    });
    if (row.status === 'completed') continue;
    const today = todayIn(row.timeZone);
    if (row.startDate >= today)
      upcoming.push({
        cohortId: row.cohortId,
        kind: 'cohort-start',
        date: row.startDate,
        timeZone: row.timeZone,
        title: title.text,
      });
    if (row.endDate >= today)
      upcoming.push({
        cohortId: row.cohortId,
        kind: 'cohort-end',
        date: row.endDate,
        timeZone: row.timeZone,
        title: title.text,
      });
  }
  upcoming.sort(
    (a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'cohort-start' ? -1 : 1),
  );
  return { cohorts, upcoming };
});

// CatalogueController.page + CatalogueService.coursePage
app.get('/api/courses/:slug', async (request, reply) => {
  const { slug } = request.params;
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return reply.code(404).send({ status: 404 });
  const { rows } = await query('coursePage', [slug, readerId(request)]);
  const row = rows[0];
  if (!row || row.status !== 'published') return reply.code(404).send({ status: 404 });
  const wanted = readerLocale(request.query.locale, row.readerLocale, request.headers['accept-language']);
  const title = pickText(row.title, wanted, row.defaultLocale);
  const pick = (text) => pickText(text, title.locale, row.defaultLocale).text;
  const showDone = row.enrolment?.status === 'active' || row.enrolment?.status === 'completed';
  const done = new Set(row.enrolment?.doneIds ?? []);
  return {
    id: row.id,
    slug: row.slug,
    locale: title.locale,
    locales: row.locales,
    title: title.text,
    summary: pick(row.summary),
    description: pick(row.description),
    topics: row.topics,
    estimatedHours: row.estimatedHours,
    programmeTitle: pickText(row.programmeTitle, wanted, row.programmeLocale).text,
    modules: row.modules.map((m) => ({
      id: m.id,
      title: pick(m.title),
      activities: m.activities.map((a) => ({
        id: a.id,
        kind: a.kind,
        title: pick(a.title),
        required: a.required,
        ...(showDone ? { done: done.has(a.id) } : {}),
      })),
    })),
    openCohorts: row.openCohorts.map(toCohortSummary),
    enrolment: row.enrolment ? toEnrolmentSummary(row.enrolment) : null,
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
process.stdout.write(`bare baseline listening on ${process.env.PORT}\n`);
