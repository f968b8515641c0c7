import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  certificationApi,
  routeUrl,
  workshopsApi,
  type CertificateVerification,
  type MyWorkshopCertificate,
  type WorkshopCheckInCode,
  type WorkshopSessionView,
  type WorkshopView,
} from '@aula/contracts';
import { NOTO } from '@aula/server/fonts';
import { OutboxEvent } from '@aula/server/outbox';
import { WorkshopCertificate, WorkshopCertificateService } from '@aula/server/workshops';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  caller,
  createWorkshop,
  directoryRecords,
  person,
  setStatus,
  signInAdmin,
  type Caller,
  type Person,
} from './testing/workshop-fixtures';

// Needs poppler-utils (pdftotext, pdffonts).
jest.setTimeout(120_000);

/**
 * Participation certificates: marking a workshop held writes `workshop.held`; its handler issues one
 * certificate per participant at or above the threshold, once, whatever the deliveries; the code
 * verifies publicly; the holder downloads the PDF.
 */
describe('workshop participation certificates', () => {
  let t: TestApp;
  let admin: Caller;
  let records: Awaited<ReturnType<typeof directoryRecords>>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'aula-workshop-certificates-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = caller(t, await signInAdmin(t));
    records = await directoryRecords(admin);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A published workshop with sessions of 2 h, 1 h and 1 h (4 h in all). */
  async function workshopWithSessions(
    overrides: Record<string, unknown> = {},
  ): Promise<{ w: WorkshopView; sessions: WorkshopSessionView[] }> {
    const w = await createWorkshop(admin, records, overrides);
    const sessions: WorkshopSessionView[] = [];
    for (const [startsAt, endsAt] of [
      ['2031-03-10T14:00:00Z', '2031-03-10T16:00:00Z'],
      ['2031-03-11T14:00:00Z', '2031-03-11T15:00:00Z'],
      ['2031-03-12T14:00:00Z', '2031-03-12T15:00:00Z'],
    ]) {
      const res = await admin('POST', routeUrl(workshopsApi.addSession, { id: w.id }), {
        title: { es: `Sesión ${sessions.length + 1}` },
        startsAt,
        endsAt,
      });
      if (res.statusCode !== 201) throw new Error(`session: ${res.statusCode} ${res.body}`);
      sessions.push(res.json());
    }
    await setStatus(admin, w.id, 'published');
    return { w, sessions };
  }

  async function attends(p: Person, w: WorkshopView, sessions: WorkshopSessionView[]): Promise<void> {
    const reg = await p.call('POST', routeUrl(workshopsApi.register, { slug: w.slug }), {});
    if (reg.statusCode !== 201) throw new Error(`register: ${reg.statusCode} ${reg.body}`);
    const code = (
      await p.call('GET', routeUrl(workshopsApi.myCheckInCode, { slug: w.slug }))
    ).json() as WorkshopCheckInCode;
    for (const s of sessions) {
      const res = await admin('POST', routeUrl(workshopsApi.checkIn, { id: w.id, sessionId: s.id }), {
        code: code.code,
      });
      if (res.statusCode !== 200) throw new Error(`check-in: ${res.statusCode} ${res.body}`);
    }
  }

  const heldEvents = (workshopId: string) =>
    t.app
      .get(DataSource)
      .getRepository(OutboxEvent)
      .createQueryBuilder('e')
      .where(`e.type = 'workshop.held' AND e.payload->>'workshopId' = :workshopId`, { workshopId })
      .getCount();
  const certificatesOf = (workshopId: string) =>
    t.app
      .get(DataSource)
      .getRepository(WorkshopCertificate)
      .find({ where: { workshopId }, order: { holderName: 'ASC' } });
  /** What the certificates queue does with `workshop.held` (see the worker's CertificatesProcessor). */
  const deliverHeld = (workshopId: string) =>
    t.app.get(WorkshopCertificateService).issueForWorkshop(workshopId);
  const mine = (p: Person, w: WorkshopView) =>
    p.call('GET', routeUrl(workshopsApi.myWorkshopCertificate, { slug: w.slug }));
  const verify = (code: string) =>
    t.request({ method: 'GET', url: routeUrl(certificationApi.verify, { code }) });

  async function heldWorkshop() {
    const { w, sessions } = await workshopWithSessions({ attendanceThreshold: 75 });
    const thai = await person(t, { displayName: 'สมชาย ใจดี', locale: 'en' });
    const exactly = await person(t, { displayName: 'Beto Ramírez', locale: 'es' });
    const below = await person(t, { displayName: 'Carla Souza', locale: 'pt' });
    await attends(thai, w, sessions); // 4 h of 4 h
    await attends(exactly, w, sessions.slice(0, 2)); // 2 h + 1 h of 4 h: exactly 75%
    await attends(below, w, [sessions[0]]); // 2 h of 4 h: 50%
    for (const to of ['registration-closed', 'in-progress', 'held']) await setStatus(admin, w.id, to);
    return { w, sessions, thai, exactly, below };
  }

  it('certifies everyone at or above the threshold (exactly 75% too), nobody below, and only once', async () => {
    const { w, thai, exactly, below } = await heldWorkshop();
    // The transition wrote the event in its transaction; nothing is issued before it is handled.
    expect(await heldEvents(w.id)).toBe(1);
    expect((await mine(thai, w)).statusCode).toBe(404);

    // Delivered twice at once (a redelivery racing the first): one certificate each, no more.
    const [first, second] = await Promise.all([deliverHeld(w.id), deliverHeld(w.id)]);
    expect(first.eligible).toBe(2);
    expect(first.issued + second.issued).toBe(2);
    let rows = await certificatesOf(w.id);
    expect(rows.map((c) => [c.userId, Number(c.attendedHours), Number(c.expectedHours)])).toEqual([
      [exactly.id, 3, 4],
      [thai.id, 4, 4],
    ]);
    const codes = rows.map((c) => c.code);

    // held → report-published writes no second event, and a late delivery issues nothing new.
    await setStatus(admin, w.id, 'report-published');
    expect(await heldEvents(w.id)).toBe(1);
    expect(await deliverHeld(w.id)).toEqual({ issued: 0, eligible: 2 });
    rows = await certificatesOf(w.id);
    expect(rows.map((c) => c.code)).toEqual(codes);

    const own = await mine(exactly, w);
    expect(own.statusCode).toBe(200);
    const body = own.json() as MyWorkshopCertificate;
    expect(body).toMatchObject({ code: codes[0], attendedHours: 3, expectedHours: 4 });
    expect(body.verifyUrl).toContain(body.code);
    expect((await mine(below, w)).statusCode).toBe(404);
  });

  it('verifies a participation certificate by code, signed out, as a workshop one', async () => {
    const { w, exactly } = await heldWorkshop();
    await deliverHeld(w.id);
    const { code } = (await mine(exactly, w)).json() as MyWorkshopCertificate;
    const res = await verify(code.toLowerCase());
    expect(res.statusCode).toBe(200);
    const v = res.json() as CertificateVerification;
    expect(v).toMatchObject({
      code,
      status: 'valid',
      kind: 'workshop',
      holderName: 'Beto Ramírez',
      // In the participant's language (Spanish).
      course: 'Intercambio interregional',
      revokedAt: null,
      workshop: {
        slug: w.slug,
        title: 'Intercambio interregional',
        attendedHours: 3,
        expectedHours: 4,
        startDate: w.startDate,
        endDate: w.endDate,
      },
    });
    expect(v.workshop?.hostInstitution).toMatch(/^Instituto /);
    // Unknown codes still answer the same 404.
    expect((await verify('0000000000000000000000000Z')).statusCode).toBe(404);
  });

  it('lets the holder download the PDF: name and workshop extract, a Thai name has every glyph', async () => {
    const { w, thai, exactly } = await heldWorkshop();
    await deliverHeld(w.id);
    const res = await thai.call('GET', routeUrl(workshopsApi.myWorkshopCertificatePdf, { slug: w.slug }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="certificate-[0-9A-Z]+\.pdf"$/,
    );
    const path = join(dataDir, `${thai.id}.pdf`);
    writeFileSync(path, res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Certificate of Participation');
    expect(text).toContain('สมชาย');
    expect(text).toContain('ใจดี');
    // In the holder's language (English), with the hours.
    expect(text).toContain('Interregional exchange');
    expect(text).toContain('Hours attended: 4 of 4');
    // No character of the name falls on a missing glyph, and the Thai face is embedded.
    expect(NOTO.missingGlyphs('สมชาย ใจดี', true)).toEqual([]);
    expect(execFileSync('pdffonts', [path], { encoding: 'utf8' })).toMatch(/NotoSans\w*Thai/);
    // Nobody else's: another participant's slug answers their own, a stranger gets 404.
    const stranger = await person(t);
    expect(
      (await stranger.call('GET', routeUrl(workshopsApi.myWorkshopCertificatePdf, { slug: w.slug })))
        .statusCode,
    ).toBe(404);
    const other = await exactly.call(
      'GET',
      routeUrl(workshopsApi.myWorkshopCertificatePdf, { slug: w.slug }),
    );
    expect(other.statusCode).toBe(200);
    expect(other.rawPayload.equals(res.rawPayload)).toBe(false);
  });
});
