import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  directoryApi,
  routeUrl,
  type InstitutionPage,
  type InstitutionView,
  type MembershipView,
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
  fieldsOf,
  signInAdmin,
  uniqueWord,
} from './testing/directory-fixtures';

const { SAMPLE_HTML, SAMPLE_SVG, samplePng } = catalogSampleFiles;

/** Exactly the fields anyone may see of a person. */
const PUBLIC_PERSON_FIELDS = [
  'bio',
  'country',
  'displayName',
  'id',
  'institution',
  'languages',
  'photoUrl',
  'region',
  'topics',
];

describe('people in the network: memberships, opt-in profiles, and what visitors see', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: ReturnType<typeof caller>;
  const visitor = () => caller(t, null);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-directory-people-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = caller(t, await signInAdmin(t));
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function person(displayName: string, country = 'CO') {
    const registered = await t.register({ displayName, country });
    return {
      me: caller(t, registered.session.accessToken),
      id: registered.session.user.id,
      email: registered.email,
      token: registered.session.accessToken,
    };
  }

  const uploadPhoto = (token: string, content: Buffer, name: string) => {
    const body = multipart(content, name);
    return t.request({
      method: 'PUT',
      url: routeUrl(directoryApi.uploadMyPhoto),
      headers: { ...body.headers, authorization: `Bearer ${token}` },
      payload: body.payload,
    });
  };

  it('keeps a person out of every public answer until they opt in, and hides them again at once when they withdraw', async () => {
    const word = uniqueWord('p');
    const region = await createRegion(admin);
    const institution = await createInstitution(admin, `Secretaría de Planeación ${word}`, {
      regionId: region.id,
    });
    const ana = await person(`Ana Ñúñez ${word}`);
    const membership = (
      await ana.me('POST', routeUrl(directoryApi.addMyMembership), {
        institutionId: institution.id,
        position: 'Planificadora',
        startedOn: '2024-02-01',
      })
    ).json() as MembershipView;
    expect(membership).toMatchObject({ position: 'Planificadora', startedOn: '2024-02-01', current: true });

    const listed = async () =>
      (
        (
          await visitor()('GET', routeUrl(directoryApi.people, { q: `nunez ${word}` }))
        ).json() as Page<PublicPersonView>
      ).items.map((p) => p.id);
    expect(await listed()).toEqual([]);
    expect((await visitor()('GET', routeUrl(directoryApi.person, { id: ana.id }))).statusCode).toBe(404);
    expect(
      (
        (
          await visitor()('GET', routeUrl(directoryApi.institution, { id: institution.id }))
        ).json() as InstitutionPage
      ).people,
    ).toEqual([]);

    // Saved but not published: still no one sees it.
    const saved = await ana.me('PUT', routeUrl(directoryApi.saveMyProfile), {
      published: false,
      bio: 'Planificación territorial.\n\nGestión de riesgos.',
      topics: ['Ordenamiento territorial', 'ordenamiento  TERRITORIAL', 'Gestión del riesgo'],
      languages: ['es', 'pt'],
      institutionId: institution.id,
      regionId: region.id,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      published: false,
      publishedAt: null,
      topics: ['Ordenamiento territorial', 'Gestión del riesgo'],
    });
    expect(await listed()).toEqual([]);

    const published = await ana.me('PUT', routeUrl(directoryApi.saveMyProfile), {
      ...(saved.json() as object),
      published: true,
      hasPhoto: undefined,
      publishedAt: undefined,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().publishedAt).not.toBeNull();
    expect(await listed()).toEqual([ana.id]);
    const shown = (
      await visitor()('GET', routeUrl(directoryApi.person, { id: ana.id }))
    ).json() as PublicPersonView;
    expect(Object.keys(shown).sort()).toEqual(PUBLIC_PERSON_FIELDS);
    expect(shown).toEqual({
      id: ana.id,
      displayName: `Ana Ñúñez ${word}`,
      bio: 'Planificación territorial.\n\nGestión de riesgos.',
      topics: ['Ordenamiento territorial', 'Gestión del riesgo'],
      languages: ['es', 'pt'],
      institution: expect.objectContaining({ id: institution.id }),
      region: expect.objectContaining({ id: region.id, slug: region.slug }),
      country: 'CO',
      photoUrl: null,
    });
    expect(JSON.stringify(shown)).not.toContain(ana.email);
    const page = (
      await visitor()('GET', routeUrl(directoryApi.institution, { id: institution.id }))
    ).json() as InstitutionPage;
    expect(page.people.map((p) => p.id)).toEqual([ana.id]);
    const regionPage = (
      await visitor()('GET', routeUrl(directoryApi.region, { slug: region.slug }))
    ).json() as RegionPage;
    expect(regionPage.institutions.map((i) => i.id)).toEqual([institution.id]);
    expect(regionPage.people.map((p) => p.id)).toEqual([ana.id]);
    expect((await visitor()('GET', routeUrl(directoryApi.topics))).json()).toEqual(
      expect.arrayContaining(['Ordenamiento territorial', 'Gestión del riesgo']),
    );
    const byTopic = (
      await visitor()('GET', routeUrl(directoryApi.institutions, { topic: 'Gestión del riesgo', q: word }))
    ).json() as Page<InstitutionView>;
    expect(byTopic.items.map((i) => i.id)).toEqual([institution.id]);

    // Withdrawn: gone from the very next answer, everywhere.
    const withdrawn = await ana.me('DELETE', routeUrl(directoryApi.withdrawMyProfile));
    expect(withdrawn.json()).toMatchObject({
      published: false,
      bio: 'Planificación territorial.\n\nGestión de riesgos.',
    });
    expect(await listed()).toEqual([]);
    expect((await visitor()('GET', routeUrl(directoryApi.person, { id: ana.id }))).statusCode).toBe(404);
    expect(
      ((await visitor()('GET', routeUrl(directoryApi.region, { slug: region.slug }))).json() as RegionPage)
        .people,
    ).toEqual([]);
    expect((await visitor()('GET', routeUrl(directoryApi.topics))).json()).not.toContain(
      'Gestión del riesgo',
    );
  });

  it('searches people by name, never by email', async () => {
    const word = uniqueWord('e');
    const someone = await person(`Jo Pessoa ${word}`);
    await someone.me('PUT', routeUrl(directoryApi.saveMyProfile), { published: true });
    const byName = (
      await visitor()('GET', routeUrl(directoryApi.people, { q: `pessoa ${word}` }))
    ).json() as Page<PublicPersonView>;
    expect(byName.items.map((p) => p.id)).toEqual([someone.id]);
    const local = someone.email.split('@')[0];
    const byEmail = (
      await visitor()('GET', routeUrl(directoryApi.people, { q: local }))
    ).json() as Page<PublicPersonView>;
    expect(byEmail.items).toEqual([]);
  });

  it('shows a photo checked by its content, only on a published profile that shows it, never cached', async () => {
    const someone = await person(`Foto ${uniqueWord()}`);
    expect((await uploadPhoto(someone.token, SAMPLE_SVG, 'me.png')).statusCode).toBe(415);
    expect((await uploadPhoto(someone.token, SAMPLE_HTML, 'me.jpg')).statusCode).toBe(415);
    const uploaded = await uploadPhoto(someone.token, samplePng(), 'me.png');
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json()).toMatchObject({ hasPhoto: true, showPhoto: false });

    const photo = () => visitor()('GET', routeUrl(directoryApi.personPhoto, { id: someone.id }));
    expect((await photo()).statusCode).toBe(404);
    await someone.me('PUT', routeUrl(directoryApi.saveMyProfile), { published: true, showPhoto: true });
    const shown = (
      await visitor()('GET', routeUrl(directoryApi.person, { id: someone.id }))
    ).json() as PublicPersonView;
    expect(shown.photoUrl).toMatch(
      new RegExp(`^${routeUrl(directoryApi.personPhoto, { id: someone.id })}\\?v=`),
    );
    const res = await photo();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.equals(samplePng())).toBe(true);
    await someone.me('DELETE', routeUrl(directoryApi.withdrawMyProfile));
    expect((await photo()).statusCode).toBe(404);
  });

  it('lets a profile show only a current institution of the person, and keeps memberships to their owner', async () => {
    const mine = await createInstitution(admin, `Mía ${uniqueWord()}`);
    const notMine = await createInstitution(admin, `Ajena ${uniqueWord()}`);
    const someone = await person(`Dueña ${uniqueWord()}`);
    const other = await person(`Otra ${uniqueWord()}`);
    const membership = (
      await someone.me('POST', routeUrl(directoryApi.addMyMembership), { institutionId: mine.id })
    ).json() as MembershipView;
    const refused = await someone.me('PUT', routeUrl(directoryApi.saveMyProfile), {
      published: true,
      institutionId: notMine.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['institutionId']);
    expect(
      (
        await someone.me('PUT', routeUrl(directoryApi.saveMyProfile), {
          published: true,
          institutionId: mine.id,
        })
      ).statusCode,
    ).toBe(200);

    // Another person cannot see, change or remove it (404, as if absent).
    expect(
      (
        await other.me('PATCH', routeUrl(directoryApi.updateMyMembership, { id: membership.id }), {
          position: 'X',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await other.me('DELETE', routeUrl(directoryApi.removeMyMembership, { id: membership.id }))).statusCode,
    ).toBe(404);
    expect((await other.me('GET', routeUrl(directoryApi.myMemberships))).json()).toEqual([]);

    const ended = await someone.me(
      'PATCH',
      routeUrl(directoryApi.updateMyMembership, { id: membership.id }),
      { startedOn: '2020-01-01', endedOn: '2019-12-31' },
    );
    expect(fieldsOf(ended)).toEqual(['endedOn']);
    expect(
      (await someone.me('DELETE', routeUrl(directoryApi.removeMyMembership, { id: membership.id })))
        .statusCode,
    ).toBe(204);
    expect((await someone.me('GET', routeUrl(directoryApi.myProfile))).json().institutionId).toBeNull();
    expect((await visitor()('GET', routeUrl(directoryApi.myMemberships))).statusCode).toBe(401);
  });

  it('applies a double submit once: one membership, one profile', async () => {
    const institution = await createInstitution(admin, `Doble ${uniqueWord()}`);
    const someone = await person(`Doble ${uniqueWord()}`);
    const adds = await Promise.all(
      [1, 2, 3].map(() =>
        someone.me('POST', routeUrl(directoryApi.addMyMembership), { institutionId: institution.id }),
      ),
    );
    expect(adds.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(adds.map((r) => r.json().id)).size).toBe(1);
    const saves = await Promise.all(
      [true, true].map((published) => someone.me('PUT', routeUrl(directoryApi.saveMyProfile), { published })),
    );
    expect(saves.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await someone.me('GET', routeUrl(directoryApi.myMemberships))).json()).toHaveLength(1);
  });

  it('never shows a signed-out visitor what is not public, while people signed in see every active record', async () => {
    const word = uniqueWord('v');
    const hiddenRegion = await createRegion(admin, { public: false, name: { es: `Oculta ${word}` } });
    const shownRegion = await createRegion(admin, { name: { es: `Visible ${word}` } });
    const hidden = await createInstitution(admin, `Privada ${word}`, {
      public: false,
      regionId: shownRegion.id,
    });
    const shown = await createInstitution(admin, `Pública ${word}`, { regionId: hiddenRegion.id });
    const pending = (
      await caller(t, (await t.register()).session.accessToken)(
        'POST',
        routeUrl(directoryApi.addMyMembership),
        {
          proposedInstitution: { name: `Pendiente ${word}`, country: 'CO' },
        },
      )
    ).json().institution;
    const someone = await person(`Miembro ${word}`);
    await someone.me('POST', routeUrl(directoryApi.addMyMembership), { institutionId: hidden.id });
    await someone.me('PUT', routeUrl(directoryApi.saveMyProfile), {
      published: true,
      institutionId: hidden.id,
      regionId: hiddenRegion.id,
    });

    const v = visitor();
    const institutions = (
      (await v('GET', routeUrl(directoryApi.institutions, { q: word }))).json() as Page<InstitutionView>
    ).items;
    expect(institutions.map((i) => i.id)).toEqual([shown.id]);
    // The public institution's region is not public: it is left out of the answer.
    expect(institutions[0].region).toBeNull();
    expect((await v('GET', routeUrl(directoryApi.institution, { id: hidden.id }))).statusCode).toBe(404);
    expect((await v('GET', routeUrl(directoryApi.institution, { id: pending.id }))).statusCode).toBe(404);
    expect(
      (await v('GET', routeUrl(directoryApi.suggestInstitutions, { q: word })))
        .json()
        .map((r: { id: string }) => r.id),
    ).toEqual([shown.id]);
    expect(
      ((await v('GET', routeUrl(directoryApi.regions, { q: word }))).json() as Page<RegionView>).items.map(
        (r) => r.id,
      ),
    ).toEqual([shownRegion.id]);
    expect((await v('GET', routeUrl(directoryApi.region, { slug: hiddenRegion.slug }))).statusCode).toBe(404);
    expect(
      ((await v('GET', routeUrl(directoryApi.region, { slug: shownRegion.slug }))).json() as RegionPage)
        .institutions,
    ).toEqual([]);
    // The published person shows, without the institution and region the visitor may not see.
    const seen = (
      await v('GET', routeUrl(directoryApi.person, { id: someone.id }))
    ).json() as PublicPersonView;
    expect(seen).toMatchObject({ institution: null, region: null });
    expect(
      (
        (
          await v('GET', routeUrl(directoryApi.people, { institutionId: hidden.id }))
        ).json() as Page<PublicPersonView>
      ).items,
    ).toEqual([]);

    // Signed in: every active record, still no pending one.
    const member = someone.me;
    const all = (
      (await member('GET', routeUrl(directoryApi.institutions, { q: word }))).json() as Page<InstitutionView>
    ).items.map((i) => i.id);
    expect(all.sort()).toEqual([hidden.id, shown.id].sort());
    expect((await member('GET', routeUrl(directoryApi.institution, { id: pending.id }))).statusCode).toBe(
      404,
    );
    expect((await member('GET', routeUrl(directoryApi.region, { slug: hiddenRegion.slug }))).statusCode).toBe(
      200,
    );
    expect((await member('GET', routeUrl(directoryApi.person, { id: someone.id }))).json()).toMatchObject({
      institution: { id: hidden.id },
      region: { id: hiddenRegion.id },
    });
    // Admin routes stay for administrators.
    expect((await member('GET', routeUrl(directoryApi.adminInstitutions))).statusCode).toBe(403);
    expect((await v('GET', routeUrl(directoryApi.adminRegions))).statusCode).toBe(401);
  });

  it('shows names in the reader language, falling back to English and then the first name', async () => {
    const word = uniqueWord('n');
    const institution = await createInstitution(admin, `Gobierno ${word}`, {
      names: [
        { value: `Gobierno ${word}`, lang: 'es', type: 'official' },
        { value: `Government ${word}`, lang: 'en', type: 'official' },
      ],
    });
    const read = async (query: Record<string, string>, headers: Record<string, string> = {}) =>
      (
        await t.request({
          method: 'GET',
          url: routeUrl(directoryApi.institution, { id: institution.id }, query),
          headers,
        })
      ).json().institution.displayName as string;
    expect(await read({ locale: 'es' })).toBe(`Gobierno ${word}`);
    expect(await read({ locale: 'pt' })).toBe(`Government ${word}`);
    expect(await read({}, { 'accept-language': 'es-CO,es;q=0.9' })).toBe(`Gobierno ${word}`);
  });
});
