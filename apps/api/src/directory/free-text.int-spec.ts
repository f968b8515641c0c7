import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  directoryApi,
  identityApi,
  routeUrl,
  type FreeTextMatchReport,
  type FreeTextValueView,
  type InstitutionView,
  type MembershipView,
  type MyNetworkProfile,
  type Page,
  type UserView,
} from '@aula/contracts';
import { dataSourceOptions, MIGRATIONS } from '@aula/server/database';
import { searchTextOf } from '@aula/server/directory';
import { startTestApp, uniqueEmail, type TestApp } from '../testing/test-app';
import {
  caller,
  createInstitution,
  createRegion,
  fieldsOf,
  signInAdmin,
  uniqueWord,
} from './testing/directory-fixtures';

type Caller = ReturnType<typeof caller>;

const DIRECTORY_MIGRATION = 1764600000000;
const timestampOf = (migration: { name: string }): number => Number(/(\d{13})$/.exec(migration.name)?.[1]);

interface ValueRow {
  userId: string;
  field: string;
  value: string;
  key: string;
  status: string;
  institutionId: string | null;
  regionId: string | null;
}

const valuesOf = async (db: DataSource, userIds: string[]): Promise<ValueRow[]> =>
  (await db.query(
    `SELECT user_id AS "userId", field, value, key, status, institution_id AS "institutionId", region_id AS "regionId"
       FROM free_text_values WHERE user_id = ANY($1::uuid[]) ORDER BY field, value`,
    [userIds],
  )) as ValueRow[];

const membershipsOf = async (admin: Caller, userId: string): Promise<MembershipView[]> => {
  const res = await admin('GET', routeUrl(directoryApi.userMemberships, { id: userId }));
  if (res.statusCode !== 200) throw new Error(`memberships: ${res.statusCode} ${res.body}`);
  return res.json();
};

const groups = async (admin: Caller, query: Record<string, string> = {}): Promise<FreeTextValueView[]> => {
  const items: FreeTextValueView[] = [];
  for (let cursor: string | null = null; ;) {
    const res = await admin(
      'GET',
      routeUrl(directoryApi.freeText, { limit: '100', ...query, ...(cursor ? { cursor } : {}) }),
    );
    if (res.statusCode !== 200) throw new Error(`free text: ${res.statusCode} ${res.body}`);
    const page = res.json() as Page<FreeTextValueView>;
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
};

describe('moving off free text: what people typed as organisation and region', () => {
  describe('the copy made by the migration, on messy data from before the directory', () => {
    let url: string;
    let t: TestApp;
    let admin: Caller;
    const people: Record<string, string> = {};

    /**
     * A database of its own, migrated to just before the directory, with people as older
     * versions of Aula stored them; then the directory's migration and the API on it.
     */
    beforeAll(async () => {
      const main = new DataSource(dataSourceOptions(process.env['DATABASE_URL'] as string, 1));
      await main.initialize();
      const name = `aula_free_text_${uniqueWord()}`;
      await main.query(`CREATE DATABASE ${name}`);
      await main.destroy();
      const target = new URL(process.env['DATABASE_URL'] as string);
      target.pathname = `/${name}`;
      url = target.toString();

      const before = new DataSource({
        ...dataSourceOptions(url, 1),
        migrations: MIGRATIONS.filter((m) => timestampOf(m) < DIRECTORY_MIGRATION),
      });
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      const typed: [string, string, string | null, string | null][] = [
        // label, country, organisation, region
        ['gob1', 'CO', 'Gobernación de Antioquia', 'Antioquia'],
        ['gob2', 'CO', 'gobernacion de antioquia', 'antioquia'],
        ['gob3', 'CO', '  GOBERNACIÓN   DE ANTIOQUIA ', 'ANTIOQUIA'],
        ['dnp1', 'CO', 'DNP', 'Bogotá'],
        ['dnp2', 'CO', 'Departamento Nacional de Planeación', 'bogota'],
        ['dnpAr', 'AR', 'DNP', 'Córdoba'],
        ['unal1', 'CO', 'Universidad Nacional', 'Narino'],
        ['unal2', 'CO', 'universidad nacional', null],
        ['empty', 'CL', '   ', ''],
        ['none', 'GT', null, null],
      ];
      for (const [label, country, organisation, region] of typed) {
        const email = uniqueEmail(`legacy-${label}`);
        const [row] = (await before.query(
          `INSERT INTO users (email, display_name, password_hash, country, organisation, region, search_text)
           VALUES ($1, $2, 'x', $3, $4, $5, $6) RETURNING id`,
          [email, `Legacy ${label}`, country, organisation, region, `legacy ${label}`],
        )) as { id: string }[];
        people[label] = row.id;
      }
      await before.destroy();

      const after = new DataSource(dataSourceOptions(url, 1));
      await after.initialize();
      await after.runMigrations({ transaction: 'each' });
      await after.destroy();

      t = await startTestApp({ DATABASE_URL: url });
      admin = caller(t, await signInAdmin(t));
    });
    afterAll(async () => {
      await t?.close();
      const name = new URL(url).pathname.slice(1);
      const cleanup = new DataSource(dataSourceOptions(process.env['DATABASE_URL'] as string, 1));
      await cleanup.initialize();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.destroy();
    });

    const db = () => t.app.get(DataSource);

    it('keeps every value as typed, spacing tidied, grouped by a key that folds accents and case', async () => {
      const rows = await valuesOf(db(), Object.values(people));
      const of = (label: string, field: string) =>
        rows.find((r) => r.userId === people[label] && r.field === field);
      expect(of('gob1', 'organisation')).toMatchObject({ value: 'Gobernación de Antioquia', status: 'open' });
      expect(of('gob3', 'organisation')?.value).toBe('GOBERNACIÓN DE ANTIOQUIA');
      const keys = new Set(['gob1', 'gob2', 'gob3'].map((p) => of(p, 'organisation')?.key));
      expect([...keys]).toEqual(['gobernacion de antioquia']);
      expect(of('dnp2', 'region')?.key).toBe(of('dnp1', 'region')?.key);
      // Blank text has nothing to keep; a person who typed nothing has no value.
      expect(rows.filter((r) => r.userId === people['empty'] || r.userId === people['none'])).toEqual([]);
      // The columns the values came from are left as they were.
      const [legacy] = (await db().query(`SELECT organisation FROM users WHERE id = $1`, [
        people['gob3'],
      ])) as {
        organisation: string;
      }[];
      expect(legacy.organisation).toBe('  GOBERNACIÓN   DE ANTIOQUIA ');
    });

    it('matches a value to the one institution or region it names, in the person’s country, and leaves the ambiguous open', async () => {
      const antioquiaRegion = await createRegion(admin, {
        slug: 'antioquia',
        name: { es: 'Antioquia', en: 'Antioquia', pt: 'Antioquia' },
      });
      await createRegion(admin, {
        slug: 'narino',
        name: { es: 'Nariño', en: 'Nariño', pt: 'Nariño' },
        subdivision: 'CO-NAR',
      });
      // Created through the API: the values it names are matched at once.
      const gobernacion = await createInstitution(admin, 'Gobernación de Antioquia', {
        regionId: antioquiaRegion.id,
      });
      expect((await membershipsOf(admin, people['gob3'])).map((m) => m.institution.id)).toEqual([
        gobernacion.id,
      ]);
      // Loaded in bulk, behind the API's back (as a large import by SQL would): found by "match now".
      const bulk = async (names: { value: string; lang: string | null; type: string }[], kind: string) => {
        const [{ id }] = (await db().query(
          `INSERT INTO institutions (names, primary_name, acronym, kind, country, search_text)
           VALUES ($1, $2, $3, $4, 'CO', $5) RETURNING id`,
          [
            JSON.stringify(names),
            names[0].value,
            names.find((n) => n.type === 'acronym')?.value ?? null,
            kind,
            searchTextOf(names.map((n) => n.value)),
          ],
        )) as { id: string }[];
        return id;
      };
      const dnpId = await bulk(
        [
          { value: 'Departamento Nacional de Planeación', lang: 'es', type: 'official' },
          { value: 'DNP', lang: null, type: 'acronym' },
        ],
        'planning-board',
      );
      // Two institutions answer to "Universidad Nacional": nobody is placed at either.
      const unal = await bulk(
        [
          { value: 'Universidad Nacional de Colombia', lang: 'es', type: 'official' },
          { value: 'Universidad Nacional', lang: 'es', type: 'alias' },
          { value: 'UNAL', lang: null, type: 'acronym' },
        ],
        'university',
      );
      const unad = await bulk(
        [
          { value: 'Universidad Nacional Abierta y a Distancia', lang: 'es', type: 'official' },
          { value: 'Universidad Nacional', lang: 'es', type: 'alias' },
          { value: 'UNAD', lang: null, type: 'acronym' },
        ],
        'university',
      );
      expect(await membershipsOf(admin, people['dnp1'])).toEqual([]);

      const res = await admin('POST', routeUrl(directoryApi.matchFreeText));
      expect(res.statusCode).toBe(200);
      const report = res.json() as FreeTextMatchReport;
      // What the records made through the API named was matched as they were made; the rest now:
      // the acronym DNP and the department's full name, typed by people from Colombia.
      expect(report.matched).toBe(2);

      const rows = await valuesOf(db(), Object.values(people));
      const of = (label: string, field: string) =>
        rows.find((r) => r.userId === people[label] && r.field === field);
      for (const p of ['gob1', 'gob2', 'gob3'])
        expect(of(p, 'organisation')).toMatchObject({ status: 'matched', institutionId: gobernacion.id });
      for (const p of ['dnp1', 'dnp2'])
        expect(of(p, 'organisation')).toMatchObject({ status: 'matched', institutionId: dnpId });
      expect((await membershipsOf(admin, people['dnp2'])).map((m) => m.institution.id)).toEqual([dnpId]);
      // The same acronym from Argentina is not Colombia's planning department.
      expect(of('dnpAr', 'organisation')).toMatchObject({ status: 'open', institutionId: null });
      for (const p of ['unal1', 'unal2']) expect(of(p, 'organisation')?.status).toBe('open');
      expect(await membershipsOf(admin, people['unal1'])).toEqual([]);
      // Regions: "antioquia" in three spellings and "Narino" found their region; Bogotá has none yet.
      for (const p of ['gob1', 'gob2', 'gob3'])
        expect(of(p, 'region')).toMatchObject({ status: 'matched', regionId: antioquiaRegion.id });
      expect(of('unal1', 'region')?.status).toBe('matched');
      expect(of('dnp1', 'region')?.status).toBe('open');
      // The text stays as it was typed, whatever became of it.
      expect(of('gob3', 'organisation')?.value).toBe('GOBERNACIÓN DE ANTIOQUIA');
      expect(report.open).toBe(rows.filter((r) => r.status === 'open').length);

      // The administrator's list: largest groups first, spellings, and the two universities as candidates.
      const open = await groups(admin, { field: 'organisation' });
      const universidad = open.find((g) => g.key === 'universidad nacional');
      expect(universidad).toMatchObject({ people: 2, status: 'open' });
      expect([...(universidad?.spellings ?? [])].sort()).toEqual([
        'Universidad Nacional',
        'universidad nacional',
      ]);
      expect(universidad?.candidates.map((c) => c.id)).toEqual(expect.arrayContaining([unal, unad]));
      const matched = await groups(admin, { field: 'organisation', status: 'matched' });
      expect(matched[0]).toMatchObject({ key: 'gobernacion de antioquia', people: 3 });
      expect(matched[0].spellings).toHaveLength(3);
      expect(matched[0].candidates.map((c) => c.id)).toEqual([gobernacion.id]);
      // A second run finds nothing more.
      expect(
        ((await admin('POST', routeUrl(directoryApi.matchFreeText))).json() as FreeTextMatchReport).matched,
      ).toBe(0);
    });
  });

  describe('on the running platform', () => {
    let t: TestApp;
    let admin: Caller;
    const db = () => t.app.get(DataSource);

    beforeAll(async () => {
      t = await startTestApp();
      admin = caller(t, await signInAdmin(t));
    });
    afterAll(() => t.close());

    const registered = async (overrides: Record<string, unknown>) => {
      const r = await t.register(overrides);
      return {
        id: r.session.user.id,
        user: r.session.user,
        me: caller(t, r.session.accessToken),
        email: r.email,
      };
    };
    const resolve = (body: Record<string, unknown>, who: Caller = admin) =>
      who('POST', routeUrl(directoryApi.resolveFreeText), body);

    it('keeps the organisation and region older clients send as free text, not on the account, and matches them at once', async () => {
      const word = uniqueWord('legacy');
      const known = await createInstitution(admin, `Secretaría de Planeación ${word}`);
      const matchedPerson = await registered({
        country: 'CO',
        organisation: `SECRETARIA DE PLANEACION ${word}`,
      });
      const openPerson = await registered({
        country: 'CO',
        organisation: `Oficina ${word}`,
        region: `Comarca ${word}`,
      });
      // The account does not hold the text any more; UserView keeps its shape.
      expect(openPerson.user).toMatchObject({ organisation: null, region: null });
      const [account] = (await db().query(`SELECT organisation, region FROM users WHERE id = $1`, [
        openPerson.id,
      ])) as {
        organisation: string | null;
        region: string | null;
      }[];
      expect(account).toEqual({ organisation: null, region: null });
      expect(await valuesOf(db(), [openPerson.id])).toEqual([
        expect.objectContaining({ field: 'organisation', value: `Oficina ${word}`, status: 'open' }),
        expect.objectContaining({ field: 'region', value: `Comarca ${word}`, status: 'open' }),
      ]);
      expect((await membershipsOf(admin, matchedPerson.id)).map((m) => m.institution.id)).toEqual([known.id]);
      expect(await valuesOf(db(), [matchedPerson.id])).toEqual([
        expect.objectContaining({
          value: `SECRETARIA DE PLANEACION ${word}`,
          status: 'matched',
          institutionId: known.id,
        }),
      ]);

      // The profile form of older clients: the same.
      const patched = await openPerson.me('PATCH', routeUrl(identityApi.updateMe), {
        organisation: `Secretaría de Planeación ${word}`,
        displayName: 'Still Me',
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ displayName: 'Still Me', organisation: null });
      expect((await membershipsOf(admin, openPerson.id)).map((m) => m.institution.id)).toEqual([known.id]);
      const after = await valuesOf(db(), [openPerson.id]);
      expect(after[0]).toMatchObject({ value: `Secretaría de Planeación ${word}`, status: 'matched' });
      // Clearing a region that has no home withdraws it; the matched organisation stays as the record of it.
      await openPerson.me('PATCH', routeUrl(identityApi.updateMe), { region: null, organisation: null });
      expect((await valuesOf(db(), [openPerson.id])).map((v) => [v.field, v.status])).toEqual([
        ['organisation', 'matched'],
      ]);
    });

    it('registers a person at an institution picked from the directory, at a proposed one, and in a region', async () => {
      const word = uniqueWord('reg');
      const institution = await createInstitution(admin, `Gobernación de Nariño ${word}`);
      const region = await createRegion(admin, { name: { es: `Nariño ${word}` }, subdivision: 'CO-NAR' });
      const picked = await registered({
        country: 'CO',
        institutionId: institution.id,
        position: 'Asesora',
        regionId: region.id,
      });
      const mine = (await picked.me('GET', routeUrl(directoryApi.myMemberships))).json() as MembershipView[];
      expect(mine).toEqual([
        expect.objectContaining({
          position: 'Asesora',
          institution: expect.objectContaining({ id: institution.id }),
        }),
      ]);
      const profile = (await picked.me('GET', routeUrl(directoryApi.myProfile))).json() as MyNetworkProfile;
      expect(profile).toMatchObject({ regionId: region.id, published: false });

      const proposer = await registered({
        country: 'CO',
        proposedInstitution: { name: `Asociación de Municipios ${word}`, country: 'CO' },
      });
      const [membership] = (
        await proposer.me('GET', routeUrl(directoryApi.myMemberships))
      ).json() as MembershipView[];
      expect(membership.institution).toMatchObject({
        displayName: `Asociación de Municipios ${word}`,
        status: 'pending',
      });
      const pending = (
        (
          await admin('GET', routeUrl(directoryApi.adminInstitutions, { status: 'pending', q: word }))
        ).json() as Page<InstitutionView>
      ).items;
      expect(pending.map((i) => i.id)).toEqual([membership.institution.id]);
    });

    it('refuses an unknown institution or region at registration naming the field, and keeps no account', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ institutionId: randomUUID() }, 'institutionId'],
        [{ institutionId: 'not-a-uuid' }, 'institutionId'],
        [{ regionId: randomUUID() }, 'regionId'],
        [{ position: 'Director' }, 'position'],
        [{ proposedInstitution: { name: 'Algo', country: 'XX' } }, 'proposedInstitution.country'],
        [
          { institutionId: randomUUID(), proposedInstitution: { name: 'Algo', country: 'CO' } },
          'institutionId',
        ],
      ];
      for (const [body, field] of cases) {
        const email = uniqueEmail('refused');
        const res = await t.request({
          method: 'POST',
          url: routeUrl(identityApi.register),
          payload: { email, password: 'a-long-enough-password', displayName: 'Nobody', ...body },
        });
        expect([res.statusCode, fieldsOf(res)]).toEqual([400, [field]]);
        const [{ n }] = (await db().query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
          email,
        ])) as {
          n: number;
        }[];
        expect(n).toBe(0);
      }
    });

    it('resolves a group by picking a record, for everyone in it, in one audited step that keeps the text', async () => {
      const word = uniqueWord('pick');
      const a = await registered({ country: 'CO', organisation: `Alcaldia Mayor ${word}` });
      const b = await registered({ country: 'CO', organisation: `ALCALDÍA MAYOR ${word}` });
      const target = await createInstitution(admin, `Alcaldía de Bogotá ${word}`);
      const key = `alcaldia mayor ${word}`;
      const listed = (await groups(admin, { field: 'organisation' })).find((g) => g.key === key);
      expect(listed).toMatchObject({ people: 2, status: 'open' });
      expect(listed?.candidates.map((c) => c.id)).toContain(target.id);

      // Bad targets change nothing.
      expect(fieldsOf(await resolve({ field: 'organisation', key, action: 'pick' }))).toEqual(['targetId']);
      expect(
        fieldsOf(await resolve({ field: 'organisation', key, action: 'pick', targetId: randomUUID() })),
      ).toEqual(['targetId']);
      expect(fieldsOf(await resolve({ field: 'organisation', key, action: 'shrug' }))).toEqual(['action']);
      expect((await valuesOf(db(), [a.id, b.id])).map((v) => v.status)).toEqual(['open', 'open']);
      // Only administrators.
      expect((await resolve({ field: 'organisation', key, action: 'ignore' }, a.me)).statusCode).toBe(403);
      expect((await a.me('GET', routeUrl(directoryApi.freeText))).statusCode).toBe(403);
      expect((await a.me('POST', routeUrl(directoryApi.matchFreeText))).statusCode).toBe(403);

      const res = await resolve({ field: 'organisation', key, action: 'pick', targetId: target.id });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        key,
        people: 2,
        status: 'resolved',
        candidates: [{ id: target.id }],
      });
      for (const p of [a, b])
        expect((await membershipsOf(admin, p.id)).map((m) => m.institution.id)).toEqual([target.id]);
      expect(
        (await valuesOf(db(), [a.id, b.id])).map((v) => [v.value, v.status, v.institutionId]).sort(),
      ).toEqual([
        [`ALCALDÍA MAYOR ${word}`, 'resolved', target.id],
        [`Alcaldia Mayor ${word}`, 'resolved', target.id],
      ]);
      const [audit] = (await db().query(
        `SELECT actor_id AS "actorId", subject_id AS "subjectId", details FROM directory_audit
          WHERE action = 'resolve-free-text' AND details ->> 'key' = $1`,
        [key],
      )) as { actorId: string; subjectId: string; details: { people: number; action: string } }[];
      expect(audit).toMatchObject({ subjectId: target.id, details: { people: 2, action: 'pick' } });
      expect(audit.actorId).toBeTruthy();
      // Nothing waits under that key any more.
      expect((await resolve({ field: 'organisation', key, action: 'ignore' })).statusCode).toBe(404);
      expect((await groups(admin, { field: 'organisation' })).find((g) => g.key === key)).toBeUndefined();
    });

    it('resolves by creating the institution or region the text means, and names a bad new record’s fields', async () => {
      const word = uniqueWord('create');
      const person = await registered({
        country: 'BR',
        organisation: `Consórcio Intermunicipal ${word}`,
        region: `Zona da Mata ${word}`,
      });
      const orgKey = `consorcio intermunicipal ${word}`;
      const bad = await resolve({
        field: 'organisation',
        key: orgKey,
        action: 'create',
        institution: {
          names: [{ value: `Consórcio ${word}`, lang: 'pt', type: 'official' }],
          kind: 'government',
          country: 'XX',
        },
      });
      expect([bad.statusCode, fieldsOf(bad)]).toEqual([400, ['institution.country']]);
      const ror = await resolve({
        field: 'organisation',
        key: orgKey,
        action: 'create',
        institution: {
          names: [{ value: `Consórcio ${word}`, lang: 'pt', type: 'official' }],
          kind: 'government',
          country: 'BR',
          identifiers: { ror: '012345600' },
        },
      });
      expect([ror.statusCode, fieldsOf(ror)]).toEqual([400, ['institution.identifiers.ror']]);
      expect(fieldsOf(await resolve({ field: 'organisation', key: orgKey, action: 'create' }))).toEqual([
        'institution',
      ]);

      const created = await resolve({
        field: 'organisation',
        key: orgKey,
        action: 'create',
        institution: {
          names: [{ value: `Consórcio Intermunicipal ${word}`, lang: 'pt', type: 'official' }],
          kind: 'community-organisation',
          sector: 'community',
          country: 'BR',
        },
      });
      expect(created.statusCode).toBe(200);
      const institutionId = (created.json() as FreeTextValueView).candidates[0].id;
      expect(
        (await admin('GET', routeUrl(directoryApi.adminInstitution, { id: institutionId }))).json(),
      ).toMatchObject({
        status: 'active',
        memberCount: 1,
      });
      expect((await membershipsOf(admin, person.id)).map((m) => m.institution.id)).toEqual([institutionId]);

      const region = await resolve({
        field: 'region',
        key: `zona da mata ${word}`,
        action: 'create',
        region: {
          slug: `zona-da-mata-${word}`,
          name: { pt: `Zona da Mata ${word}`, en: `Zona da Mata ${word}` },
          country: 'BR',
          subdivision: 'BR-MG',
          worldRegion: 'latin-america-caribbean',
          status: 'partner',
        },
      });
      expect(region.statusCode).toBe(200);
      const profile = (await person.me('GET', routeUrl(directoryApi.myProfile))).json() as MyNetworkProfile;
      expect(profile.regionId).toBe((region.json() as FreeTextValueView).candidates[0].id);
      expect((await valuesOf(db(), [person.id])).map((v) => [v.field, v.status, v.value])).toEqual([
        ['organisation', 'resolved', `Consórcio Intermunicipal ${word}`],
        ['region', 'resolved', `Zona da Mata ${word}`],
      ]);
    });

    it('ignores a value, keeps it listed as ignored, and can still give it a home later', async () => {
      const word = uniqueWord('ignore');
      const person = await registered({ country: 'GT', organisation: `n/a ${word}` });
      const key = `n/a ${word}`;
      const ignored = await resolve({ field: 'organisation', key, action: 'ignore' });
      expect(ignored.json()).toMatchObject({ status: 'ignored', people: 1, candidates: [] });
      expect((await groups(admin, { field: 'organisation' })).find((g) => g.key === key)).toBeUndefined();
      expect(
        (await groups(admin, { field: 'organisation', status: 'ignored' })).find((g) => g.key === key),
      ).toMatchObject({
        spellings: [`n/a ${word}`],
      });
      expect(await membershipsOf(admin, person.id)).toEqual([]);
      const target = await createInstitution(admin, `Municipalidad ${word}`, { country: 'GT' });
      expect(
        (await resolve({ field: 'organisation', key, action: 'pick', targetId: target.id })).statusCode,
      ).toBe(200);
      expect((await membershipsOf(admin, person.id)).map((m) => m.institution.id)).toEqual([target.id]);
    });

    it('shows and adds a person’s memberships for administrators only', async () => {
      const word = uniqueWord('adm');
      const person = await registered({ country: 'CL' });
      const institution = await createInstitution(admin, `Gobierno Regional ${word}`, { country: 'CL' });
      const added = await admin('POST', routeUrl(directoryApi.addUserMembership, { id: person.id }), {
        institutionId: institution.id,
        position: 'Analista',
        startedOn: '2025-03-01',
      });
      expect(added.statusCode).toBe(201);
      expect((await membershipsOf(admin, person.id))[0]).toMatchObject({
        position: 'Analista',
        startedOn: '2025-03-01',
      });
      const mass = await admin('POST', routeUrl(directoryApi.addUserMembership, { id: person.id }), {
        institutionId: institution.id,
        userId: randomUUID(),
      });
      expect(mass.statusCode).toBe(400);
      const unknown = await admin('POST', routeUrl(directoryApi.addUserMembership, { id: person.id }), {
        institutionId: randomUUID(),
      });
      expect(fieldsOf(unknown)).toEqual(['institutionId']);
      expect(
        (await admin('GET', routeUrl(directoryApi.userMemberships, { id: randomUUID() }))).statusCode,
      ).toBe(404);
      expect(
        (await person.me('GET', routeUrl(directoryApi.userMemberships, { id: person.id }))).statusCode,
      ).toBe(403);
      const me = (await person.me('GET', routeUrl(identityApi.me))).json() as UserView;
      expect(me.id).toBe(person.id);
    });
  });
});
