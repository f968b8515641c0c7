import { DataSource } from 'typeorm';
import {
  routeUrl,
  workshopsApi,
  type Page,
  type WorkshopPublicView,
  type WorkshopRegistrationRow,
  type WorkshopRegistrationView,
  type WorkshopView,
} from '@aula/contracts';
import { OfferExpiryService, RegistrationService } from '@aula/server/workshops';
import { startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import {
  caller,
  directoryRecords,
  fieldsOf,
  people,
  person,
  publishedWorkshop,
  setStatus,
  signInAdmin,
  type Caller,
  type Person,
} from './testing/workshop-fixtures';

const HOUR = 3_600_000;

describe('workshop registration over HTTP: seats, waiting list, quota, offers and privacy', () => {
  let t: TestApp;
  let admin: Caller;
  let records: Awaited<ReturnType<typeof directoryRecords>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = caller(t, await signInAdmin(t));
    records = await directoryRecords(admin);
  });
  afterAll(() => t.close());

  const register = (p: Person, w: WorkshopView, body: Record<string, unknown> = {}): Promise<TestResponse> =>
    p.call('POST', routeUrl(workshopsApi.register, { slug: w.slug }), body);
  const registered = async (p: Person, w: WorkshopView, body: Record<string, unknown> = {}): Promise<WorkshopRegistrationView> => {
    const res = await register(p, w, body);
    if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const mine = async (p: Person, w: WorkshopView): Promise<WorkshopRegistrationView> =>
    (await p.call('GET', routeUrl(workshopsApi.myRegistration, { slug: w.slug }))).json();
  const allRegistrations = async (w: WorkshopView): Promise<WorkshopRegistrationRow[]> => {
    const rows: WorkshopRegistrationRow[] = [];
    let cursor: string | null = null;
    do {
      const page = (await admin('GET', routeUrl(workshopsApi.registrations, { id: w.id }, { limit: 100, cursor }))).json() as Page<WorkshopRegistrationRow>;
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  };
  const seatsTaken = async (w: WorkshopView): Promise<number> =>
    ((await admin('GET', routeUrl(workshopsApi.organiserWorkshop, { id: w.id }))).json() as WorkshopView).seatsTaken;
  const events = async (type: string, registrationId: string): Promise<Record<string, unknown>[]> =>
    ((await t.app.get(DataSource).query(`SELECT payload FROM outbox_events WHERE type = $1 AND payload->>'registrationId' = $2 ORDER BY created_at`, [
      type,
      registrationId,
    ])) as { payload: Record<string, unknown> }[]).map((r) => r.payload);

  it('gives 30 seats to the first 30 of 150 people registering at once, and waitlists the rest in arrival order', async () => {
    const w = await publishedWorkshop(admin, records, { capacity: 30 });
    const crowd = await people(t, 150);
    const answers = await Promise.all(crowd.map((p) => register(p, w)));
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 201)).toEqual([]);
    const views = answers.map((a) => a.json() as WorkshopRegistrationView);
    expect(views.filter((v) => v.status === 'confirmed')).toHaveLength(30);
    expect(views.filter((v) => v.status === 'waitlisted')).toHaveLength(120);
    // Arrival numbers are 1..150 and the seats went to the first 30 arrivals.
    expect(views.map((v) => v.arrival).sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    for (const v of views) expect(v.status).toBe(v.arrival <= 30 ? 'confirmed' : 'waitlisted');

    const rows = await allRegistrations(w);
    expect(rows.map((r) => r.arrival)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    expect(waiting.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(await seatsTaken(w)).toBe(30);
    const page = (await caller(t, null)('GET', routeUrl(workshopsApi.workshop, { slug: w.slug }))).json() as WorkshopPublicView;
    expect(page.seatsLeft).toBe(0);
  });

  it('answers a second registration with a 409 carrying the first, and keeps one', async () => {
    const w = await publishedWorkshop(admin, records, { capacity: 5 });
    const p = await person(t);
    const first = await registered(p, w);
    const again = await Promise.all([register(p, w), register(p, w)]);
    for (const res of again) {
      expect(res.statusCode).toBe(409);
      expect((res.json() as { registration: WorkshopRegistrationView }).registration).toMatchObject({ id: first.id, status: 'confirmed' });
    }
    expect(await allRegistrations(w)).toHaveLength(1);
    expect(await seatsTaken(w)).toBe(1);
  });

  it('keeps a country to its quota: the seat goes to the next country, the extra person waits', async () => {
    const w = await publishedWorkshop(admin, records, { capacity: 4, countryQuota: 2 });
    const [ar1, ar2, ar3, co1, co2] = await people(t, 5);
    expect((await registered(ar1, w, { country: 'AR' })).status).toBe('confirmed');
    expect((await registered(ar2, w, { country: 'AR' })).status).toBe('confirmed');
    expect((await registered(ar3, w, { country: 'AR' })).status).toBe('waitlisted');
    expect((await registered(co1, w, { country: 'CO' })).status).toBe('confirmed');
    // The account's country stands in when none is given.
    const [co2WithAccount] = await people(t, 1, { country: 'CO' });
    expect((await registered(co2WithAccount, w)).status).toBe('confirmed');
    expect(await seatsTaken(w)).toBe(4);
    // Full now: anyone else waits behind the Argentine.
    expect((await registered(co2, w, { country: 'CO' })).status).toBe('waitlisted');
    // An Argentine seat freed goes to the Argentine waiting first.
    const ar1Reg = await mine(ar1, w);
    await ar1.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: ar1Reg.id }));
    expect((await mine(ar3, w)).status).toBe('offered');
    expect((await mine(co2, w)).status).toBe('waitlisted');

    const noCountry = await person(t);
    const refused = await register(noCountry, w);
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['country']);
    expect(fieldsOf(await register(noCountry, w, { country: 'ZZ' }))).toEqual(['country']);
  });

  it('offers a freed seat to the next in line with a deadline, and passes it on when the deadline passes', async () => {
    const w = await publishedWorkshop(admin, records, { capacity: 2, holdHours: 24 });
    const [a, b, c, d] = await people(t, 4);
    for (const p of [a, b, c, d]) await registered(p, w);
    expect((await mine(c, w)).waitlistPosition).toBe(1);
    expect((await mine(d, w)).waitlistPosition).toBe(2);

    const before = Date.now();
    const withdrawn = await a.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: (await mine(a, w)).id }));
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    const offer = await mine(c, w);
    expect(offer.status).toBe('offered');
    const deadline = Date.parse(offer.offerExpiresAt ?? '');
    expect(deadline).toBeGreaterThanOrEqual(before + 24 * HOUR - 1000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 24 * HOUR + 1000);
    expect(await events('workshop-registration.promoted', offer.id)).toEqual([
      { registrationId: offer.id, workshopId: w.id, userId: c.id, offerExpiresAt: offer.offerExpiresAt },
    ]);
    // The offer holds the seat: nobody new takes it, D keeps waiting, first in line now.
    expect(await seatsTaken(w)).toBe(2);
    expect((await mine(d, w)).waitlistPosition).toBe(1);
    // Not a confirmed participant yet: no online link.
    expect(((await c.call('GET', routeUrl(workshopsApi.workshop, { slug: w.slug }))).json() as WorkshopPublicView).onlineUrl).toBeNull();

    // Confirming after the deadline is refused, even before the sweep has run.
    const afterDeadline = new Date(deadline + 1000);
    await expect(
      t.app.get(RegistrationService).confirmOffer({ id: c.id, roles: ['trainee'], sid: 'test' }, offer.id, afterDeadline),
    ).rejects.toThrow(/expired/);
    expect((await mine(c, w)).status).toBe('offered');

    // Nothing is due yet.
    const expiry = t.app.get(OfferExpiryService);
    expect(await expiry.expireOffers(new Date(), w.id)).toBe(0);
    // 25 hours later C has not confirmed: the offer lapses and D gets one, with its own deadline.
    const later = new Date(Date.now() + 25 * HOUR);
    expect(await expiry.expireOffers(later, w.id)).toBe(1);
    expect(await expiry.expireOffers(later, w.id)).toBe(0);
    expect((await mine(c, w)).status).toBe('expired');
    expect(await events('workshop-registration.cancelled', offer.id)).toEqual([
      { registrationId: offer.id, workshopId: w.id, userId: c.id, reason: 'offer-expired' },
    ]);
    const next = await mine(d, w);
    expect(next.status).toBe('offered');
    expect(Date.parse(next.offerExpiresAt ?? '')).toBe(later.getTime() + 24 * HOUR);

    const late = await c.call('POST', routeUrl(workshopsApi.confirmOffer, { id: offer.id }));
    expect(late.statusCode).toBe(409);
    expect((late.json() as { detail: string }).detail).toContain('expired');
    const taken = await d.call('POST', routeUrl(workshopsApi.confirmOffer, { id: next.id }));
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'confirmed', offerExpiresAt: null });
    expect(((await d.call('GET', routeUrl(workshopsApi.workshop, { slug: w.slug }))).json() as WorkshopPublicView).onlineUrl).toBe(
      'https://meet.example.org/taller',
    );
    expect(await seatsTaken(w)).toBe(2);
  });

  it('lets people withdraw their own registration only, once, and come back as a new arrival', async () => {
    const w = await publishedWorkshop(admin, records, { capacity: 1 });
    const [a, b] = await people(t, 2);
    const first = await registered(a, w);
    const other = await b.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: first.id }));
    expect(other.statusCode).toBe(404);
    expect((await a.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: first.id }))).statusCode).toBe(200);
    const twice = await a.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: first.id }));
    expect(twice.statusCode).toBe(409);
    expect(await seatsTaken(w)).toBe(0);
    expect((await registered(b, w)).status).toBe('confirmed');
    const back = await registered(a, w);
    expect(back).toMatchObject({ id: first.id, status: 'waitlisted', arrival: 3, waitlistPosition: 1 });
    expect((await a.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: 'not-a-uuid' }))).statusCode).toBe(400);
  });

  it('refuses withdrawing once the workshop is in progress', async () => {
    const w = await publishedWorkshop(admin, records);
    const p = await person(t);
    const reg = await registered(p, w);
    await setStatus(admin, w.id, 'registration-closed');
    await setStatus(admin, w.id, 'in-progress');
    const res = await p.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: reg.id }));
    expect(res.statusCode).toBe(409);
    expect((await mine(p, w)).status).toBe('confirmed');
  });

  it('takes applications that the organiser approves or declines with a reason', async () => {
    const w = await publishedWorkshop(admin, records, { registrationMode: 'application', capacity: 1 });
    const [a, b, c] = await people(t, 3);
    const app = await registered(a, w, { motivation: 'Planificamos la región.' });
    expect(app).toMatchObject({ status: 'pending', motivation: 'Planificamos la región.' });
    expect(await events('workshop-registration.received', app.id)).toHaveLength(1);
    expect((await a.call('POST', routeUrl(workshopsApi.approveRegistration, { id: app.id }))).statusCode).toBe(404);

    const approved = await admin('POST', routeUrl(workshopsApi.approveRegistration, { id: app.id }));
    expect(approved.json()).toMatchObject({ status: 'confirmed' });
    expect(await events('workshop-registration.confirmed', app.id)).toHaveLength(1);
    expect((await admin('POST', routeUrl(workshopsApi.approveRegistration, { id: app.id }))).statusCode).toBe(409);

    // The seat is taken: the next approval waits.
    const second = await registered(b, w);
    expect((await admin('POST', routeUrl(workshopsApi.approveRegistration, { id: second.id }))).json()).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });

    const third = await registered(c, w);
    const blank = await admin('POST', routeUrl(workshopsApi.declineRegistration, { id: third.id }), { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(fieldsOf(blank)).toEqual(['reason']);
    const declined = await admin('POST', routeUrl(workshopsApi.declineRegistration, { id: third.id }), { reason: 'Cupo de la región completo' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Cupo de la región completo' });
    expect(await events('workshop-registration.declined', third.id)).toHaveLength(1);
    // Declined is final: registering again is a 409 with it.
    const again = await register(c, w);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { registration: WorkshopRegistrationView }).registration.status).toBe('declined');
  });

  it('refuses registering by invitation only, and outside the registration window', async () => {
    const p = await person(t);
    const invite = await publishedWorkshop(admin, records, { registrationMode: 'invitation' });
    expect((await register(p, invite)).statusCode).toBe(403);
    const closed = await publishedWorkshop(admin, records);
    await setStatus(admin, closed.id, 'registration-closed');
    const res = await register(p, closed);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ currentStatus: 'registration-closed' });
    const later = await publishedWorkshop(admin, records, { registrationOpensAt: '2031-01-01T00:00:00Z' });
    expect((await register(p, later)).statusCode).toBe(409);
  });

  it("shows a workshop's participants to its organisers and confirmed participants only", async () => {
    const w1 = await publishedWorkshop(admin, records, { capacity: 1 });
    const w2 = await publishedWorkshop(admin, records);
    const [inW1, waiting, inW2] = await people(t, 3);
    await registered(inW1, w1);
    await registered(waiting, w1);
    await registered(inW2, w2);
    const session = await admin('POST', routeUrl(workshopsApi.addSession, { id: w1.id }), {
      title: { es: 'Sesión en línea' },
      link: 'https://meet.example.org/sesion-1',
      startsAt: '2031-03-10T14:00:00Z',
      endsAt: '2031-03-10T15:00:00Z',
    });
    expect(session.statusCode).toBe(201);
    const page = async (who: Caller) =>
      (await who('GET', routeUrl(workshopsApi.workshop, { slug: w1.slug }))).json() as WorkshopPublicView;
    expect((await page(inW1.call)).sessions[0]?.link).toBe('https://meet.example.org/sesion-1');
    expect((await page(inW1.call)).onlineUrl).toBe('https://meet.example.org/taller');
    expect((await page(waiting.call)).sessions[0]?.link).toBeNull();
    expect((await page(caller(t, null))).sessions[0]).toMatchObject({ title: 'Sesión en línea', link: null });

    const list = await inW1.call('GET', routeUrl(workshopsApi.participants, { slug: w1.slug }));
    expect(list.statusCode).toBe(200);
    expect((list.json() as { userId: string }[]).map((p) => p.userId)).toEqual([inW1.id]);
    expect((await admin('GET', routeUrl(workshopsApi.participants, { slug: w1.slug }))).statusCode).toBe(200);

    // A trainee of another workshop, or one still waiting, sees nothing of w1's people.
    expect((await inW2.call('GET', routeUrl(workshopsApi.participants, { slug: w1.slug }))).statusCode).toBe(404);
    expect((await waiting.call('GET', routeUrl(workshopsApi.participants, { slug: w1.slug }))).statusCode).toBe(404);
    expect((await inW1.call('GET', routeUrl(workshopsApi.participants, { slug: w2.slug }))).statusCode).toBe(404);
    expect((await inW1.call('GET', routeUrl(workshopsApi.registrations, { id: w1.id }))).statusCode).toBe(404);
    expect((await inW2.call('GET', routeUrl(workshopsApi.registrations, { id: w1.id }))).statusCode).toBe(404);
    expect((await caller(t, null)('GET', routeUrl(workshopsApi.participants, { slug: w1.slug }))).statusCode).toBe(401);
  });

  it('cancelling the workshop ends every registration still in play in the same change, one notice event each', async () => {
    const w = await publishedWorkshop(admin, records, { capacity: 1, countryQuota: null });
    const [seated, waiting, gone] = await people(t, 3);
    const first = await registered(seated!, w, { country: 'CO' });
    const second = await registered(waiting!, w, { country: 'CO' });
    const third = await registered(gone!, w, { country: 'CO' });
    await gone!.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: third.id }));
    const res = await admin('POST', routeUrl(workshopsApi.setWorkshopStatus, { id: w.id }), { to: 'cancelled', reason: 'Sin quórum' });
    expect(res.statusCode).toBe(200);

    expect((await mine(seated!, w)).status).toBe('cancelled');
    expect((await mine(waiting!, w)).status).toBe('cancelled');
    // Already withdrawn: left as it was, and not told twice.
    expect((await mine(gone!, w)).status).toBe('withdrawn');
    expect(await seatsTaken(w)).toBe(0);
    for (const r of [first, second])
      expect((await events('workshop-registration.cancelled', r.id)).filter((e) => e['reason'] === 'workshop-cancelled')).toEqual([
        { registrationId: r.id, workshopId: w.id, userId: r.userId, reason: 'workshop-cancelled' },
      ]);
    expect(await events('workshop-registration.cancelled', third.id)).toEqual([
      { registrationId: third.id, workshopId: w.id, userId: gone!.id, reason: 'withdrawn' },
    ]);
  });
});
