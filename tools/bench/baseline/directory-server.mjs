// The "bare" side of the `directory` benchmark: Fastify + pg (Pool) answering
// GET /api/directory/institution-suggestions with the same SQL and the same JSON as the API, and
// nothing else: no Nest, no ORM, no validation pipe, no auth framework, no hooks, no logging.
//
// The SQL is the API's own (INSTITUTION_SUGGEST_SQL in libs/server/directory/src/institution.service.ts,
// read from dist/server by the orchestrator and handed over in BENCH_SQL_FILE), run as a named
// prepared statement because the API runs it so (PreparedSql). The folding of the query is the
// built searchKey (core/src/text.js, framework-free); readerLocale is the built one; escapeLike and
// the two small mappers (institutionDisplayName, toInstitutionRef) are copied from
// directory-text.ts and directory.views.ts, whose modules import the core module and with it Nest.
// The orchestrator checks that both sides give the same JSON before timing anything.
//
// Who is asking: nobody (a signed-out visitor on the registration form): public records only.
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
const built = (file) => require(resolve(ROOT, 'dist/server/libs/server', file));
const { searchKey } = built('core/src/text.js');
const { readerLocale } = built('core/src/reader-locale.js');
const framework = Object.keys(require.cache).find((f) =>
  /node_modules\/(@nestjs|typeorm|class-validator)\//.test(f),
);
if (framework)
  throw new Error(`the bare baseline must not load a framework, but a helper pulled in ${framework}`);

// libs/server/directory/src/directory-text.ts
const escapeLike = (text) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
// libs/server/directory/src/directory.views.ts
function institutionDisplayName(i, locale) {
  const official = i.names.filter((n) => n.type === 'official');
  return (
    official.find((n) => n.lang === locale)?.value ??
    official.find((n) => n.lang === 'en')?.value ??
    i.primaryName
  );
}
const toInstitutionRef = (i, locale) => ({
  id: i.id,
  displayName: institutionDisplayName(i, locale),
  acronym: i.acronym,
  country: i.country.trim(),
  status: i.status,
});

const SQL = JSON.parse(readFileSync(process.env.BENCH_SQL_FILE, 'utf8'));
const pool = new pg.Pool({
  connectionString: process.env.BENCH_DATABASE_URL,
  max: Number(process.env.BENCH_POOL_SIZE ?? 10),
  connectionTimeoutMillis: 3000,
  statement_timeout: 15000,
  application_name: 'aula-bench-bare',
});

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.get('/api/directory/institution-suggestions', async (request, reply) => {
  const { q: raw, country, limit: rawLimit, locale: explicit } = request.query;
  if (typeof raw !== 'string' || !raw.trim()) return reply.code(400).send({ status: 400 });
  const locale = readerLocale(explicit ?? null, null, request.headers['accept-language'] ?? null);
  const q = searchKey(raw).replace(/\|/g, ' ').trim();
  if (!q) return [];
  const limit = Math.min(rawLimit ? Number(rawLimit) : 10, 20);
  const { rows } = await pool.query({
    name: 'bench_suggest',
    text: SQL.suggest,
    values: [q, escapeLike(q), country ?? null, true, limit],
  });
  return rows.map((r) => toInstitutionRef(r, locale));
});

const stop = async () => {
  await app.close().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
process.stdout.write(`bare directory baseline listening on ${process.env.PORT}\n`);
