import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  directoryApi,
  INSTITUTION_KINDS,
  routeUrl,
  STAKEHOLDER_SECTORS,
  type ApiRoute,
} from '@aula/contracts';
import { isCountryCode, isRor } from '@aula/server/directory';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  caller,
  createInstitution,
  createRegion,
  fieldsOf,
  randomRor,
  signInAdmin,
  uniqueWord,
} from './testing/directory-fixtures';

/** Whatever a client sends to the directory, the answer is a deliberate 2xx/4xx naming the fields, never a 500. */
describe('directory DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: ReturnType<typeof caller>;
  let me: ReturnType<typeof caller>;
  const ids = { region: '', institution: '', membership: '' };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-directory-fuzz-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = caller(t, await signInAdmin(t));
    me = caller(t, (await t.register()).session.accessToken);
    ids.region = (await createRegion(admin)).id;
    ids.institution = (await createInstitution(admin, `Fuzz ${uniqueWord()}`)).id;
    ids.membership = (
      await me('POST', routeUrl(directoryApi.addMyMembership), { institutionId: ids.institution })
    ).json().id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const scalar = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const translations = fc.dictionary(
    fc.constantFrom('en', 'es', 'pt', 'fr', '__proto__', 'constructor', ''),
    scalar,
    { maxKeys: 4 },
  );
  const name = fc.record(
    {
      value: scalar,
      lang: fc.oneof(scalar, fc.constantFrom('es', 'en', 'xx')),
      type: fc.oneof(scalar, fc.constantFrom('official', 'acronym', 'alias')),
    },
    { requiredKeys: [] },
  );
  const anyValue = fc.oneof(
    scalar,
    translations,
    fc.array(scalar, { maxLength: 3 }),
    fc.array(name, { maxLength: 3 }),
    fc
      .record({
        type: fc.oneof(scalar, fc.constantFrom('parent', 'child')),
        institutionId: fc.oneof(scalar, fc.uuid()),
      })
      .map((r) => [r]),
    fc.record(
      { lat: fc.oneof(scalar, fc.double()), lon: fc.oneof(scalar, fc.double()) },
      { requiredKeys: [] },
    ),
    fc.record({ ror: scalar, orgId: scalar, wikidata: scalar }, { requiredKeys: [] }),
    fc.object({ maxDepth: 1 }),
  );
  const fields = [
    'slug',
    'name',
    'country',
    'subdivision',
    'worldRegion',
    'description',
    'location',
    'status',
    'joinedOn',
    'public',
    'names',
    'kind',
    'sector',
    'regionId',
    'website',
    'established',
    'relationships',
    'identifiers',
    'duplicateIds',
    'institutionId',
    'proposedInstitution',
    'position',
    'startedOn',
    'endedOn',
    'published',
    'bio',
    'topics',
    'languages',
    'showPhoto',
    'searchText',
    'proposedBy',
    'userId',
    'id',
    '__proto__',
    'constructor',
  ];
  const body = fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 6 });

  const urlOf = routeUrl as (route: { path: string }, ...args: unknown[]) => string;
  /** The route's address, with the record of the test filled in for `:id`. */
  const target = (route: ApiRoute, query?: Record<string, string>) => {
    if (!route.path.includes(':id')) return urlOf(route, query);
    const id = route.path.includes('/regions/')
      ? ids.region
      : route.path.includes('/memberships/')
        ? ids.membership
        : ids.institution;
    return urlOf(route, { id }, query);
  };

  it.each(
    [
      ['admin', directoryApi.createRegion],
      ['admin', directoryApi.updateRegion],
      ['admin', directoryApi.createInstitution],
      ['admin', directoryApi.updateInstitution],
      ['admin', directoryApi.setInstitutionStatus],
      ['admin', directoryApi.mergeInstitutions],
      ['me', directoryApi.addMyMembership],
      ['me', directoryApi.updateMyMembership],
      ['me', directoryApi.saveMyProfile],
    ].map(([who, route]) => ({
      who,
      route: route as ApiRoute,
      label: `${(route as ApiRoute).method} ${(route as ApiRoute).path}`,
    })),
  )('$label answers 4xx naming fields for invalid bodies', async ({ who, route }) => {
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await (who === 'admin' ? admin : me)(route.method, target(route), payload);
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });

  it.each(
    [
      directoryApi.institutions,
      directoryApi.suggestInstitutions,
      directoryApi.people,
      directoryApi.regions,
      directoryApi.adminInstitutions,
    ].map((route) => ({
      route,
      label: route.path,
    })),
  )('GET $label answers 2xx or a 400 naming the parameter for any query', async ({ route }) => {
    const query = fc.dictionary(
      fc.constantFrom(
        'q',
        'country',
        'regionId',
        'worldRegion',
        'kind',
        'sector',
        'topic',
        'status',
        'limit',
        'cursor',
        'locale',
        'institutionId',
        'x',
      ),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('CO', 'co', '0', '21', '-1', 'ngo', 'asia', 'es', '%', '_', '\\', '|', 'bogotá'),
      ),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const res = await admin('GET', target(route, params));
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });

  it('round-trips institutions with names in any script, valid codes and identifiers', async () => {
    const text = fc.stringMatching(/^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'()&-]{0,60}$/u);
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.option(text, { nil: undefined }),
        fc.constantFrom('es', 'pt', 'en', 'zh', 'ar', null),
        fc.constantFrom(...INSTITUTION_KINDS),
        fc.option(fc.constantFrom(...STAKEHOLDER_SECTORS)),
        fc.constantFrom('CO', 'BR', 'AR', 'CL', 'GT', 'VN', 'MA', 'KE'),
        fc.option(fc.integer({ min: 1000, max: 2025 })),
        async (official, alias, lang, kind, sector, country, established) => {
          const word = uniqueWord();
          const names = [
            { value: `${official} ${word}`, lang, type: 'official' },
            ...(alias ? [{ value: ` ${alias}  ${word} `, lang: null, type: 'alias' }] : []),
          ];
          const ror = randomRor();
          const res = await admin('POST', routeUrl(directoryApi.createInstitution), {
            names,
            kind,
            sector,
            country,
            established,
            identifiers: { ror },
          });
          const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
          expect(res.statusCode).toBe(201);
          expect(res.json()).toMatchObject({
            names: names.map((n) => ({ ...n, value: tidy(n.value) })),
            kind,
            sector,
            country,
            established,
            identifiers: { ror, orgId: null, wikidata: null },
            status: 'active',
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses countries that do not exist and ROR ids that do not check, naming the field', async () => {
    const badCountry = fc.stringMatching(/^[A-Z]{2}$/).filter((c) => !isCountryCode(c));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          badCountry,
          fc.string({ maxLength: 4 }).filter((c) => !isCountryCode(c)),
        ),
        async (country) => {
          const res = await admin('POST', routeUrl(directoryApi.createInstitution), {
            names: [{ value: 'X', lang: null, type: 'official' }],
            kind: 'ngo',
            country,
          });
          expect(res.statusCode).toBe(400);
          expect(fieldsOf(res)).toContain('country');
        },
      ),
      { numRuns: 30 },
    );
    const badRor = fc
      .oneof(fc.stringMatching(/^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$/), fc.string({ maxLength: 12 }))
      .filter((r) => !isRor(r.toLowerCase()));
    await fc.assert(
      fc.asyncProperty(badRor, async (ror) => {
        const res = await admin('PATCH', routeUrl(directoryApi.updateInstitution, { id: ids.institution }), {
          identifiers: { ror },
        });
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)).toEqual(['identifiers.ror']);
      }),
      { numRuns: 30 },
    );
  });

  it('round-trips a region location, and refuses one off the globe naming the coordinate', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        async (lat, lon) => {
          const res = await admin('PATCH', routeUrl(directoryApi.updateRegion, { id: ids.region }), {
            location: { lat, lon },
          });
          expect(res.statusCode).toBe(200);
          expect(res.json().location).toEqual({ lat: lat === 0 ? 0 : lat, lon: lon === 0 ? 0 : lon });
        },
      ),
      { numRuns: 25 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.double({ min: 90, noNaN: true, minExcluded: true }),
          fc.double({ max: -90, noNaN: true, maxExcluded: true }),
        ),
        async (lat) => {
          const res = await admin('PATCH', routeUrl(directoryApi.updateRegion, { id: ids.region }), {
            location: { lat, lon: 0 },
          });
          expect(res.statusCode).toBe(400);
          expect(fieldsOf(res)).toContain('location.lat');
        },
      ),
      { numRuns: 20 },
    );
  });

  it('round-trips a profile: topics tidied and kept once, languages as given', async () => {
    const topic = fc.stringMatching(/^[\p{L}\p{N}][\p{L}\p{N} -]{0,40}$/u);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(topic, {
          maxLength: 5,
          selector: (s) =>
            s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim(),
        }),
        fc.uniqueArray(fc.constantFrom('es', 'pt', 'en', 'fr', 'zh', 'ar', 'vi'), { maxLength: 4 }),
        fc.boolean(),
        async (topics, languages, published) => {
          const res = await me('PUT', routeUrl(directoryApi.saveMyProfile), { published, topics, languages });
          expect(res.statusCode).toBe(200);
          expect(res.json()).toMatchObject({
            published,
            topics: topics.map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim()),
            languages,
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});
