import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  directoryApi,
  LOCALES,
  routeUrl,
  type InstitutionPage,
  type InstitutionRef,
  type InstitutionView,
  type Page,
  type PublicPersonView,
  type RegionPage,
  type RegionView,
} from '@aula/contracts';
import { catalogSampleFiles } from '@aula/server/catalog';
import { multipart } from '../testing/multipart';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  caller,
  createInstitution,
  createRegion,
  randomRor,
  signInAdmin,
  uniqueWord,
} from './testing/directory-fixtures';

/**
 * Every public directory route, called by a visitor who is not signed in, answers exactly the
 * fields listed here, nested objects included. A field added to a public answer fails this test
 * until it is added here: deciding that it may be public is a choice someone has to make.
 */

/** A value that is not an object: a string, number, boolean, null, or a list of those. */
const LEAF = 'leaf';
/** Text per interface language (`{ en, es, pt }`, some left out). */
const TEXTS = 'texts';
type Shape = typeof LEAF | typeof TEXTS | readonly [Shape] | { readonly [field: string]: Shape };

const REGION_REF = { id: LEAF, slug: LEAF, displayName: LEAF } as const;
const INSTITUTION_REF = { id: LEAF, displayName: LEAF, acronym: LEAF, country: LEAF, status: LEAF } as const;
const REGION_VIEW = {
  id: LEAF,
  slug: LEAF,
  displayName: LEAF,
  name: TEXTS,
  country: LEAF,
  subdivision: LEAF,
  worldRegion: LEAF,
  description: TEXTS,
  location: { lat: LEAF, lon: LEAF },
  status: LEAF,
  joinedOn: LEAF,
  public: LEAF,
  institutionCount: LEAF,
} as const;
const INSTITUTION_VIEW = {
  ...INSTITUTION_REF,
  names: [{ value: LEAF, lang: LEAF, type: LEAF }],
  kind: LEAF,
  sector: LEAF,
  region: REGION_REF,
  website: LEAF,
  established: LEAF,
  relationships: [{ type: LEAF, institution: INSTITUTION_REF }],
  identifiers: { ror: LEAF, orgId: LEAF, wikidata: LEAF },
  public: LEAF,
  memberCount: LEAF,
  createdAt: LEAF,
  updatedAt: LEAF,
} as const;
const PERSON = {
  id: LEAF,
  displayName: LEAF,
  bio: LEAF,
  topics: LEAF,
  languages: LEAF,
  institution: INSTITUTION_REF,
  region: REGION_REF,
  country: LEAF,
  photoUrl: LEAF,
} as const;
const page = (item: Shape) => ({ items: [item], nextCursor: LEAF }) as const;

const ROUTES = {
  regions: page(REGION_VIEW),
  region: { region: REGION_VIEW, institutions: [INSTITUTION_REF], people: [PERSON] },
  institutions: page(INSTITUTION_VIEW),
  institution: { institution: INSTITUTION_VIEW, people: [PERSON] },
  suggestInstitutions: [INSTITUTION_REF],
  people: page(PERSON),
  person: PERSON,
  topics: [LEAF],
} as const satisfies Record<string, Shape>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks `value` against `shape`; records in `seen` the objects met with a value (a null region
 * checks nothing, so each nested object must show up filled at least once somewhere).
 */
function expectShape(value: unknown, shape: Shape, path: string, seen: Set<string>): void {
  if (value === null || value === undefined) {
    expect({ path, value }).toEqual({ path, value: null });
    return;
  }
  if (shape === LEAF) {
    const scalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
    expect({ path, leaf: Array.isArray(value) ? value.every(scalar) : scalar(value) }).toEqual({
      path,
      leaf: true,
    });
    return;
  }
  if (shape === TEXTS) {
    expect(isObject(value)).toBe(true);
    const entries = Object.entries(value as Record<string, unknown>);
    expect({
      path,
      languages: entries.every(
        ([k, v]) => (LOCALES as readonly string[]).includes(k) && typeof v === 'string',
      ),
    }).toEqual({ path, languages: true });
    seen.add(path);
    return;
  }
  if (Array.isArray(shape)) {
    expect({ path, array: Array.isArray(value) }).toEqual({ path, array: true });
    for (const item of value as unknown[]) expectShape(item, shape[0], `${path}[]`, seen);
    return;
  }
  expect({ path, object: isObject(value) }).toEqual({ path, object: true });
  const object = value as Record<string, unknown>;
  expect({ path, fields: Object.keys(object).sort() }).toEqual({ path, fields: Object.keys(shape).sort() });
  seen.add(path);
  for (const [field, inner] of Object.entries(shape))
    expectShape(object[field], inner as Shape, `${path}.${field}`, seen);
}

/** The paths of every object (and text per language) in `shape`: what must have been seen filled. */
function objectPaths(shape: Shape, path: string): string[] {
  if (shape === LEAF) return [];
  if (shape === TEXTS) return [path];
  if (Array.isArray(shape)) return objectPaths(shape[0], `${path}[]`);
  return [
    path,
    ...Object.entries(shape).flatMap(([field, inner]) => objectPaths(inner as Shape, `${path}.${field}`)),
  ];
}

const { samplePng } = catalogSampleFiles;

describe('public directory routes: exactly the listed fields, and only what visitors may see', () => {
  let t: TestApp;
  let dataDir: string;
  const word = uniqueWord('pf');
  const seen = new Map<keyof typeof ROUTES, Set<string>>();

  /** A visitor's GET: 200 expected, the answer checked against the route's shape. */
  async function read<T>(
    route: keyof typeof ROUTES,
    params?: Record<string, string>,
    query?: Record<string, string>,
  ): Promise<T> {
    const url = params
      ? routeUrl(directoryApi[route], params as never, query as never)
      : routeUrl(directoryApi[route], query as never);
    const res = await caller(t, null)('GET', url);
    expect({ route, status: res.statusCode }).toEqual({ route, status: 200 });
    const body = res.json() as unknown;
    const paths = seen.get(route) ?? new Set<string>();
    seen.set(route, paths);
    expectShape(body, ROUTES[route], route, paths);
    return body as T;
  }
  const status = async (route: keyof typeof directoryApi, params: Record<string, string>) =>
    (await caller(t, null)('GET', routeUrl(directoryApi[route], params as never))).statusCode;

  // The records: a public region and a hidden one; public institutions (one the other's parent),
  // hidden, pending and archived ones; people who published, never did, withdrew, or show only
  // records a visitor may not see.
  let region: RegionView;
  let hiddenRegion: RegionView;
  let parent: InstitutionView;
  let institution: InstitutionView;
  const hidden: Record<'private' | 'privateOther' | 'pending' | 'archived', string> = {
    private: '',
    privateOther: '',
    pending: '',
    archived: '',
  };
  const people: Record<'shown' | 'draft' | 'withdrawn' | 'shownHidden' | 'viaPrivate', string> = {
    shown: '',
    draft: '',
    withdrawn: '',
    shownHidden: '',
    viaPrivate: '',
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-directory-public-fields-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    const admin = caller(t, await signInAdmin(t));
    region = await createRegion(admin, {
      name: { es: `Región ${word}`, en: `Region ${word}`, pt: `Região ${word}` },
      description: { es: 'Descripción.', en: 'Description.', pt: 'Descrição.' },
      location: { lat: 4.71, lon: -74.07 },
      joinedOn: '2021-03-15',
    });
    hiddenRegion = await createRegion(admin, { name: { es: `Oculta ${word}` }, public: false });
    parent = await createInstitution(admin, `Gobernación ${word}`, { regionId: region.id });
    institution = await createInstitution(admin, `Universidad ${word}`, {
      names: [
        { value: `Universidad ${word}`, lang: 'es', type: 'official' },
        { value: `University ${word}`, lang: 'en', type: 'official' },
        { value: `U${word}`, lang: null, type: 'acronym' },
      ],
      kind: 'university',
      sector: 'academia',
      regionId: region.id,
      website: 'https://universidad.example.org',
      established: 1990,
      identifiers: { ror: randomRor(), wikidata: `Q${1 + Math.floor(Math.random() * 1e9)}` },
      relationships: [{ type: 'parent', institutionId: parent.id }],
    });
    hidden.private = (
      await createInstitution(admin, `Privada ${word}`, { public: false, regionId: region.id })
    ).id;
    hidden.privateOther = (
      await createInstitution(admin, `Reservada ${word}`, { public: false, regionId: hiddenRegion.id })
    ).id;
    const archived = await createInstitution(admin, `Archivada ${word}`, { regionId: region.id });
    expect(
      (
        await admin('POST', routeUrl(directoryApi.setInstitutionStatus, { id: archived.id }), {
          status: 'archived',
        })
      ).statusCode,
    ).toBe(200);
    hidden.archived = archived.id;

    const person = async (key: keyof typeof people, name: string) => {
      const registered = await t.register({ displayName: `${name} ${word}`, country: 'CO' });
      people[key] = registered.session.user.id;
      const me = caller(t, registered.session.accessToken);
      const photo = multipart(samplePng(), 'me.png');
      const uploaded = await t.request({
        method: 'PUT',
        url: routeUrl(directoryApi.uploadMyPhoto),
        headers: { ...photo.headers, authorization: `Bearer ${registered.session.accessToken}` },
        payload: photo.payload,
      });
      expect(uploaded.statusCode).toBe(200);
      return me;
    };
    const profile = (topic: string, institutionId: string, regionId: string) => ({
      bio: 'Planificación territorial.',
      topics: [`${topic} ${word}`],
      languages: ['es', 'en'],
      institutionId,
      regionId,
      showPhoto: true,
    });

    const shown = await person('shown', 'Ana Publicada');
    await shown('POST', routeUrl(directoryApi.addMyMembership), {
      institutionId: institution.id,
      position: 'Docente',
    });
    expect(
      (
        await shown('PUT', routeUrl(directoryApi.saveMyProfile), {
          published: true,
          ...profile('shown', institution.id, region.id),
        })
      ).statusCode,
    ).toBe(200);

    const draft = await person('draft', 'Beto Borrador');
    await draft('POST', routeUrl(directoryApi.addMyMembership), { institutionId: institution.id });
    await draft('PUT', routeUrl(directoryApi.saveMyProfile), {
      published: false,
      ...profile('draft', institution.id, region.id),
    });

    const withdrawn = await person('withdrawn', 'Carla Retirada');
    await withdrawn('POST', routeUrl(directoryApi.addMyMembership), { institutionId: institution.id });
    await withdrawn('PUT', routeUrl(directoryApi.saveMyProfile), {
      published: true,
      ...profile('withdrawn', institution.id, region.id),
    });
    expect((await withdrawn('DELETE', routeUrl(directoryApi.withdrawMyProfile))).statusCode).toBe(200);

    const shownHidden = await person('shownHidden', 'Dora Reservada');
    await shownHidden('POST', routeUrl(directoryApi.addMyMembership), { institutionId: hidden.privateOther });
    await shownHidden('PUT', routeUrl(directoryApi.saveMyProfile), {
      published: true,
      ...profile('hidden', hidden.privateOther, hiddenRegion.id),
    });
    const pending = await shownHidden('POST', routeUrl(directoryApi.addMyMembership), {
      proposedInstitution: { name: `Pendiente ${word}`, country: 'CO' },
    });
    hidden.pending = (pending.json() as { institution: InstitutionRef }).institution.id;

    // Published, with no region of their own, showing a private institution of the public region:
    // the hidden institution must not place them on the region's page.
    const viaPrivate = await person('viaPrivate', 'Elena Interna');
    await viaPrivate('POST', routeUrl(directoryApi.addMyMembership), { institutionId: hidden.private });
    expect(
      (
        await viaPrivate('PUT', routeUrl(directoryApi.saveMyProfile), {
          ...profile('private', hidden.private, region.id),
          published: true,
          regionId: null,
        })
      ).statusCode,
    ).toBe(200);
  });

  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers regions and a region page with exactly the listed fields, without hidden records or unpublished people', async () => {
    const regions = await read<Page<RegionView>>('regions', undefined, { q: word });
    expect(regions.items.map((r) => r.id)).toEqual([region.id]);
    expect(regions.items[0].institutionCount).toBe(2);

    const regionPage = await read<RegionPage>('region', { slug: region.slug });
    expect(regionPage.institutions.map((i) => i.id).sort()).toEqual([institution.id, parent.id].sort());
    expect(regionPage.people.map((p) => p.id)).toEqual([people.shown]);
    expect(await status('region', { slug: hiddenRegion.slug })).toBe(404);
  });

  it('answers institutions, an institution page and the typeahead with exactly the listed fields, active public ones only', async () => {
    const list = await read<Page<InstitutionView>>('institutions', undefined, { q: word });
    expect(list.items.map((i) => i.id).sort()).toEqual([institution.id, parent.id].sort());
    const listed = list.items.find((i) => i.id === institution.id) as InstitutionView;
    expect(listed.relationships).toEqual([
      { type: 'parent', institution: expect.objectContaining({ id: parent.id }) },
    ]);
    expect(listed.memberCount).toBe(3);
    // The parent shows its child from its own side.
    expect(list.items.find((i) => i.id === parent.id)?.relationships.map((r) => r.type)).toEqual(['child']);

    const shown = await read<InstitutionPage>('institution', { id: institution.id });
    expect(shown.institution.region).toEqual({
      id: region.id,
      slug: region.slug,
      displayName: expect.any(String),
    });
    expect(shown.people.map((p) => p.id)).toEqual([people.shown]);
    for (const id of Object.values(hidden))
      expect({ id, status: await status('institution', { id }) }).toEqual({ id, status: 404 });

    const suggestions = await read<InstitutionRef[]>('suggestInstitutions', undefined, { q: word });
    expect(suggestions.map((s) => s.id).sort()).toEqual([institution.id, parent.id].sort());
  });

  it('answers people, a person and the topics with exactly the listed fields, published profiles only', async () => {
    const list = await read<Page<PublicPersonView>>('people', undefined, { q: word });
    expect(list.items.map((p) => p.id).sort()).toEqual([people.shown, people.shownHidden, people.viaPrivate].sort());
    expect(
      (await read<Page<PublicPersonView>>('people', undefined, { institutionId: institution.id })).items.map(
        (p) => p.id,
      ),
    ).toEqual([people.shown]);

    const shown = await read<PublicPersonView>('person', { id: people.shown });
    expect(shown).toMatchObject({
      institution: { id: institution.id },
      region: { id: region.id },
      photoUrl: expect.stringMatching(/^\/api\/directory\/people\/.+\/photo\?v=/),
    });
    // Published, but at an institution and in a region a visitor may not see: those are left out.
    expect(await read<PublicPersonView>('person', { id: people.shownHidden })).toMatchObject({
      institution: null,
      region: null,
    });
    for (const key of ['draft', 'withdrawn'] as const)
      expect({ key, status: await status('person', { id: people[key] }) }).toEqual({ key, status: 404 });

    const topics = await read<string[]>('topics');
    expect(topics).toContain(`shown ${word}`);
    expect(topics).not.toContain(`draft ${word}`);
    expect(topics).not.toContain(`withdrawn ${word}`);
  });

  it("serves a published person's photo as an image, and no one else's", async () => {
    const photo = await caller(t, null)('GET', routeUrl(directoryApi.personPhoto, { id: people.shown }));
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    for (const key of ['draft', 'withdrawn'] as const)
      expect({ key, status: await status('personPhoto', { id: people[key] }) }).toEqual({ key, status: 404 });
  });

  it('met every listed object filled at least once, so none of them went unchecked', () => {
    for (const [route, shape] of Object.entries(ROUTES) as [keyof typeof ROUTES, Shape][]) {
      const met = seen.get(route) ?? new Set<string>();
      const missing = objectPaths(shape, route).filter((path) => !met.has(path));
      expect({ route, missing }).toEqual({ route, missing: [] });
    }
  });
});
