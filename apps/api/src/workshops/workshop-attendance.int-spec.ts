import { routeUrl, workshopsApi, type CheckInBatchResponse, type WorkshopAttendanceSheet, type WorkshopAttendanceView, type WorkshopCheckInCode, type WorkshopRegistrationView, type WorkshopRollEntry, type WorkshopSessionView, type WorkshopView } from '@aula/contracts';
import { AttendanceService } from '@aula/server/workshops';
import { startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import { caller, createWorkshop, directoryRecords, fieldsOf, person, setStatus, signInAdmin, type Caller, type Person } from './testing/workshop-fixtures';

describe('workshop attendance over HTTP: check-in codes, check-in, roll lists, offline batches and rates', () => {
  let t: TestApp;
  let admin: Caller;
  let records: Awaited<ReturnType<typeof directoryRecords>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = caller(t, await signInAdmin(t));
    records = await directoryRecords(admin);
  });
  afterAll(() => t.close());

  /** A published workshop with sessions of 2 h, 1 h and 1 h (4 h in all). */
  async function workshopWithSessions(overrides: Record<string, unknown> = {}): Promise<{ w: WorkshopView; sessions: WorkshopSessionView[] }> {
    const w = await createWorkshop(admin, records, overrides);
    const sessions: WorkshopSessionView[] = [];
    for (const [startsAt, endsAt] of [
      ['2031-03-10T14:00:00Z', '2031-03-10T16:00:00Z'],
      ['2031-03-11T14:00:00Z', '2031-03-11T15:00:00Z'],
      ['2031-03-12T14:00:00Z', '2031-03-12T15:00:00Z'],
    ]) {
      const res = await admin('POST', routeUrl(workshopsApi.addSession, { id: w.id }), { title: { es: `Sesión ${sessions.length + 1}` }, startsAt, endsAt });
      if (res.statusCode !== 201) throw new Error(`session: ${res.statusCode} ${res.body}`);
      sessions.push(res.json());
    }
    await setStatus(admin, w.id, 'published');
    return { w, sessions };
  }

  const registered = async (p: Person, w: WorkshopView): Promise<WorkshopRegistrationView> => {
    const res = await p.call('POST', routeUrl(workshopsApi.register, { slug: w.slug }), {});
    if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const codeOf = async (p: Person, w: WorkshopView): Promise<WorkshopCheckInCode> => {
    const res = await p.call('GET', routeUrl(workshopsApi.myCheckInCode, { slug: w.slug }));
    if (res.statusCode !== 200) throw new Error(`code: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const checkIn = (w: WorkshopView, s: WorkshopSessionView, code: string, by: Caller = admin): Promise<TestResponse> =>
    by('POST', routeUrl(workshopsApi.checkIn, { id: w.id, sessionId: s.id }), { code });
  const message = (res: TestResponse): string => (res.json() as { detail?: string; title?: string; message?: string }).detail ?? '';

  it('gives a confirmed participant a QR token and a short typed code, the same each time', async () => {
    const { w } = await workshopWithSessions();
    const p = await person(t);
    const reg = await registered(p, w);
    const code = await codeOf(p, w);
    expect(code.registrationId).toBe(reg.id);
    expect(code.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(code.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(await codeOf(p, w)).toEqual(code);
    // The QR code for the screen: a square of modules, drawn as one SVG path.
    expect(code.qr.size).toBeGreaterThanOrEqual(21);
    expect(code.qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const byId = await p.call('GET', routeUrl(workshopsApi.registrationCheckInCode, { id: reg.id }));
    expect(byId.json()).toEqual(code);
  });

  it('shows a code only to its holder and the organisers: 404 for another person, and none before a seat is confirmed', async () => {
    const { w } = await workshopWithSessions({ capacity: 1 });
    const holder = await person(t);
    const other = await person(t);
    const reg = await registered(holder, w);
    const waiting = await registered(other, w);
    expect(waiting.status).toBe('waitlisted');
    const code = await codeOf(holder, w);

    const peek = await other.call('GET', routeUrl(workshopsApi.registrationCheckInCode, { id: reg.id }));
    expect(peek.statusCode).toBe(404);
    expect(peek.body).not.toContain(code.token);
    const peekBadge = await other.call('GET', routeUrl(workshopsApi.registrationBadge, { id: reg.id }));
    expect(peekBadge.statusCode).toBe(404);
    expect((await other.call('GET', routeUrl(workshopsApi.myCheckInCode, { slug: w.slug }))).statusCode).toBe(404);
    // The organiser reads it (to print a badge again).
    expect((await admin('GET', routeUrl(workshopsApi.registrationCheckInCode, { id: reg.id }))).json()).toEqual(code);
    // A trainee is no organiser: the check-in route is a 404 for them.
    const { sessions } = await workshopWithSessions();
    expect((await checkIn(w, sessions[0], code.code, other.call)).statusCode).toBe(404);
  });

  it('checks a participant in by typed code or QR token; a second scan answers the first attendance', async () => {
    const { w, sessions } = await workshopWithSessions();
    const p = await person(t, { displayName: 'ສົມພອນ ວົງສາ' });
    await registered(p, w);
    const code = await codeOf(p, w);

    // Typed loosely: lower case, no dash, O for zero and spaces around.
    const loose = ` ${code.code.replace('-', '').toLowerCase().replace(/0/g, 'o')} `;
    const first = await checkIn(w, sessions[0], loose);
    expect(first.statusCode).toBe(200);
    const a = first.json() as WorkshopAttendanceView;
    expect(a).toMatchObject({ sessionId: sessions[0].id, userId: p.id, displayName: 'ສົມພອນ ວົງສາ', alreadyRecorded: false, method: 'typed' });

    const again = await checkIn(w, sessions[0], code.token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...a, alreadyRecorded: true });
    // Many scans at once still record one attendance.
    const burst = await Promise.all(Array.from({ length: 8 }, () => checkIn(w, sessions[1], code.token)));
    expect(burst.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(burst.filter((r) => !(r.json() as WorkshopAttendanceView).alreadyRecorded)).toHaveLength(1);

    const sheet = (await admin('GET', routeUrl(workshopsApi.attendanceSheet, { id: w.id }))).json() as WorkshopAttendanceSheet;
    expect(sheet.sessions.map((s) => s.present)).toEqual([1, 1, 0]);
    expect(sheet.participants[0].sessionIds.sort()).toEqual([sessions[0].id, sessions[1].id].sort());
  });

  it('refuses an unknown code (404), a withdrawn registration (409) and another workshop’s code (409) with a readable message', async () => {
    const { w, sessions } = await workshopWithSessions();
    const { w: otherWorkshop } = await workshopWithSessions();
    const gone = await person(t, { displayName: 'Ana Gómez' });
    const reg = await registered(gone, w);
    const goneCode = await codeOf(gone, w);
    expect((await gone.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: reg.id }))).statusCode).toBe(200);
    const elsewhere = await person(t);
    await registered(elsewhere, otherWorkshop);
    const elsewhereCode = await codeOf(elsewhere, otherWorkshop);

    const unknown = await checkIn(w, sessions[0], 'ZZZZZ-ZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(message(unknown)).toMatch(/no participant has this check-in code/i);
    const withdrawn = await checkIn(w, sessions[0], goneCode.code);
    expect(withdrawn.statusCode).toBe(409);
    expect(message(withdrawn)).toBe("Ana Gómez's registration is withdrawn, not confirmed: they cannot be checked in.");
    const foreign = await checkIn(w, sessions[0], elsewhereCode.token);
    expect(foreign.statusCode).toBe(409);
    expect(message(foreign)).toMatch(/another workshop/);
    // A session of another workshop is no session of this one.
    const { sessions: otherSessions } = await workshopWithSessions();
    expect((await checkIn(w, otherSessions[0], goneCode.code)).statusCode).toBe(404);
    const blank = await admin('POST', routeUrl(workshopsApi.checkIn, { id: w.id, sessionId: sessions[0].id }), { code: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(fieldsOf(blank)).toEqual(['code']);
    const sheet = (await admin('GET', routeUrl(workshopsApi.attendanceSheet, { id: w.id }))).json() as WorkshopAttendanceSheet;
    expect(sheet.sessions.map((s) => s.present)).toEqual([0, 0, 0]);
  });

  it('records each offline scan once, answering duplicates, resent scans and conflicts one by one', async () => {
    const { w, sessions } = await workshopWithSessions();
    const [a, b, c] = [await person(t), await person(t), await person(t)];
    for (const p of [a, b, c]) await registered(p, w);
    const [ca, cb, cc] = [await codeOf(a, w), await codeOf(b, w), await codeOf(c, w)];
    await c.call('POST', routeUrl(workshopsApi.withdrawRegistration, { id: cc.registrationId }));
    const { w: elsewhereWorkshop, sessions: otherSessions } = await workshopWithSessions();
    const elsewhere = await person(t);
    await registered(elsewhere, elsewhereWorkshop);
    const elsewhereCode = await codeOf(elsewhere, elsewhereWorkshop);
    const scannedAt = '2031-03-10T14:05:00.000Z';
    const url = routeUrl(workshopsApi.checkInBatch, { id: w.id });
    const items = [
      { clientId: 'scan-1', sessionId: sessions[0].id, code: ca.token, scannedAt },
      // the same person scanned twice offline
      { clientId: 'scan-2', sessionId: sessions[0].id, code: ca.code },
      { clientId: 'scan-3', sessionId: sessions[0].id, code: cb.code, method: 'typed' },
      { clientId: 'scan-4', sessionId: sessions[0].id, code: cc.token },
      { clientId: 'scan-5', sessionId: sessions[0].id, code: 'NOT-A-CODE' },
      { clientId: 'scan-6', sessionId: sessions[0].id, code: elsewhereCode.code },
      { clientId: 'scan-7', sessionId: otherSessions[0].id, code: cb.code },
    ];
    const first = await admin('POST', url, { items });
    expect(first.statusCode).toBe(200);
    const results = (first.json() as CheckInBatchResponse).results;
    expect(results.map((r) => [r.clientId, r.outcome, r.status])).toEqual([
      ['scan-1', 'recorded', 200],
      ['scan-2', 'already-recorded', 200],
      ['scan-3', 'recorded', 200],
      ['scan-4', 'not-confirmed', 409],
      ['scan-5', 'unknown-code', 404],
      ['scan-6', 'other-workshop', 409],
      ['scan-7', 'invalid', 404],
    ]);
    expect(results[0].attendance?.recordedAt).toBe(scannedAt);
    expect(results[3].message).toMatch(/withdrawn/);

    // The connection dropped before the answer came: the screen sends everything again.
    const resent = (await admin('POST', url, { items })).json() as CheckInBatchResponse;
    expect(resent.results.map((r) => r.outcome)).toEqual(['already-recorded', 'already-recorded', 'already-recorded', 'not-confirmed', 'unknown-code', 'other-workshop', 'invalid']);
    // Marked absent on the roll meanwhile, a resent old scan does not bring the attendance back.
    await admin('PUT', routeUrl(workshopsApi.markAttendance, { id: w.id, sessionId: sessions[0].id, registrationId: cb.registrationId }), { present: false });
    const again = (await admin('POST', url, { items })).json() as CheckInBatchResponse;
    expect(again.results.map((r) => r.outcome)).toEqual([
      'already-recorded',
      'already-recorded',
      'superseded',
      'not-confirmed',
      'unknown-code',
      'other-workshop',
      'invalid',
    ]);
    const roll = (await admin('GET', routeUrl(workshopsApi.rollList, { id: w.id, sessionId: sessions[0].id }))).json() as WorkshopRollEntry[];
    expect(roll.filter((r) => r.present).map((r) => r.registrationId)).toEqual([ca.registrationId]);
    // A new scan of the same person (a new client id) checks them in again.
    const rescan = (await admin('POST', url, { items: [{ clientId: 'scan-8', sessionId: sessions[0].id, code: cb.code }] })).json() as CheckInBatchResponse;
    expect(rescan.results[0].outcome).toBe('recorded');

    const bad = await admin('POST', url, { items: [{ clientId: 'has space', sessionId: 'nope', code: '' }] });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).sort()).toEqual(['items.0.clientId', 'items.0.code', 'items.0.sessionId']);
    expect(fieldsOf(await admin('POST', url, { items: [] }))).toEqual(['items']);
  });

  it('marks attendance of an online session from the roll list, present and absent', async () => {
    const { w, sessions } = await workshopWithSessions({ format: 'online', venue: null });
    const [a, b] = [await person(t, { displayName: 'Bruno' }), await person(t, { displayName: 'Ana' })];
    const ra = await registered(a, w);
    const rb = await registered(b, w);
    const rollUrl = routeUrl(workshopsApi.rollList, { id: w.id, sessionId: sessions[1].id });
    const mark = (registrationId: string, present: boolean) =>
      admin('PUT', routeUrl(workshopsApi.markAttendance, { id: w.id, sessionId: sessions[1].id, registrationId }), { present });

    let roll = (await admin('GET', rollUrl)).json() as WorkshopRollEntry[];
    expect(roll.map((r) => [r.displayName, r.present])).toEqual([
      ['Ana', false],
      ['Bruno', false],
    ]);
    const marked = await mark(ra.id, true);
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ registrationId: ra.id, present: true, method: 'roll' });
    await mark(ra.id, true);
    await mark(rb.id, true);
    await mark(rb.id, false);
    roll = (await admin('GET', rollUrl)).json() as WorkshopRollEntry[];
    expect(roll.map((r) => [r.displayName, r.present])).toEqual([
      ['Ana', false],
      ['Bruno', true],
    ]);
    expect(fieldsOf(await admin('PUT', routeUrl(workshopsApi.markAttendance, { id: w.id, sessionId: sessions[1].id, registrationId: ra.id }), {}))).toEqual(['present']);
    // A trainee cannot read the roll.
    expect((await a.call('GET', rollUrl)).statusCode).toBe(404);
  });

  it('computes each participant’s share of session hours against the threshold', async () => {
    const { w, sessions } = await workshopWithSessions({ attendanceThreshold: 75 });
    const full = await person(t, { displayName: 'Ana' });
    const three = await person(t, { displayName: 'Beto' });
    const half = await person(t, { displayName: 'Carla' });
    const none = await person(t, { displayName: 'Dora' });
    for (const p of [full, three, half, none]) await registered(p, w);
    const attend = async (p: Person, indexes: number[]) => {
      const code = await codeOf(p, w);
      for (const i of indexes) expect((await checkIn(w, sessions[i], code.code)).statusCode).toBe(200);
    };
    await attend(full, [0, 1, 2]);
    await attend(three, [0, 1]); // 2 h + 1 h of 4 h: exactly 75%
    await attend(half, [0]); // 2 h of 4 h
    const sheet = (await admin('GET', routeUrl(workshopsApi.attendanceSheet, { id: w.id }))).json() as WorkshopAttendanceSheet;
    expect(sheet.totalHours).toBe(4);
    expect(sheet.threshold).toBe(75);
    expect(sheet.confirmed).toBe(4);
    expect(sheet.participants.map((p) => [p.displayName, p.attendedHours, p.rate, p.meetsThreshold])).toEqual([
      ['Ana', 4, 1, true],
      ['Beto', 3, 0.75, true],
      ['Carla', 2, 0.5, false],
      ['Dora', 0, 0, false],
    ]);
    // The service method certificates will use says the same.
    const rates = await t.app.get(AttendanceService).attendanceRates(w.id);
    expect(rates.filter((r) => r.meetsThreshold).map((r) => r.userId).sort()).toEqual([full.id, three.id].sort());
  });

  it('prints a participant’s badge and the organiser’s sheet of all badges as PDF', async () => {
    const { w } = await workshopWithSessions();
    const p = await person(t, { displayName: 'สมชาย ใจดี' });
    const reg = await registered(p, w);
    const own = await p.call('GET', routeUrl(workshopsApi.registrationBadge, { id: reg.id }));
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('application/pdf');
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const all = await admin('GET', routeUrl(workshopsApi.workshopBadges, { id: w.id }));
    expect(all.statusCode).toBe(200);
    expect(all.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await p.call('GET', routeUrl(workshopsApi.workshopBadges, { id: w.id }))).statusCode).toBe(404);
  });
});
