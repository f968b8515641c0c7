import { DataSource } from 'typeorm';
import {
  routeUrl,
  workshopsApi,
  type MyWorkshopRegistration,
  type Page,
  type WorkshopPublicView,
  type WorkshopQuestion,
  type WorkshopRegistrationRow,
  type WorkshopRegistrationView,
  type WorkshopView,
} from '@aula/contracts';
import { startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import { createInstitution, uniqueWord } from '../directory/testing/directory-fixtures';
import {
  caller,
  directoryRecords,
  fieldsOf,
  person,
  publishedWorkshop,
  signInAdmin,
  type Caller,
  type Person,
} from './testing/workshop-fixtures';

const QUESTIONS: WorkshopQuestion[] = [
  { id: 'team-role', kind: 'text', prompt: { es: '¿Qué hace en su equipo?', en: 'What do you do in your team?' }, required: true },
  {
    id: 'language',
    kind: 'choice',
    prompt: { es: 'Idioma de trabajo', en: 'Working language' },
    required: false,
    options: [
      { id: 'es', label: { es: 'Español', en: 'Spanish' } },
      { id: 'pt', label: { es: 'Portugués', en: 'Portuguese' } },
    ],
  },
];

describe('workshop application form over HTTP: directory fields, organisers’ questions, my workshops', () => {
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
  const setQuestions = (w: WorkshopView, questions: unknown, as: Caller = admin): Promise<TestResponse> =>
    as('PUT', routeUrl(workshopsApi.setWorkshopQuestions, { id: w.id }), { questions });
  const rowsOf = async (w: WorkshopView): Promise<WorkshopRegistrationRow[]> =>
    ((await admin('GET', routeUrl(workshopsApi.registrations, { id: w.id }))).json() as Page<WorkshopRegistrationRow>).items;

  it('stores institution, position, sector, region, needs and answers, and shows them to the organiser', async () => {
    const w = await publishedWorkshop(admin, records, { registrationMode: 'application' });
    expect((await setQuestions(w, QUESTIONS)).statusCode).toBe(200);
    const p = await person(t);
    const res = await register(p, w, {
      institutionId: records.institutionId,
      position: '  Coordinadora de planeación ',
      sector: 'government',
      regionId: records.regionIds[1],
      motivation: 'Compartir la experiencia de Córdoba',
      accessibilityNeeds: 'Subtítulos en las sesiones en línea',
      answers: { 'team-role': 'Lidero el plan regional', language: 'pt' },
    });
    expect(res.statusCode).toBe(201);
    const view = res.json() as WorkshopRegistrationView;
    expect(view).toMatchObject({
      status: 'pending',
      institution: { id: records.institutionId },
      position: 'Coordinadora de planeación',
      sector: 'government',
      region: { id: records.regionIds[1], displayName: 'Córdoba' },
      accessibilityNeeds: 'Subtítulos en las sesiones en línea',
      answers: { 'team-role': 'Lidero el plan regional', language: 'pt' },
    });
    const [row] = await rowsOf(w);
    expect(row).toMatchObject({
      userId: p.id,
      institution: { id: records.institutionId },
      position: 'Coordinadora de planeación',
      sector: 'government',
      region: { id: records.regionIds[1] },
      motivation: 'Compartir la experiencia de Córdoba',
      accessibilityNeeds: 'Subtítulos en las sesiones en línea',
      answers: { 'team-role': 'Lidero el plan regional', language: 'pt' },
    });
    // The applicant reads the questions in their language on the workshop's page.
    const page = (await p.call('GET', routeUrl(workshopsApi.workshop, { slug: w.slug }, { locale: 'en' }))).json() as WorkshopPublicView;
    expect(page.questions).toEqual([
      { id: 'team-role', kind: 'text', prompt: 'What do you do in your team?', required: true, options: [] },
      {
        id: 'language',
        kind: 'choice',
        prompt: 'Working language',
        required: false,
        options: [
          { id: 'es', label: 'Spanish' },
          { id: 'pt', label: 'Portuguese' },
        ],
      },
    ]);
    expect(page.myRegistration?.institution?.id).toBe(records.institutionId);
  });

  it('takes a proposed institution (“not listed”) as a pending one of the directory, once per name', async () => {
    const w = await publishedWorkshop(admin, records);
    const name = `Secretaría de Planeación ${uniqueWord()}`;
    const [a, b] = [await person(t), await person(t)];
    const first = (await register(a, w, { proposedInstitution: { name, country: 'CO' } })).json() as WorkshopRegistrationView;
    const second = (await register(b, w, { proposedInstitution: { name: ` ${name.toUpperCase()} `, country: 'CO' } })).json() as WorkshopRegistrationView;
    expect(first.institution).toMatchObject({ displayName: name, status: 'pending', country: 'CO' });
    expect(second.institution?.id).toBe(first.institution?.id);
  });

  it('names every bad field in one 400 and keeps no registration', async () => {
    const w = await publishedWorkshop(admin, records, { registrationMode: 'application' });
    await setQuestions(w, QUESTIONS);
    const archived = await createInstitution(admin, `Archivado ${uniqueWord()}`);
    await t.app.get(DataSource).query(`UPDATE institutions SET status = 'archived' WHERE id = $1`, [archived.id]);
    const p = await person(t);

    const shapes = await register(p, w, { sector: 'church', institutionId: 'nope', regionId: 7, answers: 'x', accessibilityNeeds: 'a'.repeat(2001) });
    expect(shapes.statusCode).toBe(400);
    expect(fieldsOf(shapes).sort()).toEqual(['accessibilityNeeds', 'answers', 'institutionId', 'regionId', 'sector']);

    const unknown = await register(p, w, {
      institutionId: '00000000-0000-4000-8000-000000000000',
      regionId: '00000000-0000-4000-8000-000000000000',
      answers: { 'not-asked': 'hola', language: 'fr' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown).sort()).toEqual(['answers.language', 'answers.not-asked', 'answers.team-role', 'institutionId', 'regionId']);
    expect((unknown.json() as { errors: { path: string; message: string }[] }).errors).toEqual(
      expect.arrayContaining([
        { path: 'answers.language', message: 'is not one of the options' },
        { path: 'answers.not-asked', message: 'is not a question of this workshop' },
        { path: 'answers.team-role', message: 'is required' },
        { path: 'institutionId', message: 'is not a known institution' },
      ]),
    );

    const both = await register(p, w, {
      institutionId: archived.id,
      proposedInstitution: { name: 'Otra', country: 'CO' },
      answers: { 'team-role': 'ok' },
    });
    expect(fieldsOf(both)).toEqual(['institutionId']);
    const archivedOnly = await register(p, w, { institutionId: archived.id, answers: { 'team-role': 'ok' } });
    expect((archivedOnly.json() as { errors: unknown[] }).errors).toEqual([{ path: 'institutionId', message: 'is archived' }]);
    const badProposal = await register(p, w, { proposedInstitution: { name: 'Nueva', country: 'ZZ' }, answers: { 'team-role': 'ok' } });
    expect(fieldsOf(badProposal)).toEqual(['proposedInstitution.country']);
    // A blank answer to a required question is no answer.
    expect(fieldsOf(await register(p, w, { answers: { 'team-role': '   ' } }))).toEqual(['answers.team-role']);

    expect(await rowsOf(w)).toEqual([]);
  });

  it('checks the organisers’ questions and keeps them for organisers only', async () => {
    const w = await publishedWorkshop(admin, records);
    const bad = await setQuestions(w, [
      { id: 'a', kind: 'choice', prompt: { en: 'Only English' }, required: true, options: [{ id: 'x', label: { es: 'X' } }] },
      { id: 'a', kind: 'text', prompt: { es: 'Texto' }, required: 'yes', options: [{ id: 'y', label: { es: 'Y' } }] },
      { id: 'B C', kind: 'scale', prompt: { es: 'Escala' }, required: false },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).sort()).toEqual(['questions.1.required', 'questions.2.id', 'questions.2.kind']);
    const semantic = await setQuestions(w, [
      { id: 'a', kind: 'choice', prompt: { en: 'Only English' }, required: true, options: [{ id: 'x', label: { en: 'X' } }] },
      { id: 'a', kind: 'text', prompt: { es: 'Texto' }, required: false, options: [{ id: 'y', label: { es: 'Y' } }] },
    ]);
    expect(semantic.statusCode).toBe(400);
    expect(fieldsOf(semantic).sort()).toEqual([
      'questions.0.options',
      'questions.0.options.0.label.es',
      'questions.0.prompt.es',
      'questions.1.id',
      'questions.1.options',
    ]);

    expect((await setQuestions(w, QUESTIONS)).json()).toEqual(QUESTIONS);
    expect((await admin('GET', routeUrl(workshopsApi.workshopQuestions, { id: w.id }))).json()).toEqual(QUESTIONS);
    const stranger = await person(t);
    expect((await setQuestions(w, [], stranger.call)).statusCode).toBe(404);
    expect((await stranger.call('GET', routeUrl(workshopsApi.workshopQuestions, { id: w.id }))).statusCode).toBe(404);
  });

  it('lists my workshops, upcoming first then past, with my registration and nobody else’s', async () => {
    const p = await person(t);
    const other = await person(t);
    const later = await publishedWorkshop(admin, records, { startDate: '2032-05-01', endDate: '2032-05-02' });
    const sooner = await publishedWorkshop(admin, records, { startDate: '2031-01-10', endDate: '2031-01-11' });
    const notMine = await publishedWorkshop(admin, records);
    await register(p, later);
    await register(p, sooner);
    await register(other, notMine);
    // A workshop already held: put its dates in the past directly.
    const past = await publishedWorkshop(admin, records);
    await register(p, past);
    await t.app.get(DataSource).query(`UPDATE workshops SET start_date = '2020-02-01', end_date = '2020-02-02' WHERE id = $1`, [past.id]);

    const all = (await p.call('GET', routeUrl(workshopsApi.myWorkshops))).json() as MyWorkshopRegistration[];
    expect(all.map((m) => m.workshop.id)).toEqual([sooner.id, later.id, past.id]);
    for (const m of all) expect(m.registration).toMatchObject({ userId: p.id, workshopId: m.workshop.id, status: 'confirmed' });
    const pastOnly = (await p.call('GET', routeUrl(workshopsApi.myWorkshops, { when: 'past' }))).json() as MyWorkshopRegistration[];
    expect(pastOnly.map((m) => m.workshop.id)).toEqual([past.id]);
    expect((await p.call('GET', routeUrl(workshopsApi.myWorkshops, { when: 'soon' } as never))).statusCode).toBe(400);
    expect((await caller(t, null)('GET', routeUrl(workshopsApi.myWorkshops))).statusCode).toBe(401);
  });
});
