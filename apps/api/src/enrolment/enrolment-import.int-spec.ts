import { DataSource } from 'typeorm';
import {
  CSV_IMPORT_MAX_BYTES,
  directoryApi,
  routeUrl,
  type CohortView,
  type CsvImportReport,
  type InstitutionView,
  type RegionView,
} from '@aula/contracts';
import { InvitationService } from '@aula/server/identity';
import { startTestApp, uniqueEmail, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  fieldsOf,
  outboxEvents,
  person,
  type Person,
} from './testing/learning-fixtures';

describe('bulk enrolment from CSV, and invitations', () => {
  let t: TestApp;
  let admin: Person;
  let courseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await person(t, ['admin']);
    courseId = (
      await createCourse(t, {
        defaultLocale: 'es',
        title: { es: 'Gestión del desarrollo regional', pt: 'Gestão do desenvolvimento regional' },
      })
    ).id;
  });
  afterAll(() => t.close());

  const importCsv = (
    cohortId: string,
    csv: string | Buffer,
    who: Person = admin,
    contentType = 'text/csv; charset=utf-8',
  ) =>
    t.request({
      method: 'POST',
      url: `/api/admin/cohorts/${cohortId}/enrolments/import`,
      headers: { ...who.headers, 'content-type': contentType },
      payload: csv,
    });
  const db = () => t.app.get(DataSource);

  it('enrols existing people, invites new ones, and reports bad and repeated rows without applying them', async () => {
    const cohort = await createCohort(t, admin, courseId, { capacity: 3, timeZone: 'America/Sao_Paulo' });
    const existing = await person(t);
    const already = await person(t);
    await t.request({
      method: 'POST',
      url: `/api/admin/cohorts/${cohort.id}/enrolments`,
      headers: admin.headers,
      payload: { userId: already.id },
    });
    const ana = uniqueEmail('ana');
    const minh = uniqueEmail('minh');
    const late = uniqueEmail('late');
    const csv = [
      'email,display_name,locale,time_zone,country,organisation,region',
      `${existing.email.toUpperCase()},Ignored Name,,,,,`,
      `${ana},Ana Souza,pt,,br,Fundação João Pinheiro,Minas Gerais`,
      'not-an-email,Nobody,,,,,',
      `${ana},Ana Again,,,,,`,
      `${uniqueEmail('fr')},Fleur,fr,,,,`,
      `${uniqueEmail('tz')},Tomás,,Mars/Olympus,,,`,
      `${already.email},Already,,,,,`,
      `${uniqueEmail('noname')},,,,,,`,
      `${minh},Nguyễn Thị Minh,en,Asia/Ho_Chi_Minh,VN,,Mekong Delta`,
      `${late},Late Comer,,,,,`,
    ].join('\r\n');
    const res = await importCsv(cohort.id, `\ufeff${csv}\r\n`);
    expect(res.statusCode).toBe(200);
    const report: CsvImportReport = res.json();
    expect(report.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'enrolled'],
      [3, 'invited-and-enrolled'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'already-enrolled'],
      [9, 'error'],
      [10, 'waitlisted'],
      [11, 'waitlisted'],
    ]);
    expect(report.counts).toEqual({
      enrolled: 1,
      'invited-and-enrolled': 1,
      waitlisted: 2,
      'already-enrolled': 1,
      error: 5,
    });
    expect(report.rows[3].message).toMatch(/repeats the email of line 3/);
    expect(report.rows[7].message).toMatch(/display_name/);
    for (const row of report.rows)
      if (row.outcome === 'error') expect(row.message).toMatch(new RegExp(`^Line ${row.line}`));

    // Nothing of a refused row exists; invited people have an account in their language and zone.
    const [fleur] = (await db().query(
      `SELECT count(*)::int AS n FROM users WHERE email LIKE 'fr.%' AND display_name = 'Fleur'`,
    )) as { n: number }[];
    expect(fleur.n).toBe(0);
    const [anaRow] = (await db().query(
      'SELECT id, locale, time_zone AS "timeZone", country, display_name AS "displayName" FROM users WHERE email = $1',
      [ana],
    )) as {
      id: string;
      locale: string;
      timeZone: string;
      country: string;
      displayName: string;
    }[];
    expect(anaRow).toMatchObject({
      locale: 'pt',
      timeZone: 'America/Sao_Paulo',
      country: 'BR',
      displayName: 'Ana Souza',
    });
    const [lateRow] = (await db().query('SELECT locale FROM users WHERE email = $1', [late])) as {
      locale: string;
    }[];
    expect(lateRow.locale).toBe('es');
    const invited = await outboxEvents(t, 'user.invited', 'userId', anaRow.id);
    expect(invited).toHaveLength(1);
    const view: CohortView = (
      await t.request({ method: 'GET', url: `/api/admin/cohorts/${cohort.id}`, headers: admin.headers })
    ).json();
    expect(view.counts).toMatchObject({ active: 3, waitlisted: 2 });

    // Importing the same file again changes nothing and says so.
    const again: CsvImportReport = (await importCsv(cohort.id, csv)).json();
    expect(again.counts).toEqual({
      enrolled: 0,
      'invited-and-enrolled': 0,
      waitlisted: 0,
      'already-enrolled': 5,
      error: 5,
    });
  });

  it("places new people at the directory's institution and region their organisation and region name, and keeps the rest for an administrator", async () => {
    const cohort = await createCohort(t, admin, courseId);
    const word = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
    const asAdmin = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.request({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
    const institution = (
      await asAdmin('POST', routeUrl(directoryApi.createInstitution), {
        names: [
          { value: `Fundação João Pinheiro ${word}`, lang: 'pt', type: 'official' },
          { value: `FJP${word}`, lang: null, type: 'acronym' },
        ],
        kind: 'government',
        country: 'BR',
      })
    ).json() as InstitutionView;
    const region = (
      await asAdmin('POST', routeUrl(directoryApi.createRegion), {
        slug: `minas-${word}`,
        name: { pt: `Minas Gerais ${word}` },
        country: 'BR',
        subdivision: 'BR-MG',
        worldRegion: 'latin-america-caribbean',
        status: 'participating',
      })
    ).json() as RegionView;
    const existing = await person(t);
    const [matched, acronym, unknown] = ['ana', 'bia', 'caio'].map((n) => uniqueEmail(n));
    const csv = [
      'email,display_name,country,organisation,region',
      `${matched},Ana,BR,FUNDACAO JOAO PINHEIRO ${word},minas gerais ${word}`,
      `${acronym},Bia,BR,fjp${word},`,
      `${unknown},Caio,BR,Prefeitura de Algum Lugar ${word},Sertão ${word}`,
      `${existing.email},Ignored,BR,Fundação João Pinheiro ${word},`,
    ].join('\n');
    const report: CsvImportReport = (await importCsv(cohort.id, csv)).json();
    expect(report.rows.map((r) => r.outcome)).toEqual([
      'invited-and-enrolled',
      'invited-and-enrolled',
      'invited-and-enrolled',
      'enrolled',
    ]);
    const idOf = async (email: string) =>
      ((await db().query('SELECT id FROM users WHERE email = $1', [email])) as { id: string }[])[0].id;
    const membersOf = async (email: string) =>
      (
        (await asAdmin('GET', routeUrl(directoryApi.userMemberships, { id: await idOf(email) }))).json() as {
          institution: { id: string };
        }[]
      ).map((m) => m.institution.id);
    expect(await membersOf(matched)).toEqual([institution.id]);
    expect(await membersOf(acronym)).toEqual([institution.id]);
    expect(await membersOf(unknown)).toEqual([]);
    // An existing account's details are left as they are.
    expect(await membersOf(existing.email)).toEqual([]);
    const values = (await db().query(
      `SELECT u.email, v.field, v.value, v.status, v.region_id AS "regionId", u.organisation AS "column"
         FROM free_text_values v JOIN users u ON u.id = v.user_id WHERE u.email = ANY($1) ORDER BY u.email, v.field`,
      [[matched, unknown, existing.email]],
    )) as { email: string; field: string; value: string; status: string; regionId: string | null; column: null }[];
    expect(values.map((v) => [v.email, v.field, v.value, v.status])).toEqual([
      [matched, 'organisation', `FUNDACAO JOAO PINHEIRO ${word}`, 'matched'],
      [matched, 'region', `minas gerais ${word}`, 'matched'],
      [unknown, 'organisation', `Prefeitura de Algum Lugar ${word}`, 'open'],
      [unknown, 'region', `Sertão ${word}`, 'open'],
    ]);
    expect(values[1].regionId).toBe(region.id);
    // The account itself no longer holds the text.
    expect(values.every((v) => v.column === null)).toBe(true);
  });

  it('lets an invited person choose a password once, then sign in with it', async () => {
    const cohort = await createCohort(t, admin, courseId);
    const email = uniqueEmail('invited');
    const report: CsvImportReport = (
      await importCsv(cohort.id, `email,display_name\n${email},Camila Restrepo Peña\n`)
    ).json();
    expect(report.rows[0].outcome).toBe('invited-and-enrolled');

    // Until then no password works. (From an address of its own: failures count per address.)
    const before = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: '!invited:whatever' },
      remoteAddress: `10.88.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    });
    expect(before.statusCode).toBe(401);

    const [{ payload }] = await outboxEvents(
      t,
      'user.invited',
      'userId',
      ((await db().query('SELECT id FROM users WHERE email = $1', [email])) as { id: string }[])[0].id,
    );
    const issued = await t.app.get(InvitationService).issueToken(payload.invitationId as string);
    expect(issued).not.toBeNull();
    const token = issued?.token ?? '';
    const [stored] = (await db().query(
      'SELECT token_hash AS "tokenHash" FROM user_invitations WHERE id = $1',
      [payload.invitationId],
    )) as { tokenHash: string }[];
    expect(stored.tokenHash).not.toContain(token);

    const accept = (password: string) =>
      t.request({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, password } });
    const short = await accept('short');
    expect(short.statusCode).toBe(400);
    expect(fieldsOf(short)).toEqual(['password']);
    const accepted = await accept('my-own-long-password');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      user: { email, displayName: 'Camila Restrepo Peña', roles: ['trainee'] },
    });
    expect(accepted.cookies.find((c) => c.name === 'aula_refresh')).toBeTruthy();

    const replay = await accept('another-long-password');
    expect(replay.statusCode).toBe(400);
    expect(fieldsOf(replay)).toEqual(['token']);
    expect((await t.signIn(email, 'my-own-long-password')).session.user.email).toBe(email);
    expect(await t.app.get(InvitationService).issueToken(payload.invitationId as string)).toBeNull();
  });

  it('refuses an unknown or malformed invitation token with a 400 naming the token', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/api/auth/accept-invitation',
      payload: { token: 'A'.repeat(43), password: 'long-enough-pass' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['token']);
    const malformed = await t.request({
      method: 'POST',
      url: '/api/auth/accept-invitation',
      payload: { token: '../../etc', password: 'long-enough-pass' },
    });
    expect(fieldsOf(malformed)).toEqual(['token']);
  });

  it('refuses files it cannot take: too large (413), wrong type (415), bad header or too many rows (400)', async () => {
    const cohort = await createCohort(t, admin, courseId);
    const big = `email\n${'x'.repeat(CSV_IMPORT_MAX_BYTES)}\n`;
    expect((await importCsv(cohort.id, big)).statusCode).toBe(413);
    expect(
      (await importCsv(cohort.id, JSON.stringify({ csv: 'email\n' }), admin, 'application/json')).statusCode,
    ).toBe(415);
    const header = await importCsv(cohort.id, 'mail,name\na@example.org,A\n');
    expect(header.statusCode).toBe(400);
    expect(fieldsOf(header)).toEqual(['body']);
    const many = `email\n${Array.from({ length: 5001 }, (_, i) => `p${i}@example.org`).join('\n')}\n`;
    expect((await importCsv(cohort.id, many)).statusCode).toBe(400);
    const [{ n }] = (await db().query('SELECT count(*)::int AS n FROM enrolments WHERE cohort_id = $1', [
      cohort.id,
    ])) as { n: number }[];
    expect(n).toBe(0);
  });

  it('is for administrators only', async () => {
    const cohort = await createCohort(t, admin, courseId);
    const [tutor, trainee] = await Promise.all([person(t, ['tutor']), person(t)]);
    expect((await importCsv(cohort.id, 'email\na@example.org\n', tutor)).statusCode).toBe(403);
    expect((await importCsv(cohort.id, 'email\na@example.org\n', trainee)).statusCode).toBe(403);
  });
});
