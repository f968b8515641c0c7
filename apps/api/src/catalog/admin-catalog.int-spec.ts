import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityAdminView, CourseAdminView, ModuleAdminView, ProgrammeView } from '@aula/contracts';
import { ACTIVITY_FILE_MAX_BYTES } from '@aula/contracts';
import { catalogSampleFiles } from '@aula/server/catalog';
import { IdentityService } from '@aula/server/identity';
import { startTestApp, uniqueEmail, type TestApp, type TestResponse } from '../testing/test-app';
import { multipart } from '../testing/multipart';

const { SAMPLE_HTML, SAMPLE_SVG, samplePdf, samplePng } = catalogSampleFiles;

const fieldsOf = (res: TestResponse) =>
  ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
/** Unique per call: test files run in parallel against one database. */
const uniqueSlug = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN_ID = '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44';

describe('catalogue authoring over HTTP', () => {
  let t: TestApp;
  let dataDir: string;
  let adminToken: string;
  let programme: ProgrammeView;

  type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const as = (token: string) => (method: Method, url: string, payload?: unknown) =>
    t.request({
      method,
      url: `/api/admin${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  let admin: ReturnType<typeof as>;

  async function signInWithRoles(roles: ('admin' | 'tutor' | 'trainee')[]): Promise<string> {
    const email = uniqueEmail(roles.join('-'));
    const password = 'a-long-enough-password';
    await t.app.get(IdentityService).createUser({ email, password, displayName: 'Staff Person', roles });
    return (await t.signIn(email, password)).session.accessToken;
  }

  async function createCourse(overrides: Record<string, unknown> = {}): Promise<CourseAdminView> {
    const res = await admin('POST', '/courses', {
      programmeId: programme.id,
      slug: uniqueSlug('course'),
      defaultLocale: 'es',
      title: { es: 'Planificación territorial', en: 'Territorial planning' },
      ...overrides,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  async function addModule(
    courseId: string,
    title: Record<string, string> = { es: 'Módulo', en: 'Module' },
  ): Promise<ModuleAdminView> {
    const res = await admin('POST', `/courses/${courseId}/modules`, { title });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  async function addActivity(moduleId: string, input: Record<string, unknown>): Promise<ActivityAdminView> {
    const res = await admin('POST', `/modules/${moduleId}/activities`, {
      title: { es: 'Actividad', en: 'Activity' },
      ...input,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  async function uploadFile(activityId: string, content: Buffer, filename: string): Promise<TestResponse> {
    const body = multipart(content, filename);
    return t.request({
      method: 'PUT',
      url: `/api/admin/activities/${activityId}/file`,
      headers: { ...body.headers, authorization: `Bearer ${adminToken}` },
      payload: body.payload,
    });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-catalog-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    adminToken = await signInWithRoles(['admin']);
    admin = as(adminToken);
    const res = await admin('POST', '/programmes', {
      slug: uniqueSlug('programme'),
      defaultLocale: 'es',
      title: { es: 'Gestión del desarrollo regional', en: 'Regional development management' },
      description: { es: '<p>Programa Sur-Sur</p>' },
    });
    expect(res.statusCode).toBe(201);
    programme = res.json();
  });

  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('programmes', () => {
    it('creates, lists and updates a programme', async () => {
      const slug = uniqueSlug('prog');
      const created = await admin('POST', '/programmes', {
        slug,
        defaultLocale: 'en',
        title: { en: ' South-South exchange ', pt: 'Intercâmbio Sul-Sul' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        slug,
        defaultLocale: 'en',
        title: { en: 'South-South exchange', pt: 'Intercâmbio Sul-Sul' },
        description: {},
      });

      const patched = await admin('PATCH', `/programmes/${created.json().id}`, {
        description: { en: '<p>Hello<script>x()</script></p>' },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json().description).toEqual({ en: '<p>Hello</p>' });
      expect(patched.json().title.en).toBe('South-South exchange');

      const list = await admin('GET', '/programmes?limit=100');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((p: ProgrammeView) => p.slug)).toContain(slug);
      expect(
        (await admin('POST', '/programmes', { slug, defaultLocale: 'en', title: { en: 'Again' } }))
          .statusCode,
      ).toBe(409);
    });
  });

  describe('building a course', () => {
    it('creates a draft in two languages with modules and activities of every kind, in order', async () => {
      const slug = uniqueSlug('planificacion');
      const created = await admin('POST', '/courses', {
        programmeId: programme.id,
        slug,
        defaultLocale: 'es',
        title: { es: '  Planificación   territorial ', en: 'Territorial planning' },
        summary: {
          es: 'Ordenamiento del territorio en Cundinamarca',
          en: 'Land-use planning in Cundinamarca',
        },
        description: {
          es: '<h2>Objetivos</h2><p>Aprender <strong>juntos</strong>.</p>',
          en: '<p>Learn together.</p>',
        },
        topics: ['governance', ' planning ', 'Governance'],
        estimatedHours: 24,
      });
      expect(created.statusCode).toBe(201);
      const course: CourseAdminView = created.json();
      expect(course).toMatchObject({
        slug,
        status: 'draft',
        defaultLocale: 'es',
        title: { es: 'Planificación territorial', en: 'Territorial planning' },
        locales: ['en', 'es'],
        topics: ['governance', 'planning'],
        estimatedHours: 24,
        modules: [],
      });

      const first = await addModule(course.id, { es: 'Diagnóstico', en: 'Diagnosis' });
      const second = await addModule(course.id, { es: 'Plan de acción', en: 'Action plan' });
      expect([first.position, second.position]).toEqual([0, 1]);

      const page = await addActivity(first.id, {
        kind: 'page',
        body: { es: '<p>Lectura</p>', en: '<p>Reading</p>' },
      });
      const file = await addActivity(first.id, { kind: 'file', required: false });
      const link = await addActivity(first.id, {
        kind: 'link',
        url: 'https://www.youtube.com/watch?v=abc123',
      });
      const quiz = await addActivity(second.id, { kind: 'quiz' });
      const assignment = await addActivity(second.id, {
        kind: 'assignment',
        body: { es: '<p>Entregue su plan</p>' },
      });
      expect([page, file, link].map((a) => a.position)).toEqual([0, 1, 2]);
      expect([quiz.position, assignment.position]).toEqual([0, 1]);
      expect(file).toMatchObject({ kind: 'file', required: false, file: null, url: null });
      expect(link.url).toBe('https://www.youtube.com/watch?v=abc123');

      const full: CourseAdminView = (await admin('GET', `/courses/${course.id}`)).json();
      expect(full.modules.map((m) => m.title.en)).toEqual(['Diagnosis', 'Action plan']);
      expect(full.modules.map((m) => m.activities.map((a) => a.kind))).toEqual([
        ['page', 'file', 'link'],
        ['quiz', 'assignment'],
      ]);
      expect(full.modules[0].activities[0].body).toEqual({ es: '<p>Lectura</p>', en: '<p>Reading</p>' });
    });

    it('finds courses by text in any language without accents, by slug and by status', async () => {
      const marker = `xochimilco${Math.random().toString(36).slice(2, 7)}`;
      const course = await createCourse({
        title: { es: `Gestión ${marker} ÁGIL`, en: 'Agile management' },
        summary: { pt: 'Gestão participativa' },
      });
      const search = async (query: string) =>
        ((await admin('GET', `/courses?${query}`)).json().items as CourseAdminView[]).map((c) => c.id);

      expect(await search(`q=${encodeURIComponent(`gestion ${marker.toUpperCase()} agil`)}`)).toEqual([
        course.id,
      ]);
      expect(await search(`q=${marker}&status=draft`)).toEqual([course.id]);
      expect(await search(`q=${marker}&status=published`)).toEqual([]);
      expect(await search(`q=${course.slug}`)).toEqual([course.id]);
      const listed = (await admin('GET', `/courses?q=${marker}`)).json();
      expect(listed.items[0].modules).toEqual([]);
    });

    it('pages through the list with a cursor', async () => {
      const marker = `paging${Math.random().toString(36).slice(2, 7)}`;
      const ids = new Set<string>();
      for (let i = 0; i < 3; i++) ids.add((await createCourse({ title: { es: `Curso ${marker} ${i}` } })).id);
      const first = (await admin('GET', `/courses?q=${marker}&limit=2`)).json();
      expect(first.items).toHaveLength(2);
      const second = (await admin('GET', `/courses?q=${marker}&limit=2&cursor=${first.nextCursor}`)).json();
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      expect(new Set([...first.items, ...second.items].map((c: CourseAdminView) => c.id))).toEqual(ids);
      const bad = await admin('GET', '/courses?cursor=not-a-cursor');
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['cursor']);
    });

    it('changes only what a PATCH sends and keeps languages and search text current', async () => {
      const course = await createCourse();
      const res = await admin('PATCH', `/courses/${course.id}`, {
        title: { es: 'Desarrollo económico local', pt: 'Desenvolvimento econômico local' },
        estimatedHours: null,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        title: { es: 'Desarrollo económico local', pt: 'Desenvolvimento econômico local' },
        locales: ['es', 'pt'],
        estimatedHours: null,
        slug: course.slug,
      });
      const found = (await admin('GET', `/courses?q=${encodeURIComponent('economico local')}`))
        .json()
        .items.map((c: CourseAdminView) => c.id);
      expect(found).toContain(course.id);
    });

    it('refuses a taken slug with 409 naming slug, on create, update and duplicate', async () => {
      const a = await createCourse();
      const b = await createCourse();
      const onCreate = await admin('POST', '/courses', {
        programmeId: programme.id,
        slug: a.slug,
        defaultLocale: 'en',
        title: { en: 'x' },
      });
      expect(onCreate.statusCode).toBe(409);
      expect(fieldsOf(onCreate)).toEqual(['slug']);
      const onUpdate = await admin('PATCH', `/courses/${b.id}`, { slug: a.slug });
      expect(onUpdate.statusCode).toBe(409);
      expect(fieldsOf(onUpdate)).toEqual(['slug']);
      const onDuplicate = await admin('POST', `/courses/${b.id}/duplicate`, { slug: a.slug });
      expect(onDuplicate.statusCode).toBe(409);
      expect(fieldsOf(onDuplicate)).toEqual(['slug']);
    });
  });

  describe('reordering', () => {
    it('rewrites module and activity positions, and refuses a list that is not exactly the children', async () => {
      const course = await createCourse();
      const modules = [await addModule(course.id), await addModule(course.id), await addModule(course.id)];
      const reversed = modules.map((m) => m.id).reverse();
      const res = await admin('PUT', `/courses/${course.id}/modules/order`, { ids: reversed });
      expect(res.statusCode).toBe(200);
      expect((res.json() as CourseAdminView).modules.map((m) => [m.id, m.position])).toEqual(
        reversed.map((id, i) => [id, i]),
      );

      const activities = [
        await addActivity(modules[0].id, { kind: 'page' }),
        await addActivity(modules[0].id, { kind: 'quiz' }),
      ];
      const swapped = await admin('PUT', `/modules/${modules[0].id}/activities/order`, {
        ids: [activities[1].id, activities[0].id],
      });
      expect(swapped.statusCode).toBe(200);
      expect((swapped.json() as ModuleAdminView).activities.map((a) => a.kind)).toEqual(['quiz', 'page']);

      const ids = modules.map((m) => m.id);
      for (const wrong of [
        ids.slice(1),
        [...ids, UNKNOWN_ID],
        [ids[0], ids[0], ids[1]],
        [...ids.slice(1), activities[0].id],
      ]) {
        const bad = await admin('PUT', `/courses/${course.id}/modules/order`, { ids: wrong });
        expect(bad.statusCode).toBe(400);
        expect(fieldsOf(bad)).toEqual(['ids']);
      }
      const notUuids = await admin('PUT', `/courses/${course.id}/modules/order`, { ids: ['1', '2'] });
      expect(notUuids.statusCode).toBe(400);
      expect(fieldsOf(notUuids)).toEqual(['ids']);
      // The failed attempts changed nothing.
      const after: CourseAdminView = (await admin('GET', `/courses/${course.id}`)).json();
      expect(after.modules.map((m) => m.id)).toEqual(reversed);
    });

    it('gives modules and activities added at the same time distinct positions, last', async () => {
      const course = await createCourse();
      const modules = await Promise.all(Array.from({ length: 6 }, () => addModule(course.id)));
      expect(modules.map((m) => m.position).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
      const activities = await Promise.all(
        Array.from({ length: 6 }, () => addActivity(modules[0].id, { kind: 'page' })),
      );
      expect(activities.map((a) => a.position).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('closes the gap when a module or an activity is deleted', async () => {
      const course = await createCourse();
      const [a, b, c] = [await addModule(course.id), await addModule(course.id), await addModule(course.id)];
      const acts = [
        await addActivity(c.id, { kind: 'page' }),
        await addActivity(c.id, { kind: 'page' }),
        await addActivity(c.id, { kind: 'page' }),
      ];
      expect((await admin('DELETE', `/modules/${b.id}`)).statusCode).toBe(204);
      expect((await admin('DELETE', `/activities/${acts[0].id}`)).statusCode).toBe(204);
      const after: CourseAdminView = (await admin('GET', `/courses/${course.id}`)).json();
      expect(after.modules.map((m) => [m.id, m.position])).toEqual([
        [a.id, 0],
        [c.id, 1],
      ]);
      expect(after.modules[1].activities.map((x) => [x.id, x.position])).toEqual([
        [acts[1].id, 0],
        [acts[2].id, 1],
      ]);
      expect((await admin('DELETE', `/modules/${b.id}`)).statusCode).toBe(404);
      expect((await admin('PATCH', `/activities/${acts[0].id}`, { required: false })).statusCode).toBe(404);
      expect((await addModule(course.id)).position).toBe(2);
    });
  });

  describe('publishing', () => {
    it('needs at least one activity, a file for file activities, and default-language titles', async () => {
      const course = await createCourse();
      const empty = await admin('POST', `/courses/${course.id}/status`, { status: 'published' });
      expect(empty.statusCode).toBe(409);
      expect(fieldsOf(empty)).toEqual(['modules']);
      expect(empty.json().detail).toMatch(/cannot be published/);

      const module = await addModule(course.id);
      const file = await addActivity(module.id, { kind: 'file' });
      const noFile = await admin('POST', `/courses/${course.id}/status`, { status: 'published' });
      expect(noFile.statusCode).toBe(409);
      expect(fieldsOf(noFile)).toEqual(['modules.0.activities.0.file']);

      expect((await uploadFile(file.id, samplePdf(), 'guia.pdf')).statusCode).toBe(200);
      const published = await admin('POST', `/courses/${course.id}/status`, { status: 'published' });
      expect(published.statusCode).toBe(200);
      expect(published.json()).toMatchObject({
        status: 'published',
        modules: [{ activities: [{ id: file.id }] }],
      });

      // Changing the default language needs a title in it.
      const noPt = await admin('PATCH', `/courses/${course.id}`, { defaultLocale: 'pt' });
      expect(noPt.statusCode).toBe(400);
      expect(fieldsOf(noPt)).toEqual(['title.pt']);

      expect(
        (await admin('POST', `/courses/${course.id}/status`, { status: 'archived' })).json().status,
      ).toBe('archived');
      expect((await admin('POST', `/courses/${course.id}/status`, { status: 'draft' })).json().status).toBe(
        'draft',
      );
      const bad = await admin('POST', `/courses/${course.id}/status`, { status: 'live' });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['status']);
    });

    it('refuses to publish when a module lost its default-language title after the default changed', async () => {
      const course = await createCourse({ title: { es: 'Curso', en: 'Course' } });
      const module = await addModule(course.id, { es: 'Solo en español' });
      await addActivity(module.id, { kind: 'page', title: { es: 'Lectura', en: 'Reading' } });
      expect((await admin('PATCH', `/courses/${course.id}`, { defaultLocale: 'en' })).statusCode).toBe(200);
      const res = await admin('POST', `/courses/${course.id}/status`, { status: 'published' });
      expect(res.statusCode).toBe(409);
      expect(fieldsOf(res)).toEqual(['modules.0.title.en']);
    });
  });

  describe('duplicating', () => {
    it('makes a new draft with copies of modules, activities and files', async () => {
      const course = await createCourse({ summary: { es: 'Resumen' }, topics: ['planning'] });
      const module = await addModule(course.id, { es: 'Uno', en: 'One' });
      await addActivity(module.id, { kind: 'page', body: { es: '<p>Hola</p>' } });
      const file = await addActivity(module.id, { kind: 'file' });
      const pdf = samplePdf('original');
      expect((await uploadFile(file.id, pdf, 'Guía.pdf')).statusCode).toBe(200);
      await admin('POST', `/courses/${course.id}/status`, { status: 'published' });

      const slug = uniqueSlug('run-2027');
      const res = await admin('POST', `/courses/${course.id}/duplicate`, { slug });
      expect(res.statusCode).toBe(201);
      const copy: CourseAdminView = res.json();
      expect(copy).toMatchObject({
        slug,
        status: 'draft',
        title: course.title,
        summary: { es: 'Resumen' },
        topics: ['planning'],
        locales: course.locales,
      });
      expect(copy.id).not.toBe(course.id);
      expect(copy.modules).toHaveLength(1);
      expect(copy.modules[0].id).not.toBe(module.id);
      expect(copy.modules[0].activities.map((a) => a.kind)).toEqual(['page', 'file']);
      const copiedFile = copy.modules[0].activities[1];
      expect(copiedFile.id).not.toBe(file.id);
      expect(copiedFile.file).toEqual({ name: 'Guía.pdf', contentType: 'application/pdf', size: pdf.length });

      // The copy owns its file: replacing the original's leaves the copy's as it was.
      expect((await uploadFile(file.id, samplePdf('replaced'), 'nueva.pdf')).statusCode).toBe(200);
      const download = await admin('GET', `/activities/${copiedFile.id}/file`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
    });
  });

  describe('translations and validation', () => {
    it.each([
      ['an unknown language key', { title: { es: 'Curso', fr: 'Cours' } }, 'title.fr'],
      ['no title in the default language', { title: { en: 'Only English' } }, 'title.es'],
      ['a default-language title of spaces', { title: { es: '   ', en: 'Course' } }, 'title.es'],
      ['a title that is not an object', { title: 'Curso' }, 'title'],
      ['a title as an array', { title: ['Curso'] }, 'title'],
      ['a title in a language that is not text', { title: { es: 42 } }, 'title.es'],
      ['a title over 200 characters', { title: { es: 'x'.repeat(201) } }, 'title.es'],
      ['a summary over 500 characters', { summary: { en: 'x'.repeat(501) } }, 'summary.en'],
      [
        'a description over 100 kB',
        { description: { es: `<p>${'á'.repeat(52 * 1024)}</p>` } },
        'description.es',
      ],
      ['an unknown language in the description', { description: { de: '<p>x</p>' } }, 'description.de'],
      ['a slug with capitals', { slug: 'Planning-2027' }, 'slug'],
      ['a slug too short', { slug: 'ab' }, 'slug'],
      ['a slug with a path', { slug: '../admin' }, 'slug'],
      ['an unknown default language', { defaultLocale: 'fr' }, 'defaultLocale'],
      ['an unknown programme', { programmeId: UNKNOWN_ID }, 'programmeId'],
      ['a programme id that is not a UUID', { programmeId: 'abc' }, 'programmeId'],
      ['a status (mass assignment)', { status: 'published' }, 'status'],
      ['a search text (mass assignment)', { searchText: 'x' }, 'searchText'],
      ['estimated hours that are not a whole number', { estimatedHours: 1.5 }, 'estimatedHours'],
      ['too many topics', { topics: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'topics'],
    ])('refuses a course with %s, with a 400 naming the field', async (_, change, field) => {
      const res = await admin('POST', '/courses', {
        programmeId: programme.id,
        slug: uniqueSlug('invalid'),
        defaultLocale: 'es',
        title: { es: 'Curso' },
        ...change,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res)).toContain(field);
    });

    it('names the field in module and activity bodies too', async () => {
      const course = await createCourse();
      const noDefault = await admin('POST', `/courses/${course.id}/modules`, {
        title: { en: 'Only English' },
      });
      expect(noDefault.statusCode).toBe(400);
      expect(fieldsOf(noDefault)).toEqual(['title.es']);
      const module = await addModule(course.id);

      const cases: [Record<string, unknown>, string][] = [
        [{ kind: 'page', title: { es: 'x', de: 'y' } }, 'title.de'],
        [{ kind: 'video', title: { es: 'x' } }, 'kind'],
        [{ kind: 'link', title: { es: 'x' } }, 'url'],
        [{ kind: 'link', title: { es: 'x' }, url: 'javascript:alert(1)' }, 'url'],
        [{ kind: 'link', title: { es: 'x' }, url: 'ftp://files.example.org/a' }, 'url'],
        [{ kind: 'page', title: { es: 'x' }, url: 'https://example.org' }, 'url'],
        [{ kind: 'page', title: { es: 'x' }, moduleId: UNKNOWN_ID }, 'moduleId'],
      ];
      for (const [body, field] of cases) {
        const res = await admin('POST', `/modules/${module.id}/activities`, body);
        expect({ body, status: res.statusCode, fields: fieldsOf(res) }).toEqual({
          body,
          status: 400,
          fields: [field],
        });
      }
      const page = await addActivity(module.id, { kind: 'page' });
      const kindChange = await admin('PATCH', `/activities/${page.id}`, { kind: 'quiz' });
      expect(kindChange.statusCode).toBe(400);
      expect(fieldsOf(kindChange)).toEqual(['kind']);
      const nullTitle = await admin('PATCH', `/activities/${page.id}`, { title: null });
      expect(nullTitle.statusCode).toBe(400);
      expect(fieldsOf(nullTitle)).toContain('title');
    });
  });

  describe('reminder offsets', () => {
    it('keeps a course on the platform default until its own hours are saved, largest first', async () => {
      const course = await createCourse();
      expect(course.reminderOffsetsHours).toBeNull();

      const saved = await admin('PATCH', `/courses/${course.id}`, { reminderOffsetsHours: [24, 720, 1, 48] });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().reminderOffsetsHours).toEqual([720, 48, 24, 1]);
      expect((await admin('GET', `/courses/${course.id}`)).json().reminderOffsetsHours).toEqual([720, 48, 24, 1]);

      // Other changes leave them alone; a copy for a new run keeps them.
      await admin('PATCH', `/courses/${course.id}`, { estimatedHours: 10 });
      expect((await admin('GET', `/courses/${course.id}`)).json().reminderOffsetsHours).toEqual([720, 48, 24, 1]);
      const copy = await admin('POST', `/courses/${course.id}/duplicate`, { slug: uniqueSlug('copy') });
      expect(copy.json().reminderOffsetsHours).toEqual([720, 48, 24, 1]);

      const cleared = await admin('PATCH', `/courses/${course.id}`, { reminderOffsetsHours: null });
      expect(cleared.json().reminderOffsetsHours).toBeNull();
      expect((await admin('GET', `/courses/${course.id}`)).json().reminderOffsetsHours).toBeNull();

      const created = await createCourse({ reminderOffsetsHours: [12] });
      expect(created.reminderOffsetsHours).toEqual([12]);
    });

    it.each([
      ['zero hours', [0]],
      ['more than 720 hours', [721]],
      ['negative hours', [-24]],
      ['a repeated value', [24, 24]],
      ['five values', [96, 72, 48, 24, 12]],
      ['an empty list', []],
      ['hours as text', ['48']],
      ['a comma-separated string', '72,24'],
      ['a number instead of a list', 48],
      ['a fraction of an hour', [1.5]],
      ['an object', { hours: 48 }],
      ['a nested list', [[48]]],
      ['a null inside the list', [null]],
    ])('refuses %s with a 400 naming reminderOffsetsHours, and changes nothing', async (_, value) => {
      const course = await createCourse({ reminderOffsetsHours: [48] });
      const res = await admin('PATCH', `/courses/${course.id}`, { reminderOffsetsHours: value });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res)).toEqual(expect.arrayContaining(['reminderOffsetsHours']));
      expect(new Set(fieldsOf(res))).toEqual(new Set(['reminderOffsetsHours']));
      expect((await admin('GET', `/courses/${course.id}`)).json().reminderOffsetsHours).toEqual([48]);

      const created = await admin('POST', '/courses', {
        programmeId: programme.id,
        slug: uniqueSlug('offsets'),
        defaultLocale: 'es',
        title: { es: 'Curso' },
        reminderOffsetsHours: value,
      });
      expect(created.statusCode).toBe(400);
      expect(fieldsOf(created)).toContain('reminderOffsetsHours');
    });
  });

  describe('sanitising rich text', () => {
    const dirty =
      '<h2 onclick="steal()">Objetivos</h2><script>fetch("/api/me")</script>' +
      '<p style="x">Ver <a href="javascript:alert(1)">esto</a> y <a href="https://cepal.org">CEPAL</a>.</p>' +
      '<img src="x" onerror="alert(1)"><img src="https://cdn.example.org/mapa.png" onerror="alert(2)" alt="Mapa">' +
      '<ul><li><em>uno</em></li></ul><iframe src="https://evil.example"></iframe>';
    const clean =
      '<h2>Objetivos</h2><p>Ver <a>esto</a> y <a href="https://cepal.org" rel="noopener noreferrer" target="_blank">CEPAL</a>.</p>' +
      '<img alt="Mapa" src="https://cdn.example.org/mapa.png" /><ul><li><em>uno</em></li></ul>';

    it('cleans course descriptions and page bodies on save, keeping the allowed markup', async () => {
      const course = await createCourse({ description: { es: dirty, en: '<script>alert(1)</script>' } });
      expect(course.description).toEqual({ es: clean });
      const module = await addModule(course.id);
      const page = await addActivity(module.id, { kind: 'page', body: { es: dirty } });
      expect(page.body).toEqual({ es: clean });
      const patched = await admin('PATCH', `/activities/${page.id}`, { body: { en: dirty } });
      expect(patched.json().body).toEqual({ en: clean });
      const stored: CourseAdminView = (await admin('GET', `/courses/${course.id}`)).json();
      expect(JSON.stringify(stored)).not.toMatch(/<script|onerror|onclick|javascript:|<iframe/i);
    });
  });

  describe('activity files', () => {
    let module: ModuleAdminView;
    beforeAll(async () => {
      module = await addModule((await createCourse()).id);
    });

    it('accepts a PDF and serves it back as an inert attachment', async () => {
      const activity = await addActivity(module.id, { kind: 'file' });
      const pdf = samplePdf();
      const res = await uploadFile(activity.id, pdf, 'Guía de planificación.pdf');
      expect(res.statusCode).toBe(200);
      expect(res.json().file).toEqual({
        name: 'Guía de planificación.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
      });

      const download = await admin('GET', `/activities/${activity.id}/file`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-length']).toBe(String(pdf.length));
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="Gu_a de planificaci_n.pdf"; filename*=UTF-8''Gu%C3%ADa%20de%20planificaci%C3%B3n.pdf`,
      );
      expect(download.headers['content-security-policy']).toContain('sandbox');
    });

    it('replaces a file and removes the old one from storage', async () => {
      const activity = await addActivity(module.id, { kind: 'file' });
      const countFiles = async () =>
        (await readdir(join(dataDir, 'files', 'catalog', 'activity-files'))).filter(
          (f) => !f.endsWith('.part'),
        ).length;
      expect((await uploadFile(activity.id, samplePdf(), 'a.pdf')).statusCode).toBe(200);
      const before = await countFiles();
      const res = await uploadFile(activity.id, samplePng(), 'mapa.png');
      expect(res.json().file).toMatchObject({ name: 'mapa.png', contentType: 'image/png' });
      expect(await countFiles()).toBe(before);
      expect((await admin('GET', `/activities/${activity.id}/file`)).rawPayload.equals(samplePng())).toBe(
        true,
      );
    });

    it.each([
      ['an HTML page renamed .pdf', SAMPLE_HTML, 'guia.pdf'],
      ['an SVG with a script, renamed .png', SAMPLE_SVG, 'mapa.png'],
      ['an HTML page renamed .csv', SAMPLE_HTML, 'notas.csv'],
    ])('refuses %s with 415 naming file, and stores nothing', async (_, content, name) => {
      const activity = await addActivity(module.id, { kind: 'file' });
      const res = await uploadFile(activity.id, content, name);
      expect(res.statusCode).toBe(415);
      expect(fieldsOf(res)).toEqual(['file']);
      expect((await admin('GET', `/activities/${activity.id}/file`)).statusCode).toBe(404);
    });

    it('refuses a file over the size limit with 413', async () => {
      const activity = await addActivity(module.id, { kind: 'file' });
      const big = Buffer.concat([samplePdf(), Buffer.alloc(ACTIVITY_FILE_MAX_BYTES, 0x20)]);
      const res = await uploadFile(activity.id, big, 'big.pdf');
      expect(res.statusCode).toBe(413);
      expect(fieldsOf(res)).toEqual(['file']);
      expect((await admin('GET', `/activities/${activity.id}/file`)).statusCode).toBe(404);
    });

    it('neutralises ../ and CR/LF in the file name', async () => {
      const activity = await addActivity(module.id, { kind: 'file' });
      // Browsers send CR/LF in a file name as %0D%0A; the form parser turns them back.
      const res = await uploadFile(activity.id, samplePdf(), '../../etc/evil%0D%0ASet-Cookie: a=b.pdf');
      expect(res.statusCode).toBe(200);
      const name: string = res.json().file.name;
      expect(name).toBe('evilSet-Cookie_ a=b.pdf');
      const download = await admin('GET', `/activities/${activity.id}/file`);
      expect(download.headers['content-disposition']).toBe('attachment; filename="evilSet-Cookie_ a=b.pdf"');
      expect(download.headers['set-cookie']).toBeUndefined();
      const hidden = await uploadFile(activity.id, samplePdf(), '..\\..\\.htaccess');
      expect(hidden.json()).toMatchObject({ file: { name: 'htaccess.pdf' } });
    });

    it('accepts UTF-8 CSV and refuses a file field that is missing or a non-file activity', async () => {
      const csvActivity = await addActivity(module.id, { kind: 'file' });
      const csv = await uploadFile(
        csvActivity.id,
        Buffer.from('región;población\nBiobío;1556805\n'),
        'regiones.csv',
      );
      expect(csv.statusCode).toBe(200);
      expect(csv.json().file.contentType).toBe('text/csv; charset=utf-8');

      const body = multipart(samplePdf(), 'a.pdf', 'document');
      const wrongField = await t.request({
        method: 'PUT',
        url: `/api/admin/activities/${csvActivity.id}/file`,
        headers: { ...body.headers, authorization: `Bearer ${adminToken}` },
        payload: body.payload,
      });
      expect(wrongField.statusCode).toBe(400);
      expect(fieldsOf(wrongField)).toEqual(['file']);

      const json = await admin('PUT', `/activities/${csvActivity.id}/file`, { file: 'x' });
      expect(json.statusCode).toBe(400);
      expect(fieldsOf(json)).toEqual(['file']);

      const page = await addActivity(module.id, { kind: 'page' });
      const onPage = await uploadFile(page.id, samplePdf(), 'a.pdf');
      expect(onPage.statusCode).toBe(409);
      expect(fieldsOf(onPage)).toEqual(['kind']);
      expect((await admin('GET', `/activities/${page.id}/file`)).statusCode).toBe(404);
    });

    it('removes the file from storage when its activity is deleted', async () => {
      const activity = await addActivity(module.id, { kind: 'file' });
      expect((await uploadFile(activity.id, samplePdf('to delete'), 'x.pdf')).statusCode).toBe(200);
      const files = async () => readdir(join(dataDir, 'files', 'catalog', 'activity-files'));
      const before = (await files()).length;
      expect((await admin('DELETE', `/activities/${activity.id}`)).statusCode).toBe(204);
      expect((await files()).length).toBe(before - 1);
    });
  });

  describe('access', () => {
    it('answers 403 to trainees and tutors and 401 without a token, on every kind of admin route', async () => {
      const course = await createCourse();
      const module = await addModule(course.id);
      const activity = await addActivity(module.id, { kind: 'file' });
      const trainee = (await t.register()).session.accessToken;
      const tutor = await signInWithRoles(['tutor', 'trainee']);
      const routes: [Method, string, unknown?][] = [
        ['GET', '/programmes'],
        ['POST', '/programmes', { slug: uniqueSlug('p'), defaultLocale: 'en', title: { en: 'x' } }],
        ['GET', '/courses'],
        ['GET', `/courses/${course.id}`],
        [
          'POST',
          '/courses',
          { programmeId: programme.id, slug: uniqueSlug('c'), defaultLocale: 'en', title: { en: 'x' } },
        ],
        ['PATCH', `/courses/${course.id}`, { title: { es: 'hacked' } }],
        ['POST', `/courses/${course.id}/status`, { status: 'published' }],
        ['POST', `/courses/${course.id}/duplicate`, { slug: uniqueSlug('d') }],
        ['POST', `/courses/${course.id}/modules`, { title: { es: 'x' } }],
        ['PUT', `/courses/${course.id}/modules/order`, { ids: [module.id] }],
        ['PATCH', `/modules/${module.id}`, { title: { es: 'x' } }],
        ['DELETE', `/modules/${module.id}`],
        ['POST', `/modules/${module.id}/activities`, { kind: 'page', title: { es: 'x' } }],
        ['PUT', `/modules/${module.id}/activities/order`, { ids: [activity.id] }],
        ['PATCH', `/activities/${activity.id}`, { required: false }],
        ['DELETE', `/activities/${activity.id}`],
        ['GET', `/activities/${activity.id}/file`],
      ];
      for (const [method, url, payload] of routes) {
        expect({ url, method, trainee: (await as(trainee)(method, url, payload)).statusCode }).toEqual({
          url,
          method,
          trainee: 403,
        });
        expect({ url, method, tutor: (await as(tutor)(method, url, payload)).statusCode }).toEqual({
          url,
          method,
          tutor: 403,
        });
        const anonymous = await t.request({
          method,
          url: `/api/admin${url}`,
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        expect({ url, method, anonymous: anonymous.statusCode }).toEqual({ url, method, anonymous: 401 });
      }
      const body = multipart(samplePdf(), 'a.pdf');
      const upload = await t.request({
        method: 'PUT',
        url: `/api/admin/activities/${activity.id}/file`,
        headers: { ...body.headers, authorization: `Bearer ${trainee}` },
        payload: body.payload,
      });
      expect(upload.statusCode).toBe(403);
      // Nothing changed.
      expect((await admin('GET', `/courses/${course.id}`)).json()).toMatchObject({
        status: 'draft',
        title: course.title,
        modules: [{ id: module.id }],
      });
    });

    it('answers 404 for unknown ids and 400 naming id for ids that are not UUIDs', async () => {
      const unknown: [Method, string, unknown?][] = [
        ['PATCH', `/programmes/${UNKNOWN_ID}`, { slug: uniqueSlug('p') }],
        ['GET', `/courses/${UNKNOWN_ID}`],
        ['PATCH', `/courses/${UNKNOWN_ID}`, { estimatedHours: 3 }],
        ['POST', `/courses/${UNKNOWN_ID}/status`, { status: 'published' }],
        ['POST', `/courses/${UNKNOWN_ID}/duplicate`, { slug: uniqueSlug('d') }],
        ['POST', `/courses/${UNKNOWN_ID}/modules`, { title: { es: 'x' } }],
        ['PUT', `/courses/${UNKNOWN_ID}/modules/order`, { ids: [] }],
        ['PATCH', `/modules/${UNKNOWN_ID}`, { title: { es: 'x' } }],
        ['DELETE', `/modules/${UNKNOWN_ID}`],
        ['POST', `/modules/${UNKNOWN_ID}/activities`, { kind: 'page', title: { es: 'x' } }],
        ['PUT', `/modules/${UNKNOWN_ID}/activities/order`, { ids: [] }],
        ['PATCH', `/activities/${UNKNOWN_ID}`, { required: true }],
        ['DELETE', `/activities/${UNKNOWN_ID}`],
        ['GET', `/activities/${UNKNOWN_ID}/file`],
      ];
      for (const [method, url, payload] of unknown) {
        expect({ method, url, status: (await admin(method, url, payload)).statusCode }).toEqual({
          method,
          url,
          status: 404,
        });
        const notUuid = await admin(method, url.replace(UNKNOWN_ID, 'not-a-uuid'), payload);
        expect({ method, url, status: notUuid.statusCode, fields: fieldsOf(notUuid) }).toEqual({
          method,
          url,
          status: 400,
          fields: ['id'],
        });
      }
      const uploadUnknown = await uploadFile(UNKNOWN_ID, samplePdf(), 'a.pdf');
      expect(uploadUnknown.statusCode).toBe(404);
      const body = multipart(samplePdf(), 'a.pdf');
      const uploadBadId = await t.request({
        method: 'PUT',
        url: '/api/admin/activities/1%20OR%201=1/file',
        headers: { ...body.headers, authorization: `Bearer ${adminToken}` },
        payload: body.payload,
      });
      expect(uploadBadId.statusCode).toBe(400);
      expect(fieldsOf(uploadBadId)).toEqual(['id']);
    });
  });
});
