// The `workshop-register` benchmark (issue 15): 500 signed-in people apply at the same moment for a
// workshop with 100 seats in open mode (first come, first served), POST /api/workshops/:slug/registrations:
// each is confirmed or waitlisted at once, in the order the requests got the workshop row's lock
// (taken by the one statement that numbers the arrival, takes the seat and writes the registration).
// Beside the API, a bare Fastify + pg handler (baseline/workshop-register-server.mjs) runs the same
// transaction with the same statements. Targets: exactly 100 confirmed and 400 waitlisted, no error,
// p99 < 500 ms, aula/bare >= 0.6 (registrations per second over the burst: with no error, bare wall time / aula wall time).
//
//   database   aula_bench_<random>, migrated with the project's migrations, dropped at the end
//   data       SQL: one administrator and N people (one argon2id hash, the API's own hasher); the
//              host institution, the region and each round's workshops through the API as the administrator
//   API        dist/server/apps/api/src/main.js under `taskset -c 0`, no worker (the outbox rows wait)
//   baseline   baseline/workshop-register-server.mjs under `taskset -c 0`
//   load       lib/burst-load.mjs under `taskset -c 1`: one connection per person, all sent at once
//              (its requests in a file in the run's folder)
//
// Rounds: a warm-up burst per side, then 1 (quick) or BENCH_PAIRS measured rounds, each the API then
// the baseline, each on a fresh workshop (a new slug, 0 of 100 seats taken). After every burst the
// database must hold exactly the seats and the waiting list in arrival order: arrivals 1..N once each,
// the first 100 confirmed and the rest waitlisted, seats_taken 100, and one outbox event per registration
// of its status. Anything else counts as errors.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { runPinned, ROOT } from './procs.mjs';
import {
  connectDb,
  LOAD_CORE,
  median,
  passwordHash,
  prepareRun,
  requireBuilt,
  round,
  signIn,
  signInAll,
  startApiAndBaseline,
} from './harness.mjs';

const require = createRequire(import.meta.url);
const emailOf = (i) => `wr${i}@bench.aula.example`;
const ADMIN = 'wr-admin@bench.aula.example';
const COUNTRIES = ['CO', 'AR', 'CL', 'GT', 'BR', 'VN', 'CN', 'MA', 'NG'];

/**
 * The statements of RegistrationService.register on its short path (a first registration at an
 * open workshop without a country quota), as the built server holds them: those written as text
 * are copied here and checked against the built files (a change there fails the run until this is
 * updated); the workshop read by slug is the ORM's own SELECT, generated with the built entities;
 * the seat statement (SeatAllocator's TAKE_OPEN_SEAT) and the outbox INSERT are named prepared
 * statements, read from the built modules with the names PreparedSql gives them.
 */
async function builtSql(databaseUrl) {
  const { REGISTRATION_COLUMNS } = requireBuilt('libs/server/workshops/src/workshop.views.js');
  const { TAKE_OPEN_SEAT } = requireBuilt('libs/server/workshops/src/seat-allocator.js');
  const source = (file) => fs.readFileSync(resolve(ROOT, 'dist/server/libs/server', file), 'utf8');
  const allocator = source('workshops/src/seat-allocator.js');
  const service = source('workshops/src/registration.service.js');
  const identity = source('identity/src/identity.reader.js');
  const outboxSource = source('outbox/src/outbox.service.js');
  const copied = [
    [service, /em\.findOne\(\w+\.Workshop, \{\s*where: \{\s*slug\s*\}\s*\}\)/],
    [allocator, ` FROM workshop_registrations r\n        WHERE r.workshop_id = $1 AND r.user_id = $2`],
    [identity, 'SELECT id, country FROM users WHERE id = ANY($1::uuid[])'],
    [allocator, ` FROM workshop_registrations r WHERE r.id = $1`],
    [
      outboxSource,
      `INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id, created_at AS "createdAt"`,
    ],
  ];
  for (const [text, piece] of copied)
    if (typeof piece === 'string' ? !text.includes(piece) : !piece.test(text))
      throw new Error(
        `the built server no longer runs ${typeof piece === 'string' ? JSON.stringify(piece) : piece} (libs/server/workshops/src/seat-allocator.ts, registration.service.ts, identity.reader.ts, outbox.service.ts): update tools/bench/lib/workshop-register.mjs`,
      );
  const outbox = copied.at(-1)[1];

  // RegistrationService.registerOpen: em.findOne(Workshop, { where: { slug } }), no lock.
  const { DataSource } = require(resolve(ROOT, 'node_modules/typeorm'));
  const { dataSourceOptions } = requireBuilt('libs/server/database/src/data-source-options.js');
  const { ALL_ENTITIES } = requireBuilt('tools/db/entities.js');
  const { Workshop } = requireBuilt('libs/server/workshops/src/workshop.entity.js');
  const ds = await new DataSource({
    ...dataSourceOptions(databaseUrl, 1),
    entities: ALL_ENTITIES,
  }).initialize();
  let workshopBySlug;
  let workshopColumns;
  try {
    const metadata = ds.getMetadata(Workshop);
    [workshopBySlug] = ds.manager
      .createQueryBuilder(Workshop, metadata.name)
      .setFindOptions({ where: { slug: 'slug' }, take: 1 })
      .getQueryAndParameters();
    // How the ORM names each column in that SELECT, so the baseline hydrates the same fields.
    workshopColumns = Object.fromEntries(
      metadata.columns.map((c) => [c.propertyName, `${metadata.name}_${c.databaseName}`]),
    );
  } finally {
    await ds.destroy();
  }
  return {
    workshopBySlug,
    workshopColumns,
    readOf: `SELECT ${REGISTRATION_COLUMNS}${copied[1][1]}`,
    countries: copied[2][1],
    takeSeat: TAKE_OPEN_SEAT.text,
    takeSeatName: TAKE_OPEN_SEAT.name,
    read: `SELECT ${REGISTRATION_COLUMNS}${copied[3][1]}`,
    outbox,
    // PreparedSql's name: aula_ and the first 24 hex digits of the text's SHA-256.
    outboxName: `aula_${createHash('sha256').update(outbox).digest('hex').slice(0, 24)}`,
  };
}

async function seedPeople(db, people, hash) {
  await db.query(
    `INSERT INTO users (id, email, display_name, password_hash, roles, locale, time_zone, country, search_text)
     VALUES (md5('wr-admin')::uuid, $1, 'Administradora', $2, '{admin}', 'es', 'America/Santiago', 'CL', 'administradora')`,
    [ADMIN, hash],
  );
  await db.query(
    `INSERT INTO users (id, email, display_name, password_hash, roles, locale, time_zone, country, search_text)
     SELECT md5('wr-user-' || i)::uuid, 'wr' || i || '@bench.aula.example', 'Participante ' || i, $1, '{trainee}',
            (ARRAY['es','pt','en'])[1 + i % 3]::user_locale, 'America/Bogota', ($3::text[])[1 + i % cardinality($3::text[])],
            'participante ' || i
       FROM generate_series(1, $2::int) i`,
    [hash, people, COUNTRIES],
  );
}

export async function runWorkshopRegister(scenarios, settings) {
  const { log } = settings;
  const people = settings.workshopPeople;
  const seats = settings.workshopSeats;
  const rounds = settings.quick ? 1 : settings.pairs;
  const prepared = await prepareRun(log);

  const sqlFile = resolve(prepared.workDir, 'workshop-register-sql.json');
  fs.writeFileSync(sqlFile, JSON.stringify(await builtSql(prepared.databaseUrl)));

  const db = await connectDb(prepared.databaseUrl);
  await seedPeople(db, people, await passwordHash());
  await db.query('VACUUM (ANALYZE)');
  log(`  seeded ${people} people and an administrator`);

  const servers = await startApiAndBaseline(
    prepared,
    'workshop-register',
    {
      script: 'tools/bench/baseline/workshop-register-server.mjs',
      sqlFile,
      name: 'the bare workshop-register baseline',
    },
    log,
  );
  const { api, apiPort, bare, barePort } = servers;
  const call = async (method, path, token, body, port = apiPort) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
  const expect = (res, status, what) => {
    if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.json)}`);
    return res.json;
  };

  const admin = (await signIn(apiPort, ADMIN)).accessToken;
  const region = expect(
    await call('POST', '/api/admin/directory/regions', admin, {
      slug: 'biobio',
      name: { es: 'Región del Biobío', en: 'Biobío Region' },
      country: 'CL',
      subdivision: 'CL-BI',
      worldRegion: 'latin-america-caribbean',
      status: 'participating',
    }),
    201,
    'create region',
  );
  const host = expect(
    await call('POST', '/api/admin/directory/institutions', admin, {
      names: [{ value: 'Gobierno Regional del Biobío', lang: 'es', type: 'official' }],
      kind: 'government',
      country: 'CL',
    }),
    201,
    'create institution',
  );
  const start = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 62 * 86_400_000).toISOString().slice(0, 10);
  let made = 0;
  /** A fresh published workshop: open mode, `capacity` seats, no country quota. */
  const freshWorkshop = async (capacity) => {
    made += 1;
    const created = expect(
      await call('POST', '/api/organiser/workshops', admin, {
        slug: `intercambio-${prepared.runId}-${made}`,
        kind: 'interregional',
        defaultLocale: 'es',
        title: { es: `Intercambio de experiencias ${made}`, en: `Exchanging experiences ${made}` },
        hostInstitutionId: host.id,
        hostRegionId: region.id,
        participatingRegionIds: [region.id],
        format: 'hybrid',
        venue: { address: 'Víctor Lamas 1290', city: 'Concepción', country: 'CL' },
        onlineUrl: 'https://meet.bench.aula.example/intercambio',
        timeZone: 'America/Santiago',
        startDate: start,
        endDate: end,
        expectedHours: 14,
        capacity,
        registrationMode: 'open',
      }),
      201,
      'create workshop',
    );
    expect(
      await call('POST', `/api/organiser/workshops/${created.id}/status`, admin, { to: 'published' }),
      200,
      'publish workshop',
    );
    return created;
  };

  const t = Date.now();
  const tokens = await signInAll(
    apiPort,
    Array.from({ length: people }, (_, i) => emailOf(i + 1)),
  );
  log(`  ${people} people signed in in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const body = { motivation: 'Quiero comparar cómo planifican y financian otras regiones.' };

  // Both sides must answer alike: a seat, the waiting list, and a second registration refused.
  const sameShape = async () => {
    const answers = [];
    for (const port of [apiPort, barePort]) {
      const w = await freshWorkshop(1);
      const path = `/api/workshops/${w.slug}/registrations`;
      const first = await call('POST', path, tokens[0], body, port);
      const second = await call('POST', path, tokens[1], body, port);
      const again = await call('POST', path, tokens[0], body, port);
      const strip = ({
        id: _id,
        workshopId: _workshopId,
        createdAt: _createdAt,
        updatedAt: _updatedAt,
        ...rest
      }) => rest;
      if (first.status !== 201 || second.status !== 201 || again.status !== 409)
        throw new Error(
          `:${port} answered ${first.status}, ${second.status}, ${again.status} (expected 201, 201, 409)`,
        );
      answers.push([strip(first.json), strip(second.json), strip(again.json.registration ?? {})]);
    }
    const [aula, bareAnswer] = answers.map((a) => JSON.stringify(a));
    if (aula !== bareAnswer)
      throw new Error(
        `the bare baseline does not answer as the API does.\n  API:  ${aula}\n  bare: ${bareAnswer}`,
      );
    if (
      answers[0][0].status !== 'confirmed' ||
      answers[0][1].status !== 'waitlisted' ||
      answers[0][1].waitlistPosition !== 1
    )
      throw new Error(`unexpected registrations: ${aula}`);
  };
  await sameShape();
  log('  both sides answer alike (a seat, the waiting list, a second registration refused)');

  const sides = {
    aula: { port: apiPort, pid: api.pid, applicationName: 'aula' },
    bare: { port: barePort, pid: bare.pid, applicationName: 'aula-bench-bare' },
  };
  const burst = async (side, label) => {
    const workshop = await freshWorkshop(seats);
    const path = `/api/workshops/${workshop.slug}/registrations`;
    const { rows: backends } = await db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [sides[side].applicationName],
    );
    const cpu = { server: [sides[side].pid], postgres: backends.map((b) => b.pid) };
    const burstFile = resolve(prepared.workDir, 'burst.json');
    fs.writeFileSync(
      burstFile,
      JSON.stringify({
        port: sides[side].port,
        method: 'POST',
        expect: 201,
        body,
        requests: tokens.map((token) => ({ path, token })),
        cpu,
      }),
    );
    const out = await runPinned(LOAD_CORE, ['tools/bench/lib/burst-load.mjs', burstFile]);
    const result = JSON.parse(out.trim().split('\n').at(-1));
    // What the organiser would see: seats and the waiting list in arrival order, each announced once.
    const {
      rows: [check],
    } = await db.query(
      `SELECT count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
              count(*)::int AS registrations,
              count(DISTINCT r.arrival)::int AS arrivals,
              coalesce(max(r.arrival), 0)::int AS "lastArrival",
              count(*) FILTER (WHERE r.status = 'confirmed' AND r.arrival > $2)::int AS "confirmedOutOfOrder",
              (SELECT seats_taken FROM workshops WHERE id = $1) AS "seatsTaken",
              (SELECT count(*)::int FROM outbox_events e WHERE e.payload->>'workshopId' = $1::text
                 AND e.type IN ('workshop-registration.confirmed', 'workshop-registration.waitlisted')) AS events
         FROM workshop_registrations r WHERE r.workshop_id = $1`,
      [workshop.id, seats],
    );
    const expectedConfirmed = Math.min(seats, result.ok);
    const wrong =
      Math.abs(check.confirmed - expectedConfirmed) +
      Math.abs(check.waitlisted - (result.ok - expectedConfirmed)) +
      Math.abs(check.registrations - result.ok) +
      (check.arrivals !== check.registrations || check.lastArrival !== check.registrations ? 1 : 0) +
      check.confirmedOutOfOrder +
      Math.abs(check.seatsTaken - check.confirmed) +
      Math.abs(check.events - check.registrations);
    Object.assign(result, {
      confirmed: check.confirmed,
      waitlisted: check.waitlisted,
      consistency_errors: wrong,
    });
    result.errors += wrong;
    log(
      `  ${label} ${side}: ${result.ok}/${result.requests} registered, ${check.confirmed} confirmed, ${check.waitlisted} waitlisted, ${result.errors} errors; p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, all answered in ${result.wall_ms} ms (CPU: server ${result.cpu_ms.server} ms, PostgreSQL ${result.cpu_ms.postgres} ms)`,
    );
    return result;
  };

  const warmup = { aula: await burst('aula', 'warm-up'), bare: await burst('bare', 'warm-up') };
  const measured = [];
  for (let i = 1; i <= rounds; i++) {
    const aula = await burst('aula', `round ${i}`);
    const bareResult = await burst('bare', `round ${i}`);
    // Registrations per second over the burst (those answered 201; with no error, bare wall time / aula wall time).
    measured.push({
      aula,
      bare: bareResult,
      ratio: aula.ok / aula.wall_ms / (bareResult.ok / bareResult.wall_ms),
    });
  }

  const scenario = scenarios[0];
  const med = (side, get) => round(median(measured.map((m) => get(m[side]))));
  const aulaWall = med('aula', (r) => r.wall_ms);
  const bareWall = med('bare', (r) => r.wall_ms);
  const ratio = round(median(measured.map((m) => m.ratio)), 3);
  const figures = {
    confirmed: Math.min(...measured.map((m) => m.aula.confirmed)),
    confirmed_max: Math.max(...measured.map((m) => m.aula.confirmed)),
    waitlisted: Math.min(...measured.map((m) => m.aula.waitlisted)),
    waitlisted_max: Math.max(...measured.map((m) => m.aula.waitlisted)),
    errors: warmup.aula.errors + measured.reduce((sum, m) => sum + m.aula.errors, 0),
    p99_ms: med('aula', (r) => r.p99_ms),
    p95_ms: med('aula', (r) => r.p95_ms),
    p50_ms: med('aula', (r) => r.p50_ms),
    max_ms: round(Math.max(...measured.map((m) => m.aula.max_ms))),
    aula_wall_ms: aulaWall,
    bare_wall_ms: bareWall,
    aula_registrations_per_s: med('aula', (r) => r.ok / (r.wall_ms / 1000)),
    bare_registrations_per_s: med('bare', (r) => r.ok / (r.wall_ms / 1000)),
    bare_errors: warmup.bare.errors + measured.reduce((sum, m) => sum + m.bare.errors, 0),
    bare_p99_ms: med('bare', (r) => r.p99_ms),
    aula_cpu_ms_per_registration: med('aula', (r) => r.cpu_ms.server / people),
    bare_cpu_ms_per_registration: med('bare', (r) => r.cpu_ms.server / people),
    aula_pg_cpu_ms_per_registration: med('aula', (r) => r.cpu_ms.postgres / people),
    bare_pg_cpu_ms_per_registration: med('bare', (r) => r.cpu_ms.postgres / people),
    warmup_p99_ms: warmup.aula.p99_ms,
    people,
    seats,
    rounds,
    load_avg_1m: settings.loadAvg,
  };
  const rows = [
    [
      'round',
      'side',
      'registered',
      'confirmed',
      'waitlisted',
      'errors',
      'statuses',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'all answered ms',
      'per s',
    ],
  ];
  const push = (label, side, r) =>
    rows.push([
      label,
      side,
      r.ok,
      r.confirmed,
      r.waitlisted,
      r.errors,
      JSON.stringify(r.statuses),
      r.p50_ms,
      r.p95_ms,
      r.p99_ms,
      r.wall_ms,
      round(r.ok / (r.wall_ms / 1000)),
    ]);
  push('warm-up', 'aula', warmup.aula);
  push('warm-up', 'bare', warmup.bare);
  for (const [i, m] of measured.entries()) {
    push(i + 1, 'aula', m.aula);
    push(i + 1, 'bare', m.bare);
  }
  const exact = measured.every((m) => m.aula.confirmed === seats && m.aula.waitlisted === people - seats);
  return [
    {
      notes:
        settings.loadAvg > 1
          ? [`NOISY   load average ${settings.loadAvg} at the start: something else was running`]
          : [],
      json: { scenario: scenario.name, figures, ratios: { 'aula/bare': ratio } },
      title: `${scenario.name}: ${scenario.description}`,
      method: `${people} registrations at once per burst for ${seats} seats, a fresh workshop each; a warm-up burst per side, then ${rounds} measured round(s) A B; aula/bare is registrations per second over the burst (answered 201 / first request to last answer; with no error, bare wall time / aula wall time), median over the rounds`,
      rows,
      targets: [
        {
          what: `exactly ${seats} confirmed and ${people - seats} waitlisted in every round`,
          ok: exact,
          value: `${figures.confirmed}–${figures.confirmed_max} / ${figures.waitlisted}–${figures.waitlisted_max}`,
        },
        { what: 'no errors', ok: figures.errors === 0, value: figures.errors },
        { what: 'p99 < 500 ms', ok: figures.p99_ms < 500, value: `${figures.p99_ms} ms` },
        { what: 'aula/bare >= 0.6', ok: ratio >= 0.6, value: ratio },
      ],
    },
  ];
}
