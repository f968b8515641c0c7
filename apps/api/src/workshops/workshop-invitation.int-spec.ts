import { DataSource } from 'typeorm';
import {
  routeUrl,
  workshopsApi,
  type AcceptWorkshopInvitationResult,
  type WorkshopInvitationView,
  type WorkshopView,
} from '@aula/contracts';
import { WorkshopInvitationService } from '@aula/server/workshops';
import { startTestApp, uniqueEmail, type TestApp } from '../testing/test-app';
import {
  caller,
  directoryRecords,
  fieldsOf,
  person,
  publishedWorkshop,
  signInAdmin,
  type Caller,
} from './testing/workshop-fixtures';

describe('workshop invitations over HTTP: invite, accept with or without an account, revoke', () => {
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

  const invite = async (w: WorkshopView, emails: string[]): Promise<WorkshopInvitationView[]> => {
    const res = await admin('POST', routeUrl(workshopsApi.inviteToWorkshop, { id: w.id }), { emails });
    if (res.statusCode !== 201) throw new Error(`invite: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const tokenOf = async (invitationId: string): Promise<string> => {
    const issued = await t.app.get(WorkshopInvitationService).issueToken(invitationId);
    if (!issued) throw new Error('no token');
    return issued.token;
  };
  const accept = (as: Caller, body: Record<string, unknown>) => as('POST', routeUrl(workshopsApi.acceptWorkshopInvitation), body);
  const listOf = async (w: WorkshopView): Promise<WorkshopInvitationView[]> =>
    (await admin('GET', routeUrl(workshopsApi.workshopInvitations, { id: w.id }))).json();

  it('invites several addresses at once, writes the event for each, and lists them pending', async () => {
    const w = await publishedWorkshop(admin, records, { registrationMode: 'invitation' });
    const someone = await person(t);
    const [accountEmail] = (await t.app.get(DataSource).query('SELECT email FROM users WHERE id = $1', [someone.id])) as { email: string }[];
    const fresh = uniqueEmail('inv');
    const invited = await invite(w, [fresh.toUpperCase(), accountEmail!.email, fresh]);
    expect(invited.map((i) => [i.email, i.status, i.userId])).toEqual([
      [fresh.toLowerCase(), 'pending', null],
      [accountEmail!.email, 'pending', someone.id],
    ]);
    const events = (await t.app.get(DataSource).query(
      `SELECT payload FROM outbox_events WHERE type = 'workshop-invitation.sent' AND payload->>'workshopId' = $1`,
      [w.id],
    )) as { payload: { email: string } }[];
    expect(events.map((e) => e.payload.email).sort()).toEqual([fresh.toLowerCase(), accountEmail!.email].sort());
    expect((await listOf(w)).map((i) => i.status)).toEqual(['pending', 'pending']);
    const bad = await admin('POST', routeUrl(workshopsApi.inviteToWorkshop, { id: w.id }), { emails: ['nope'] });
    expect(fieldsOf(bad)).toEqual(['emails']);
    const stranger = await person(t);
    expect((await stranger.call('POST', routeUrl(workshopsApi.inviteToWorkshop, { id: w.id }), { emails: [fresh] })).statusCode).toBe(404);
  });

  it('makes the account on acceptance for an address without one, and confirms the seat', async () => {
    const w = await publishedWorkshop(admin, records, { registrationMode: 'invitation', capacity: 5 });
    const email = uniqueEmail('newbie');
    const [invitation] = await invite(w, [email]);
    const token = await tokenOf(invitation!.id);
    const missing = await accept(visitor, { token });
    expect(fieldsOf(missing).sort()).toEqual(['displayName', 'password']);
    const res = await accept(visitor, { token, displayName: 'Nomvula Dlamini', password: 'a long enough password', locale: 'pt' });
    expect(res.statusCode).toBe(201);
    const result = res.json() as AcceptWorkshopInvitationResult;
    expect(result.registration).toMatchObject({ workshopId: w.id, status: 'confirmed' });
    expect(result.session?.user).toMatchObject({ email: email.toLowerCase(), displayName: 'Nomvula Dlamini', locale: 'pt' });
    // Signed in at once: the new account sees its registration.
    const me = caller(t, result.session!.accessToken);
    expect((await me('GET', routeUrl(workshopsApi.myRegistration, { slug: w.slug }))).json()).toMatchObject({ status: 'confirmed' });
    // Used: a second acceptance is refused, and the list says accepted.
    expect(fieldsOf(await accept(visitor, { token, displayName: 'X', password: 'a long enough password' }))).toEqual(['token']);
    expect((await listOf(w))[0]).toMatchObject({ status: 'accepted', registrationId: result.registration.id, userId: result.registration.userId });
  });

  it('asks a person with an account to sign in, and waitlists them when the workshop is full', async () => {
    const w = await publishedWorkshop(admin, records, { registrationMode: 'invitation', capacity: 1 });
    const [a, b] = [await person(t), await person(t)];
    const emails = (await t.app.get(DataSource).query('SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [[a.id, b.id]])) as {
      id: string;
      email: string;
    }[];
    const emailOf = (id: string) => emails.find((e) => e.id === id)!.email;
    const [ia, ib] = await invite(w, [emailOf(a.id), emailOf(b.id)]);
    const ta = await tokenOf(ia!.id);
    expect((await accept(visitor, { token: ta })).statusCode).toBe(401);
    expect((await accept(b.call, { token: ta })).statusCode).toBe(409);
    const first = (await accept(a.call, { token: ta })).json() as AcceptWorkshopInvitationResult;
    expect(first).toMatchObject({ registration: { status: 'confirmed', userId: a.id }, workshopSlug: w.slug, session: null });
    const second = (await accept(b.call, { token: await tokenOf(ib!.id) })).json() as AcceptWorkshopInvitationResult;
    expect(second.registration).toMatchObject({ status: 'waitlisted', userId: b.id, waitlistPosition: 1 });
  });

  it('refuses revoked, expired, replaced and unknown tokens', async () => {
    const w = await publishedWorkshop(admin, records, { registrationMode: 'invitation' });
    const [revoked, expired, replaced] = await invite(w, [uniqueEmail('r'), uniqueEmail('e'), uniqueEmail('p')]);
    const body = { displayName: 'Invitada', password: 'a long enough password' };

    const revokedToken = await tokenOf(revoked!.id);
    const res = await admin('DELETE', routeUrl(workshopsApi.revokeWorkshopInvitation, { id: revoked!.id }));
    expect(res.statusCode).toBe(200);
    expect((res.json() as WorkshopInvitationView).status).toBe('revoked');
    expect(fieldsOf(await accept(visitor, { token: revokedToken, ...body }))).toEqual(['token']);
    expect(await t.app.get(WorkshopInvitationService).issueToken(revoked!.id)).toBeNull();

    const expiredToken = await tokenOf(expired!.id);
    await t.app.get(DataSource).query(`UPDATE workshop_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired!.id]);
    expect(fieldsOf(await accept(visitor, { token: expiredToken, ...body }))).toEqual(['token']);

    const older = await tokenOf(replaced!.id);
    const newer = await tokenOf(replaced!.id);
    expect(fieldsOf(await accept(visitor, { token: older, ...body }))).toEqual(['token']);
    expect((await accept(visitor, { token: newer, ...body })).statusCode).toBe(201);
    expect((await admin('DELETE', routeUrl(workshopsApi.revokeWorkshopInvitation, { id: replaced!.id }))).statusCode).toBe(409);

    expect(fieldsOf(await accept(visitor, { token: 'not-a-token', ...body }))).toEqual(['token']);
    const statuses = Object.fromEntries((await listOf(w)).map((i) => [i.id, i.status]));
    expect(statuses).toEqual({ [revoked!.id]: 'revoked', [expired!.id]: 'expired', [replaced!.id]: 'accepted' });
  });

  it('refuses acceptance once the workshop no longer takes participants, and keeps the invitation pending', async () => {
    const w = await publishedWorkshop(admin, records, { registrationMode: 'invitation' });
    const [invitation] = await invite(w, [uniqueEmail('late')]);
    const token = await tokenOf(invitation!.id);
    await admin('POST', routeUrl(workshopsApi.setWorkshopStatus, { id: w.id }), { to: 'cancelled', reason: 'Sin sede' });
    const res = await accept(visitor, { token, displayName: 'Tardía', password: 'a long enough password' });
    expect(res.statusCode).toBe(409);
    expect((await listOf(w))[0]).toMatchObject({ status: 'pending', registrationId: null });
  });
});
