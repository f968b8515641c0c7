import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@aula/server/database';
import { isRor } from '@aula/server/directory';
import { DEMO_PEOPLE, seedDemoData } from './demo-seed';
import { DEMO_INSTITUTIONS, DEMO_MEMBERS, DEMO_PROPOSALS, DEMO_REGIONS } from './demo-directory';
import { DEMO_WORKSHOPS } from './demo-workshops';

/** What the seed leaves behind, counted, with the latest change of each directory table. */
const SNAPSHOT = `SELECT
  (SELECT count(*) FROM users)::int AS users,
  (SELECT count(*) FROM regions)::int AS regions,
  (SELECT count(*) FROM institutions)::int AS institutions,
  (SELECT count(*) FROM institution_relationships)::int AS relationships,
  (SELECT count(*) FROM memberships)::int AS memberships,
  (SELECT count(*) FROM network_profiles)::int AS profiles,
  (SELECT count(*) FROM free_text_values)::int AS "freeText",
  (SELECT count(*) FROM courses)::int AS courses,
  (SELECT max(updated_at) FROM regions) AS "regionsChanged",
  (SELECT max(updated_at) FROM institutions) AS "institutionsChanged",
  (SELECT max(updated_at) FROM network_profiles) AS "profilesChanged",
  (SELECT count(*) FROM workshops)::int AS workshops,
  (SELECT count(*) FROM workshop_sessions)::int AS sessions,
  (SELECT count(*) FROM workshop_organisers)::int AS organisers,
  (SELECT count(*) FROM workshop_registrations)::int AS registrations,
  (SELECT count(*) FROM outbox_events WHERE type LIKE 'workshop%')::int AS "workshopEvents",
  (SELECT max(updated_at) FROM workshops) AS "workshopsChanged",
  (SELECT max(updated_at) FROM workshop_registrations) AS "registrationsChanged"`;

/**
 * The demo seed on a database of its own (the other specs share theirs, and demo people and
 * records there would change what they count): run twice, the second run adds nothing.
 */
describe('demo data', () => {
  let url: string;
  let db: DataSource;
  let dataDir: string;
  const saved = { ...process.env };
  const logged: string[] = [];

  const seed = async () => {
    logged.length = 0;
    const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      logged.push(args.join(' '));
    });
    try {
      await seedDemoData();
    } finally {
      spy.mockRestore();
    }
  };

  beforeAll(async () => {
    const services = await import('../scripts/services/index.mjs');
    const scratch = new URL(process.env['DATABASE_URL'] as string);
    scratch.pathname = `/aula_seed_${randomBytes(4).toString('hex')}`;
    url = scratch.toString();
    await services.createDatabase(url);
    db = await new DataSource(dataSourceOptions(url, 2)).initialize();
    await db.runMigrations({ transaction: 'each' });
    dataDir = await mkdtemp(join(tmpdir(), 'aula-seed-'));
    Object.assign(process.env, { DATABASE_URL: url, DATA_DIR: dataDir });
  }, 60_000);

  afterAll(async () => {
    process.env = saved;
    await db?.destroy();
    const services = await import('../scripts/services/index.mjs');
    if (url) await services.dropDatabase(url);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the regions, institutions, memberships, profiles and workshops, and adds nothing the second time', async () => {
    await seed();
    expect(logged).toContain(
      `Demo data: ${DEMO_REGIONS.length} regions, ${DEMO_INSTITUTIONS.length} institutions, 3 memberships, ` +
        `10 network profiles and 2 proposed institutions added ` +
        `(${DEMO_REGIONS.length} regions and ${DEMO_INSTITUTIONS.length} institutions in the demo).`,
    );

    const regions = (await db.query(
      `SELECT slug, status, subdivision, public, latitude IS NOT NULL AS located, joined_on IS NOT NULL AS joined, name FROM regions ORDER BY slug`,
    )) as {
      slug: string;
      status: string;
      subdivision: string | null;
      public: boolean;
      located: boolean;
      joined: boolean;
      name: Record<string, string>;
    }[];
    expect(regions.map((r) => r.slug)).toEqual(DEMO_REGIONS.map((r) => r.slug).sort());
    const byStatus = (status: string) =>
      regions
        .filter((r) => r.status === status)
        .map((r) => r.slug)
        .sort();
    expect(byStatus('participating')).toEqual([
      'biobio',
      'bogota-cundinamarca',
      'cordoba',
      'minas-gerais',
      'quetzaltenango',
    ]);
    expect(byStatus('partner')).toEqual(['enugu', 'mekong-delta', 'souss-massa', 'yunnan']);
    expect(byStatus('observer')).toEqual(['kerala', 'valparaiso']);
    for (const r of regions) {
      expect(r).toMatchObject({ public: true, located: true, joined: true });
      expect(Object.keys(r.name).sort()).toEqual(['en', 'es', 'pt']);
    }

    const institutions = (await db.query(
      `SELECT primary_name AS name, status, ror, proposed_by IS NOT NULL AS proposed FROM institutions`,
    )) as { name: string; status: string; ror: string | null; proposed: boolean }[];
    expect(institutions.filter((i) => i.status === 'active')).toHaveLength(DEMO_INSTITUTIONS.length);
    expect(
      institutions
        .filter((i) => i.status === 'pending')
        .map((i) => [i.name, i.proposed])
        .sort(),
    ).toEqual(DEMO_PROPOSALS.map((p) => [p.name, true]).sort());
    const rors = institutions.flatMap((i) => (i.ror ? [i.ror] : []));
    expect(rors.length).toBeGreaterThanOrEqual(2);
    expect(rors.every(isRor)).toBe(true);
    const [{ parents }] = (await db.query(
      `SELECT count(*)::int AS parents FROM institution_relationships WHERE type = 'parent'`,
    )) as { parents: number }[];
    expect(parents).toBe(DEMO_INSTITUTIONS.filter((i) => i.parent).length);

    // Every demo person at their institution, with the position the demo gives them.
    const members = (await db.query(
      `SELECT u.email, i.primary_name AS institution, m.position FROM memberships m
         JOIN users u ON u.id = m.user_id JOIN institutions i ON i.id = m.institution_id WHERE i.status = 'active'`,
    )) as { email: string; institution: string; position: string }[];
    expect(members.map((m) => [m.email, m.institution, m.position]).sort()).toEqual(
      DEMO_PEOPLE.map((p) => [p.email, p.organisation, DEMO_MEMBERS[p.email.split('@')[0]].position]).sort(),
    );

    // About half published, each showing the person's institution and region; the others not.
    const profiles = (await db.query(
      `SELECT u.email, p.published, p.bio, p.topics, p.institution_id = m.institution_id AS "showsInstitution", r.slug AS region
         FROM network_profiles p JOIN users u ON u.id = p.user_id
         LEFT JOIN memberships m ON m.user_id = p.user_id AND m.institution_id = p.institution_id
         LEFT JOIN regions r ON r.id = p.region_id`,
    )) as {
      email: string;
      published: boolean;
      bio: string | null;
      topics: string[];
      showsInstitution: boolean | null;
      region: string | null;
    }[];
    expect(profiles).toHaveLength(DEMO_PEOPLE.length);
    const published = profiles.filter((p) => p.published);
    expect(published.map((p) => p.email).sort()).toEqual(
      Object.entries(DEMO_MEMBERS)
        .filter(([, m]) => m.profile?.published)
        .map(([local]) => `${local}@aula.example`)
        .sort(),
    );
    expect(published.length / DEMO_PEOPLE.length).toBeGreaterThan(0.4);
    expect(published.length / DEMO_PEOPLE.length).toBeLessThan(0.65);
    for (const p of published) expect(p).toMatchObject({ showsInstitution: true, bio: expect.any(String) });
    // Every person is placed in their region, published or not.
    expect(profiles.every((p) => p.region !== null)).toBe(true);

    // What people typed that names a record found its home; the rest waits for an administrator.
    const open = (await db.query(
      `SELECT field, value FROM free_text_values WHERE status = 'open' ORDER BY field, value`,
    )) as { field: string; value: string }[];
    expect(open).toEqual(
      DEMO_PEOPLE.flatMap((p) =>
        (['organisation', 'region'] as const).flatMap((field) =>
          p.typed?.[field] ? [{ field, value: p.typed[field] }] : [],
        ),
      ).sort((a, b) => a.field.localeCompare(b.field) || a.value.localeCompare(b.value)),
    );
    expect(open.length).toBeGreaterThanOrEqual(3);
    const [{ matched }] = (await db.query(
      `SELECT count(*)::int AS matched FROM free_text_values WHERE status = 'matched'`,
    )) as { matched: number }[];
    expect(matched).toBe(DEMO_PEOPLE.length * 2 - open.length);

    // The workshops: statuses, agenda, seats and the events the registrations wrote.
    const workshops = (await db.query(
      `SELECT w.slug, w.kind, w.status, w.format, w.registration_mode AS mode, w.seats_taken AS "seatsTaken",
              w.start_date::text AS "startDate", w.title, h.slug AS "hostRegion", i.primary_name AS host,
              (SELECT count(*)::int FROM workshop_sessions s WHERE s.workshop_id = w.id) AS sessions,
              (SELECT array_agg(r.slug ORDER BY r.slug) FROM regions r WHERE r.id = ANY(w.participating_region_ids)) AS regions
         FROM workshops w JOIN regions h ON h.id = w.host_region_id JOIN institutions i ON i.id = w.host_institution_id`,
    )) as {
      slug: string;
      kind: string;
      status: string;
      format: string;
      mode: string;
      seatsTaken: number;
      startDate: string;
      title: Record<string, string>;
      hostRegion: string;
      host: string;
      sessions: number;
      regions: string[];
    }[];
    expect(workshops.map((w) => w.slug).sort()).toEqual(DEMO_WORKSHOPS.map((w) => w.input.slug).sort());
    const today = new Date().toISOString().slice(0, 10);
    const bySlug = new Map(workshops.map((w) => [w.slug, w]));
    for (const w of workshops) expect(Object.keys(w.title).sort()).toEqual(['en', 'es', 'pt']);
    const exchange = bySlug.get('regional-development-planning-exchange');
    expect(exchange).toMatchObject({
      kind: 'interregional',
      status: 'published',
      format: 'hybrid',
      mode: 'application',
      host: 'Instituto Latinoamericano y del Caribe de Planificación Económica y Social',
      seatsTaken: 8,
    });
    expect(exchange?.regions).toEqual(expect.arrayContaining(byStatus('participating')));
    expect(exchange?.regions).toEqual(expect.arrayContaining(byStatus('partner')));
    expect(exchange?.sessions).toBeGreaterThanOrEqual(3);
    expect((exchange?.startDate ?? '') > today).toBe(true);
    expect(bySlug.get('quetzaltenango-municipal-planning')).toMatchObject({
      kind: 'region-specific',
      status: 'published',
      format: 'in-person',
      mode: 'open',
      regions: ['quetzaltenango'],
      hostRegion: 'quetzaltenango',
    });
    const past = bySlug.get('minas-gerais-regionalised-budget');
    expect(past).toMatchObject({ kind: 'region-specific', status: 'held', seatsTaken: 2 });
    expect((past?.startDate ?? today) < today).toBe(true);

    // Every registration as the demo means it, in arrival order, and each status change announced.
    const registrations = (await db.query(
      `SELECT w.slug, split_part(u.email, '@', 1) AS person, r.status, r.arrival
         FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id JOIN users u ON u.id = r.user_id
        ORDER BY w.slug, r.arrival`,
    )) as { slug: string; person: string; status: string; arrival: number }[];
    expect(registrations.map((r) => [r.slug, r.person, r.status])).toEqual(
      DEMO_WORKSHOPS.map((w) => w.input.slug)
        .sort()
        .flatMap((slug) =>
          (DEMO_WORKSHOPS.find((w) => w.input.slug === slug)?.registrations ?? []).map((r) => [slug, r.person, r.expect]),
        ),
    );
    const statuses = registrations.filter((r) => r.slug === exchange?.slug).map((r) => r.status);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(1);
    const events = (await db.query(
      `SELECT type, count(*)::int AS n FROM outbox_events WHERE type LIKE 'workshop-registration.%' GROUP BY type ORDER BY type`,
    )) as { type: string; n: number }[];
    const count = (status: string) => registrations.filter((r) => r.status === status).length;
    expect(events).toEqual([
      { type: 'workshop-registration.confirmed', n: count('confirmed') },
      // Every application was received first; the open workshops confirm at once.
      { type: 'workshop-registration.received', n: statuses.length },
      { type: 'workshop-registration.waitlisted', n: count('waitlisted') },
    ]);
    const grants = (await db.query(
      `SELECT w.slug, u.email FROM workshop_organisers o JOIN workshops w ON w.id = o.workshop_id JOIN users u ON u.id = o.user_id`,
    )) as { slug: string; email: string }[];
    expect(grants).toEqual([{ slug: exchange?.slug, email: 'lucia.fernandez@aula.example' }]);

    const before = (await db.query(SNAPSHOT)) as unknown[];
    await seed();
    expect(logged).toEqual(
      expect.arrayContaining([
        `Demo data: 0 people added, ${DEMO_PEOPLE.length} already there.`,
        `Demo data: 0 regions, 0 institutions, 0 memberships, 0 network profiles and 0 proposed institutions added ` +
          `(${DEMO_REGIONS.length} regions and ${DEMO_INSTITUTIONS.length} institutions in the demo).`,
        `Demo data: 0 workshops with 0 sessions and 0 registrations added (${DEMO_WORKSHOPS.length} workshops in the demo).`,
      ]),
    );
    expect(await db.query(SNAPSHOT)).toEqual(before);
  }, 120_000);
});
