import { DataSource } from 'typeorm';
import { directoryApi, routeUrl, workshopsApi, type WorkshopPublicView, type WorkshopSessionView, type WorkshopView } from '@aula/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  caller,
  createWorkshop,
  directoryRecords,
  fieldsOf,
  person,
  setStatus,
  signInAdmin,
  workshopBody,
  type Caller,
} from './testing/workshop-fixtures';

describe('workshops over HTTP: records, validation, agenda, lifecycle and organisers', () => {
  let t: TestApp;
  let admin: Caller;
  let visitor: Caller;
  let records: Awaited<ReturnType<typeof directoryRecords>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = caller(t, await signInAdmin(t));
    visitor = caller(t, null);
    records = await directoryRecords(admin);
  });
  afterAll(() => t.close());

  describe('validation', () => {
    it.each([
      ['a time zone that does not exist', { timeZone: 'America/Atlantis' }, ['timeZone']],
      ['a slug with capitals', { slug: 'Taller 2031' }, ['slug']],
      ['an unknown kind and format', { kind: 'regional', format: 'radio' }, ['kind', 'format']],
      ['a date that does not exist', { startDate: '2031-02-30' }, ['startDate']],
      ['a title in an unknown language', { title: { es: 'Taller', fr: 'Atelier' } }, ['title.fr']],
      ['a venue without a city and a bad country', { venue: { address: 'Calle 1', country: 'XQ' } }, ['venue.city', 'venue.country']],
      ['a capacity of zero', { capacity: 0 }, ['capacity']],
      ['an online link that is not an address', { onlineUrl: 'javascript:alert(1)' }, ['onlineUrl']],
      ['a registration window without an offset', { registrationOpensAt: '2031-01-01T10:00' }, ['registrationOpensAt']],
      ['region ids that are not UUIDs', { participatingRegionIds: ['bogota'] }, ['participatingRegionIds']],
      ['an unknown field', { sponsor: 'ACME' }, ['sponsor']],
      ['hours written with an exponent and too many decimals', { expectedHours: 1e-300 }, ['expectedHours']],
      ['a hold time of no hours and a threshold over 100', { holdHours: 0, attendanceThreshold: 101 }, ['holdHours', 'attendanceThreshold']],
    ])('refuses %s, naming the fields', async (_, change, fields) => {
      const res = await admin('POST', routeUrl(workshopsApi.createWorkshop), workshopBody(records, change));
      expect(res.statusCode).toBe(400);
      expect([...new Set(fieldsOf(res))].sort()).toEqual([...fields].sort());
    });

    it.each([
      ['no title in the default language', { defaultLocale: 'pt' }, ['title.pt']],
      ['a region-specific workshop with two regions', { kind: 'region-specific' }, ['participatingRegionIds']],
      ['an end before the start', { endDate: '2031-03-01' }, ['endDate']],
      ['an in-person workshop without a venue', { format: 'in-person', venue: null }, ['venue']],
      ['an online workshop without a link', { format: 'online', onlineUrl: null }, ['onlineUrl']],
      ['a quota larger than the capacity', { capacity: 10, countryQuota: 11 }, ['countryQuota']],
      ['a window that closes before it opens', { registrationOpensAt: '2031-02-01T00:00:00Z', registrationClosesAt: '2031-01-01T00:00:00Z' }, ['registrationClosesAt']],
      ['a host and a region missing from the directory', { hostInstitutionId: '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44', participatingRegionIds: ['5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e45'] }, ['hostInstitutionId', 'participatingRegionIds.0']],
    ])('refuses %s, naming the fields', async (_, change, fields) => {
      const res = await admin('POST', routeUrl(workshopsApi.createWorkshop), workshopBody(records, change));
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res).sort()).toEqual([...fields].sort());
    });

    it('refuses a slug already taken with a 409 naming it', async () => {
      const first = await createWorkshop(admin, records);
      const res = await admin('POST', routeUrl(workshopsApi.createWorkshop), workshopBody(records, { slug: first.slug }));
      expect(res.statusCode).toBe(409);
      expect(fieldsOf(res)).toEqual(['slug']);
    });

    it('keeps sessions within the dates, in the workshop time zone', async () => {
      const w = await createWorkshop(admin, records);
      const url = routeUrl(workshopsApi.addSession, { id: w.id });
      // 2031-03-13T02:00Z is still 12 March in Bogotá (UTC-5): inside.
      const late = await admin('POST', url, { title: { es: 'Cierre' }, startsAt: '2031-03-13T01:00:00Z', endsAt: '2031-03-13T02:00:00Z' });
      expect(late.statusCode).toBe(201);
      const outside = await admin('POST', url, { title: { es: 'Después' }, startsAt: '2031-03-13T06:00:00Z', endsAt: '2031-03-13T07:00:00Z' });
      expect(outside.statusCode).toBe(400);
      expect(fieldsOf(outside).sort()).toEqual(['endsAt', 'startsAt']);
      const backwards = await admin('POST', url, { title: { en: 'Only English' }, startsAt: '2031-03-10T15:00:00Z', endsAt: '2031-03-10T14:00:00Z' });
      expect(fieldsOf(backwards).sort()).toEqual(['endsAt', 'title.es']);
      const speakers = await admin('POST', url, {
        title: { es: 'Panel' },
        startsAt: '2031-03-10T15:00:00Z',
        endsAt: '2031-03-10T16:00:00Z',
        speakers: [{ userId: '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44' }, { name: 'Ana Pérez', userId: '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44' }],
      });
      expect(speakers.statusCode).toBe(400);
      expect(fieldsOf(speakers)).toEqual(['speakers']);
      // Moving the dates away from a session is refused too.
      const moved = await admin('PATCH', routeUrl(workshopsApi.updateWorkshop, { id: w.id }), { startDate: '2031-04-01', endDate: '2031-04-02' });
      expect(moved.statusCode).toBe(400);
      expect(fieldsOf(moved)).toEqual(['startDate']);
    });
  });

  describe('agenda', () => {
    it('adds, changes and removes sessions with speakers by account or by name', async () => {
      const w = await createWorkshop(admin, records);
      const speaker = await person(t, { displayName: 'สมชาย ใจดี' });
      const add = await admin('POST', routeUrl(workshopsApi.addSession, { id: w.id }), {
        title: { es: 'Apertura', en: 'Opening' },
        speakers: [{ userId: speaker.id }, { name: 'Ana Pérez' }],
        room: 'Sala 1',
        startsAt: '2031-03-10T14:00:00Z',
        endsAt: '2031-03-10T15:30:00Z',
      });
      expect(add.statusCode).toBe(201);
      const session = add.json() as WorkshopSessionView;
      expect(session.speakers).toEqual([
        { userId: speaker.id, name: 'สมชาย ใจดี' },
        { userId: null, name: 'Ana Pérez' },
      ]);
      const patch = await admin('PATCH', routeUrl(workshopsApi.updateSession, { id: w.id, sessionId: session.id }), { room: null, endsAt: '2031-03-10T16:00:00Z' });
      expect(patch.json()).toMatchObject({ room: null, endsAt: '2031-03-10T16:00:00.000Z' });
      const read = (await admin('GET', routeUrl(workshopsApi.organiserWorkshop, { id: w.id }))).json() as WorkshopView;
      expect(read.sessions.map((s) => s.id)).toEqual([session.id]);
      const del = await admin('DELETE', routeUrl(workshopsApi.deleteSession, { id: w.id, sessionId: session.id }));
      expect(del.statusCode).toBe(204);
      const again = await admin('DELETE', routeUrl(workshopsApi.deleteSession, { id: w.id, sessionId: session.id }));
      expect(again.statusCode).toBe(404);
    });
  });

  describe('lifecycle', () => {
    it('walks draft → published → registration-closed → in-progress → held → report-published', async () => {
      const w = await createWorkshop(admin, records);
      expect(w.status).toBe('draft');
      for (const to of ['published', 'registration-closed', 'in-progress', 'held', 'report-published']) {
        const res = await admin('POST', routeUrl(workshopsApi.setWorkshopStatus, { id: w.id }), { to });
        expect(res.statusCode).toBe(200);
        expect((res.json() as WorkshopView).status).toBe(to);
      }
    });

    it.each([
      [[], 'held', 'draft'],
      [['published'], 'in-progress', 'published'],
      [['published', 'registration-closed', 'in-progress', 'held'], 'cancelled', 'held'],
      [['cancelled'], 'published', 'cancelled'],
      [['published', 'registration-closed', 'in-progress', 'held', 'report-published'], 'draft', 'report-published'],
    ])('after %j refuses %s with a 409 naming the current state', async (steps, to, current) => {
      const w = await createWorkshop(admin, records);
      for (const step of steps) await setStatus(admin, w.id, step);
      const res = await admin('POST', routeUrl(workshopsApi.setWorkshopStatus, { id: w.id }), { to });
      expect(res.statusCode).toBe(409);
      const problem = res.json() as { detail: string; status: number };
      expect(problem.detail).toContain(`is ${current}`);
      expect(res.json()).toMatchObject({ currentStatus: current });
      expect((await admin('GET', routeUrl(workshopsApi.organiserWorkshop, { id: w.id }))).json()).toMatchObject({ status: current });
    });

    it('cancels at any point before held, keeping the reason and announcing it', async () => {
      const w = await createWorkshop(admin, records);
      await setStatus(admin, w.id, 'published');
      await setStatus(admin, w.id, 'registration-closed');
      await setStatus(admin, w.id, 'in-progress');
      const res = await admin('POST', routeUrl(workshopsApi.setWorkshopStatus, { id: w.id }), { to: 'cancelled', reason: 'Hurricane warning' });
      expect(res.json()).toMatchObject({ status: 'cancelled', cancelledReason: 'Hurricane warning' });
      const [event] = (await t.app.get(DataSource).query(
        `SELECT payload FROM outbox_events WHERE type = 'workshop.cancelled' AND payload->>'workshopId' = $1`,
        [w.id],
      )) as { payload: unknown }[];
      expect(event?.payload).toEqual({ workshopId: w.id });
    });

    it('refuses a status that does not exist, naming the field', async () => {
      const w = await createWorkshop(admin, records);
      const res = await admin('POST', routeUrl(workshopsApi.setWorkshopStatus, { id: w.id }), { to: 'finished' });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['to']);
    });
  });

  it("keeps the host institution: the directory refuses its delete and names the workshops", async () => {
    const own = await directoryRecords(admin);
    await createWorkshop(admin, own);
    const res = await admin('DELETE', routeUrl(directoryApi.deleteInstitution, { id: own.institutionId }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ references: { workshops: 1 } });
  });

  it('describes the workshop routes in the OpenAPI document', async () => {
    const doc = (await visitor('GET', '/api/docs.json')).json() as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/workshops', '/api/workshops/{slug}', '/api/organiser/workshops/{id}/status']),
    );
    expect(doc.components.schemas['CreateWorkshopDto']?.required).toEqual(
      expect.arrayContaining(['slug', 'kind', 'title', 'hostInstitutionId', 'timeZone', 'startDate', 'registrationMode']),
    );
  });

  describe('who sees what', () => {
    it('shows a draft to nobody but its organisers, and a published workshop to visitors in their language', async () => {
      const w = await createWorkshop(admin, records);
      const url = routeUrl(workshopsApi.workshop, { slug: w.slug });
      expect((await visitor('GET', url)).statusCode).toBe(404);
      expect((await admin('GET', url)).statusCode).toBe(200);
      await setStatus(admin, w.id, 'published');
      const en = (await t.request({ method: 'GET', url, headers: { 'accept-language': 'en' } })).json() as WorkshopPublicView;
      expect(en).toMatchObject({ title: 'Interregional exchange', locale: 'en', onlineUrl: null, registrationOpen: true });
      expect(en.hostInstitution?.id).toBe(records.institutionId);
      expect(en.participatingRegions.map((r) => r.id)).toEqual(records.regionIds);
      // Portuguese is missing: the default language (es) answers.
      const pt = (await visitor('GET', routeUrl(workshopsApi.workshop, { slug: w.slug }, { locale: 'pt' }))).json() as WorkshopPublicView;
      expect(pt).toMatchObject({ title: 'Intercambio interregional', locale: 'es' });
      const list = (await visitor('GET', routeUrl(workshopsApi.workshops, { regionId: records.regionIds[1], limit: 100 }))).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).toContain(w.id);
    });

    it('lists by month: a workshop spanning two months appears in both, and a bad month names the field', async () => {
      const w = await createWorkshop(admin, records, { startDate: '2032-04-29', endDate: '2032-05-02' });
      await setStatus(admin, w.id, 'published');
      const ids = async (month: string) =>
        ((await visitor('GET', routeUrl(workshopsApi.workshops, { month, regionId: records.regionIds[0], limit: 100 }))).json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(await ids('2032-04')).toContain(w.id);
      expect(await ids('2032-05')).toContain(w.id);
      expect(await ids('2032-03')).not.toContain(w.id);
      expect(await ids('2032-06')).not.toContain(w.id);
      const bad = await visitor('GET', routeUrl(workshopsApi.workshops, { month: '2032-13' }));
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toContain('month');
    });

    it('lets a trainee create nothing and see no organiser data, until an admin grants the workshop', async () => {
      const w = await createWorkshop(admin, records);
      const trainee = await person(t);
      expect((await trainee.call('POST', routeUrl(workshopsApi.createWorkshop), workshopBody(records))).statusCode).toBe(403);
      expect((await trainee.call('GET', routeUrl(workshopsApi.organiserWorkshop, { id: w.id }))).statusCode).toBe(404);
      expect((await trainee.call('PATCH', routeUrl(workshopsApi.updateWorkshop, { id: w.id }), { capacity: 5 })).statusCode).toBe(404);
      expect((await trainee.call('GET', routeUrl(workshopsApi.workshopOrganisers, { id: w.id }))).statusCode).toBe(403);

      const grant = await admin('PUT', routeUrl(workshopsApi.grantOrganiser, { id: w.id, userId: trainee.id }));
      expect(grant.statusCode).toBe(200);
      expect((grant.json() as { userId: string }[]).map((o) => o.userId)).toEqual([trainee.id]);
      expect((await admin('PUT', routeUrl(workshopsApi.grantOrganiser, { id: w.id, userId: trainee.id }))).json()).toHaveLength(1);

      const patched = await trainee.call('PATCH', routeUrl(workshopsApi.updateWorkshop, { id: w.id }), { capacity: 5 });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ capacity: 5 });
      const mine = (await trainee.call('GET', routeUrl(workshopsApi.organiserWorkshops))).json() as { items: { id: string }[] };
      expect(mine.items.map((i) => i.id)).toEqual([w.id]);
      // Organising one workshop gives nothing on another.
      const other = await createWorkshop(admin, records);
      expect((await trainee.call('GET', routeUrl(workshopsApi.organiserWorkshop, { id: other.id }))).statusCode).toBe(404);

      expect((await admin('DELETE', routeUrl(workshopsApi.revokeOrganiser, { id: w.id, userId: trainee.id }))).statusCode).toBe(204);
      expect((await trainee.call('GET', routeUrl(workshopsApi.organiserWorkshop, { id: w.id }))).statusCode).toBe(404);
    });
  });
});
