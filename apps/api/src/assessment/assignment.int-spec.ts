import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AssignmentSettings, AssignmentTraineeView, SubmissionFileView } from '@aula/contracts';
import { AssignmentService, GradeService, ScheduleService } from '@aula/server/assessment';
import { Activity, catalogSampleFiles } from '@aula/server/catalog';
import { startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import { multipart } from '../testing/multipart';
import {
  createCohort,
  createCourse,
  enrolled,
  fieldsOf,
  person,
  UNKNOWN_ID,
  type CreatedCourse,
  type Person,
} from '../enrolment/testing/learning-fixtures';

const { samplePdf, samplePng, SAMPLE_HTML } = catalogSampleFiles;

const HOUR = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms);

describe('assignments and submissions over HTTP', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: Person;
  let tutor: Person;
  let otherTutor: Person;
  let alice: Person;
  let bruno: Person;
  let course: CreatedCourse;
  let cohortId: string;
  let aliceEnrolment: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-assignment-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    [admin, tutor, otherTutor, alice, bruno] = await Promise.all([
      person(t, ['admin']),
      person(t, ['tutor']),
      person(t, ['tutor']),
      person(t, ['trainee'], { locale: 'es' }),
      person(t),
    ]);
    course = await createCourse(t, {
      defaultLocale: 'en',
      modules: [{ title: { en: 'Plans' }, activities: [{ title: { en: 'Reading' } }] }],
    });
    cohortId = (await createCohort(t, admin, course.id, { tutorIds: [tutor.id] })).id;
    await createCohort(t, admin, course.id, { tutorIds: [otherTutor.id] });
    aliceEnrolment = (await enrolled(t, alice, cohortId)).id;
    await enrolled(t, bruno, cohortId);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const em = () => t.app.get(DataSource).manager;
  const call = (who: Person, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });

  /** A new assignment activity in the course, with settings and the cohort's dates. */
  async function assignment(
    settings: Partial<AssignmentSettings> = {},
    dates: { dueAt?: Date | null; closesAt?: Date | null } = {},
  ): Promise<string> {
    const activity = await em().save(
      Activity,
      em().create(Activity, {
        courseId: course.id,
        moduleId: course.modules[0].id,
        position: 100,
        kind: 'assignment',
        title: { en: 'Action plan', es: 'Plan de acción' },
        body: { en: '<p>Write your plan</p>', es: '<p>Escribe tu plan</p>' },
        required: true,
      }),
    );
    if (Object.keys(settings).length > 0) {
      const res = await call(admin, 'PUT', `/api/admin/assignments/${activity.id}/settings`, settings);
      if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
    }
    if (dates.dueAt !== undefined || dates.closesAt !== undefined) {
      await t.app.get(ScheduleService).set(em(), cohortId, activity.id, dates);
    }
    return activity.id;
  }

  const view = async (who: Person, id: string): Promise<AssignmentTraineeView> => {
    const res = await call(who, 'GET', `/api/assignments/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const upload = (who: Person, id: string, content: Buffer, name: string) => {
    const body = multipart(content, name);
    return t.request({
      method: 'POST',
      url: `/api/assignments/${id}/files`,
      headers: { ...who.headers, ...body.headers },
      payload: body.payload,
    });
  };
  const draft = (who: Person, id: string, text: string | null) => call(who, 'PUT', `/api/assignments/${id}/draft`, { text });
  const submit = (who: Person, id: string, payload: object = {}) => call(who, 'POST', `/api/assignments/${id}/submit`, payload);
  const detail = (res: TestResponse) => (res.json() as { detail?: string }).detail ?? '';

  describe('settings (administrators)', () => {
    it('creates defaults the first time and derives max points from the rubric', async () => {
      const id = await assignment();
      const first = await call(admin, 'GET', `/api/admin/assignments/${id}/settings`);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        acceptsText: true,
        acceptsFiles: true,
        maxFiles: 3,
        maxFileBytes: 10485760,
        allowedFileTypes: ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'png', 'jpg', 'txt'],
        latePolicy: 'accept',
        allowResubmission: true,
        blindMarking: false,
        rubric: null,
        maxPoints: 100,
      });
      const rubric = {
        criteria: [
          {
            id: 'diagnosis',
            title: { en: 'Diagnosis', es: 'Diagnóstico', pt: 'Diagnóstico' },
            levels: [
              { id: 'd0', title: { en: 'Missing' }, points: 0 },
              { id: 'd1', title: { en: 'Complete' }, points: 6.5 },
            ],
          },
          {
            id: 'actions',
            title: { en: 'Actions' },
            levels: [
              { id: 'a1', title: { en: 'Vague' }, points: 2 },
              { id: 'a2', title: { en: 'Concrete' }, points: 4 },
            ],
          },
        ],
      };
      const saved = await call(admin, 'PUT', `/api/admin/assignments/${id}/settings`, {
        rubric,
        maxPoints: 50,
        latePolicy: 'penalty',
        latePenaltyPercentPerDay: 10,
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ maxPoints: 10.5, latePolicy: 'penalty', latePenaltyPercentPerDay: 10, rubric });
      const [item] = await t.app
        .get(DataSource)
        .query(`SELECT max_points::float AS "maxPoints", course_id AS "courseId" FROM grade_items WHERE activity_id = $1`, [id]);
      expect(item).toEqual({ maxPoints: 10.5, courseId: course.id });

      // Without a rubric, the max points are the administrator's.
      const plain = await call(admin, 'PUT', `/api/admin/assignments/${id}/settings`, { rubric: null, maxPoints: 20 });
      expect(plain.json()).toMatchObject({ rubric: null, maxPoints: 20 });
    });

    it('refuses invalid settings with a 400 naming the field', async () => {
      const id = await assignment();
      const level = (id: string, points: unknown) => ({ id, title: { en: 'L' }, points });
      const cases: [object, string][] = [
        [
          {
            rubric: {
              criteria: [
                { id: 'c1', title: { en: 'One' }, levels: [level('l1', 1)] },
                { id: 'c2', title: { en: 'Two' }, levels: [level('l2', -1)] },
              ],
            },
          },
          'rubric.criteria[1].levels[0].points',
        ],
        [
          { rubric: { criteria: [{ id: 'c1', title: { en: 'One' }, levels: [level('c1', 1)] }] } },
          'rubric.criteria[0].levels[0].id',
        ],
        [{ rubric: { criteria: [{ id: 'c1', title: { en: ' ' }, levels: [level('l1', 1)] }] } }, 'rubric.criteria[0].title'],
        [{ rubric: { criteria: [{ id: 'c1', title: { en: 'A' }, levels: [level('l1', 1)], weight: 2 }] } }, 'rubric.criteria[0].weight'],
        [{ rubric: { criteria: [] } }, 'rubric.criteria'],
        [{ maxFiles: 0 }, 'maxFiles'],
        [{ maxFileBytes: 1024 * 1024 * 1024 }, 'maxFileBytes'],
        [{ allowedFileTypes: ['pdf', 'html'] }, 'allowedFileTypes'],
        [{ latePolicy: 'whenever' }, 'latePolicy'],
        [{ latePenaltyPercentPerDay: 120 }, 'latePenaltyPercentPerDay'],
        [{ acceptsText: false, acceptsFiles: false }, 'acceptsFiles'],
        [{ maxPoints: -5 }, 'maxPoints'],
        [{ courseId: UNKNOWN_ID }, 'courseId'],
        [{ role: 'admin' }, 'role'],
      ];
      for (const [payload, field] of cases) {
        const res = await call(admin, 'PUT', `/api/admin/assignments/${id}/settings`, payload);
        expect({ payload, status: res.statusCode, fields: fieldsOf(res) }).toEqual({
          payload,
          status: 400,
          fields: expect.arrayContaining([expect.stringMatching(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}`))]),
        });
      }
      // Nothing was half-applied.
      expect((await call(admin, 'GET', `/api/admin/assignments/${id}/settings`)).json()).toMatchObject({
        maxFiles: 3,
        rubric: null,
      });
    });

    it('is for administrators only; other kinds and unknown activities are refused', async () => {
      const id = await assignment();
      expect((await call(alice, 'GET', `/api/admin/assignments/${id}/settings`)).statusCode).toBe(403);
      expect((await call(tutor, 'PUT', `/api/admin/assignments/${id}/settings`, { maxFiles: 1 })).statusCode).toBe(403);
      expect((await call(admin, 'GET', `/api/admin/assignments/${UNKNOWN_ID}/settings`)).statusCode).toBe(404);
      const page = course.activityIds[0];
      const res = await call(admin, 'GET', `/api/admin/assignments/${page}/settings`);
      expect(res.statusCode).toBe(409);
      expect(fieldsOf(res)).toEqual(['kind']);
    });
  });

  describe('a trainee submitting', () => {
    it('keeps the draft (sanitised) across visits, then submits text and a file as version 1', async () => {
      const id = await assignment({}, { dueAt: at(48 * HOUR), closesAt: at(96 * HOUR) });
      const before = await view(alice, id);
      expect(before).toMatchObject({
        title: 'Plan de acción',
        locale: 'es',
        instructions: '<p>Escribe tu plan</p>',
        status: null,
        versions: [],
        submitBlock: null,
        grade: null,
        enrolmentId: aliceEnrolment,
        cohortTimeZone: 'America/Bogota',
      });
      expect(before.schedule.dueAt).not.toBeNull();

      const saved = await draft(alice, id, '<p>Mi plan <script>alert(1)</script><b>regional</b></p>');
      expect(saved.statusCode).toBe(200);
      const uploaded = await upload(alice, id, samplePdf(), '../../etc/Plan\r\nfinal.pdf');
      expect(uploaded.statusCode).toBe(201);
      const file: SubmissionFileView = uploaded.json();
      expect(file).toMatchObject({ contentType: 'application/pdf' });
      expect(file.name).not.toMatch(/[\r\n/\\]|\.\./);
      expect(file.name).toMatch(/\.pdf$/);

      const again = await view(alice, id);
      expect(again.draft.text).toBe('<p>Mi plan <b>regional</b></p>');
      expect(again.draft.files).toEqual([file]);
      expect(again.status).toBe('draft');

      const submitted = await submit(alice, id, { expectedVersion: 0 });
      expect(submitted.statusCode).toBe(200);
      const after: AssignmentTraineeView = submitted.json();
      expect(after.status).toBe('submitted');
      expect(after.versions).toHaveLength(1);
      expect(after.versions[0]).toMatchObject({ number: 1, text: '<p>Mi plan <b>regional</b></p>', lateSeconds: 0 });
      expect(after.versions[0].files.map((f) => f.name)).toEqual([file.name]);
      // Submitting writes no grade: marking does.
      const grades = await t.app.get(DataSource).query(`SELECT 1 FROM grades WHERE activity_id = $1`, [id]);
      expect(grades).toHaveLength(0);

      // A double submit (same expected version) is one submission.
      const twice = await submit(alice, id, { expectedVersion: 0 });
      expect(twice.statusCode).toBe(409);
      expect((await view(alice, id)).versions).toHaveLength(1);
    });

    it('announces each submitted version in the outbox with its payload; a saved draft announces nothing', async () => {
      const id = await assignment();
      const db = t.app.get(DataSource);
      const events = async () =>
        (await db.query(
          `SELECT type, payload FROM outbox_events WHERE payload->>'activityId' = $1 ORDER BY (payload->>'version')::int`,
          [id],
        )) as { type: string; payload: Record<string, unknown> }[];

      // Drafts and files are work in progress: nobody is told.
      expect((await draft(alice, id, '<p>Borrador</p>')).statusCode).toBe(200);
      expect((await upload(alice, id, samplePdf('draft'), 'borrador.pdf')).statusCode).toBe(201);
      expect((await draft(alice, id, '<p>Borrador 2</p>')).statusCode).toBe(200);
      expect(await events()).toEqual([]);

      expect((await submit(alice, id, { expectedVersion: 0 })).statusCode).toBe(200);
      const [submission] = (await db.query(
        `SELECT id FROM submissions WHERE activity_id = $1 AND enrolment_id = $2`,
        [id, aliceEnrolment],
      )) as { id: string }[];
      const version = (n: number) => ({
        type: 'assignment.submitted',
        payload: { submissionId: submission?.id, activityId: id, enrolmentId: aliceEnrolment, userId: alice.id, version: n },
      });
      expect(await events()).toEqual([version(1)]);

      // A refused submit (stale version) announces nothing; a draft after submitting neither.
      expect((await submit(alice, id, { expectedVersion: 0 })).statusCode).toBe(409);
      expect((await draft(alice, id, '<p>Segunda</p>')).statusCode).toBe(200);
      expect(await events()).toEqual([version(1)]);

      expect((await submit(alice, id, { expectedVersion: 1 })).statusCode).toBe(200);
      expect(await events()).toEqual([version(1), version(2)]);
    });

    it('resubmits as a new version, keeping the old one with its files', async () => {
      const id = await assignment();
      await draft(alice, id, '<p>First</p>');
      const first = (await upload(alice, id, samplePdf('first'), 'first.pdf')).json() as SubmissionFileView;
      expect((await submit(alice, id)).statusCode).toBe(200);
      // The draft carries on from what was submitted; replace the file and the text.
      expect((await call(alice, 'DELETE', `/api/assignments/${id}/files/${(await view(alice, id)).draft.files[0].id}`)).statusCode).toBe(204);
      await upload(alice, id, samplePdf('second'), 'second.pdf');
      await draft(alice, id, '<p>Second</p>');
      const res = await submit(alice, id, { expectedVersion: 1 });
      expect(res.statusCode).toBe(200);
      const v: AssignmentTraineeView = res.json();
      expect(v.versions.map((x) => [x.number, x.text, x.files.map((f) => f.name)])).toEqual([
        [2, '<p>Second</p>', ['second.pdf']],
        [1, '<p>First</p>', ['first.pdf']],
      ]);
      // The first version's file is still there for its owner.
      const old = v.versions[1].files[0];
      expect(old.name).toBe(first.name);
      const download = await call(alice, 'GET', `/api/submission-files/${old.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(samplePdf('first'))).toBe(true);

      const marking = await t.app.get(AssignmentService).latestForMarking(em(), id, aliceEnrolment);
      expect(marking).toMatchObject({ versionsCount: 2, latest: { number: 2, text: '<p>Second</p>' } });
      expect(marking?.latest.files.map((f) => f.name)).toEqual(['second.pdf']);
      expect(await t.app.get(AssignmentService).latestForMarking(em(), id, UNKNOWN_ID)).toBeNull();
    });

    it('refuses a second submission when resubmission is not allowed', async () => {
      const id = await assignment({ allowResubmission: false });
      await draft(alice, id, '<p>Only once</p>');
      expect((await submit(alice, id)).statusCode).toBe(200);
      const res = await submit(alice, id);
      expect(res.statusCode).toBe(409);
      expect(detail(res)).toMatch(/already submitted/);
      expect((await view(alice, id)).submitBlock).toBe('no-resubmission');
    });

    it('needs text or a file, as the assignment accepts them', async () => {
      const id = await assignment({ acceptsText: false });
      await draft(alice, id, null);
      const empty = await submit(alice, id);
      expect(empty.statusCode).toBe(400);
      expect(fieldsOf(empty)).toEqual(['files']);
      expect(fieldsOf(await draft(alice, id, '<p>text</p>'))).toEqual(['text']);
      const both = await assignment();
      const none = await submit(alice, both);
      expect(none.statusCode).toBe(400);
      expect(fieldsOf(none)).toEqual(['text']);
      expect((await draft(alice, both, '<p>   </p>')).statusCode).toBe(200);
      expect((await submit(alice, both)).statusCode).toBe(400);
    });

    it('refuses unknown fields (mass assignment) with a 400 naming them', async () => {
      const id = await assignment();
      const a = await draft(alice, id, 'x');
      expect(a.statusCode).toBe(200);
      const b = await call(alice, 'PUT', `/api/assignments/${id}/draft`, { text: 'x', enrolmentId: UNKNOWN_ID });
      expect([b.statusCode, fieldsOf(b)]).toEqual([400, ['enrolmentId']]);
      const c = await submit(alice, id, { score: 100 });
      expect([c.statusCode, fieldsOf(c)]).toEqual([400, ['score']]);
      const d = await submit(alice, id, { lateSeconds: 0 });
      expect([d.statusCode, fieldsOf(d)]).toEqual([400, ['lateSeconds']]);
    });
  });

  describe('dates and late policy', () => {
    it('flags a late submission with its lateness, and refuses after the cut-off with a clear message', async () => {
      const late = await assignment({}, { dueAt: at(-2 * HOUR), closesAt: at(24 * HOUR) });
      await draft(alice, late, '<p>Late</p>');
      const res = await submit(alice, late);
      expect(res.statusCode).toBe(200);
      const seconds = (res.json() as AssignmentTraineeView).versions[0].lateSeconds;
      expect(seconds).toBeGreaterThanOrEqual(2 * 3600 - 5);
      expect(seconds).toBeLessThan(2 * 3600 + 120);

      const closed = await assignment({}, { dueAt: at(-3 * HOUR), closesAt: at(-1 * HOUR) });
      expect((await view(alice, closed)).submitBlock).toBe('closed');
      const refused = await submit(alice, closed);
      expect(refused.statusCode).toBe(409);
      expect(detail(refused)).toMatch(/cut-off date has passed/);
      // Nothing can be added to a closed assignment's draft either.
      expect((await upload(alice, closed, samplePdf(), 'x.pdf')).statusCode).toBe(409);
      expect((await draft(alice, closed, '<p>x</p>')).statusCode).toBe(409);
    });

    it("under the 'refuse' policy without a cut-off, refuses after the due date", async () => {
      const id = await assignment({ latePolicy: 'refuse' }, { dueAt: at(-1 * HOUR), closesAt: null });
      await t.app.get(DataSource).query(
        `INSERT INTO submissions (activity_id, enrolment_id, draft_text) VALUES ($1, $2, '<p>Too late</p>')`,
        [id, aliceEnrolment],
      );
      const res = await submit(alice, id);
      expect(res.statusCode).toBe(409);
      expect(detail(res)).toMatch(/does not accept late submissions/);
      // The same assignment accepts late work under 'accept'.
      await call(admin, 'PUT', `/api/admin/assignments/${id}/settings`, { latePolicy: 'accept' });
      const ok = await submit(alice, id);
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as AssignmentTraineeView).versions[0].lateSeconds).toBeGreaterThan(3000);
    });

    it("an extension lets one trainee submit after the cohort's cut-off, on time", async () => {
      const id = await assignment({}, { dueAt: at(-3 * HOUR), closesAt: at(-1 * HOUR) });
      const carla = await person(t);
      const carlaEnrolment = (await enrolled(t, carla, cohortId)).id;
      await t.app
        .get(ScheduleService)
        .grantExtension(em(), { id: tutor.id, roles: ['tutor'], sid: 'test' }, id, carlaEnrolment, {
          dueAt: at(24 * HOUR),
          closesAt: at(48 * HOUR),
        });
      const mine = await view(carla, id);
      expect(mine.schedule.extended).toBe(true);
      expect(mine.submitBlock).toBeNull();
      await draft(carla, id, '<p>With more time</p>');
      const res = await submit(carla, id);
      expect(res.statusCode).toBe(200);
      expect((res.json() as AssignmentTraineeView).versions[0].lateSeconds).toBe(0);
      // Others in the cohort are still refused.
      expect((await draft(bruno, id, '<p>x</p>')).statusCode).toBe(409);
      expect((await submit(bruno, id)).statusCode).toBe(409);
    });
  });

  describe('files', () => {
    it('refuses files too large, too many, of a type not accepted, or HTML renamed, naming `file`', async () => {
      const id = await assignment({ maxFiles: 2, maxFileBytes: 2048, allowedFileTypes: ['pdf', 'txt'] });
      const big = samplePdf('x'.repeat(4000));
      const cases: [Buffer, string, RegExp][] = [
        [big, 'big.pdf', /too large/],
        [samplePng(), 'picture.png', /not accepted/],
        [SAMPLE_HTML, 'report.pdf', /not accepted/],
        [SAMPLE_HTML, 'report.txt', /not accepted/],
      ];
      for (const [content, name, message] of cases) {
        const res = await upload(alice, id, content, name);
        expect({ name, status: res.statusCode, fields: fieldsOf(res) }).toEqual({ name, status: 400, fields: ['file'] });
        expect(detail(res)).toMatch(message);
      }
      expect((await upload(alice, id, samplePdf('a'), 'a.pdf')).statusCode).toBe(201);
      expect((await upload(alice, id, Buffer.from('plain notes\n'), 'notes.txt')).statusCode).toBe(201);
      const third = await upload(alice, id, samplePdf('c'), 'c.pdf');
      expect([third.statusCode, fieldsOf(third)]).toEqual([400, ['file']]);
      expect(detail(third)).toMatch(/at most 2 files/);
      expect((await view(alice, id)).draft.files.map((f) => f.name)).toEqual(['a.pdf', 'notes.txt']);
      const missing = await t.request({
        method: 'POST',
        url: `/api/assignments/${id}/files`,
        headers: { ...alice.headers, ...multipart(samplePdf(), 'a.pdf', 'other').headers },
        payload: multipart(samplePdf(), 'a.pdf', 'other').payload,
      });
      expect([missing.statusCode, fieldsOf(missing)]).toEqual([400, ['file']]);
    });

    it('serves a file as an inert attachment to its owner and the cohort’s tutors; 404 to everyone else', async () => {
      const id = await assignment();
      const file = (await upload(alice, id, samplePdf(), 'Informe de diagnóstico.pdf')).json() as SubmissionFileView;
      // A draft file is the owner's alone.
      expect((await call(tutor, 'GET', `/api/submission-files/${file.id}`)).statusCode).toBe(404);
      expect((await submit(alice, id)).statusCode).toBe(200);
      const submitted = (await view(alice, id)).versions[0].files[0];

      const own = await call(alice, 'GET', `/api/submission-files/${submitted.id}`);
      expect(own.statusCode).toBe(200);
      expect(own.headers['content-disposition']).toMatch(/^attachment; filename="Informe de diagn_stico.pdf"; filename\*=UTF-8''/);
      expect(own.headers['x-content-type-options']).toBe('nosniff');
      expect(own.headers['content-type']).toBe('application/pdf');
      expect((await call(tutor, 'GET', `/api/submission-files/${submitted.id}`)).statusCode).toBe(200);
      expect((await call(admin, 'GET', `/api/submission-files/${submitted.id}`)).statusCode).toBe(200);

      const stranger = await person(t);
      for (const who of [bruno, otherTutor, stranger]) {
        for (const fileId of [submitted.id, file.id, UNKNOWN_ID]) {
          const res = await call(who, 'GET', `/api/submission-files/${fileId}`);
          expect({ who: who.email, status: res.statusCode }).toEqual({ who: who.email, status: 404 });
          expect(res.body).not.toMatch(/Informe/);
        }
      }
      // Bruno cannot remove Alice's file through his own submission either.
      expect((await call(bruno, 'DELETE', `/api/assignments/${id}/files/${file.id}`)).statusCode).toBe(404);
      expect((await view(bruno, id)).versions).toEqual([]);
    });
  });

  describe('who may read and change', () => {
    it('hides the assignment (404) from people outside the course; tutors preview without submitting', async () => {
      const id = await assignment();
      const stranger = await person(t);
      expect((await call(stranger, 'GET', `/api/assignments/${id}`)).statusCode).toBe(404);
      expect((await call(stranger, 'PUT', `/api/assignments/${id}/draft`, { text: 'x' })).statusCode).toBe(404);
      expect((await call(alice, 'GET', `/api/assignments/${UNKNOWN_ID}`)).statusCode).toBe(404);
      expect((await call(alice, 'GET', `/api/assignments/${course.activityIds[0]}`)).statusCode).toBe(404);
      const preview = await view(tutor, id);
      expect(preview).toMatchObject({ enrolmentId: null, submitBlock: 'not-enrolled', draft: { text: null, files: [] } });
      expect((await call(tutor, 'PUT', `/api/assignments/${id}/draft`, { text: 'x' })).statusCode).toBe(403);
    });

    it('a completed enrolment reads its submission and grade but changes nothing', async () => {
      const id = await assignment();
      const dora = await person(t);
      const enrolmentId = (await enrolled(t, dora, cohortId)).id;
      await draft(dora, id, '<p>Done</p>');
      expect((await submit(dora, id)).statusCode).toBe(200);
      await t.app.get(DataSource).query(`UPDATE enrolments SET status = 'completed' WHERE id = $1`, [enrolmentId]);
      const mine = await view(dora, id);
      expect(mine).toMatchObject({ submitBlock: 'not-active', versions: [{ number: 1, text: '<p>Done</p>' }] });
      const res = await submit(dora, id);
      expect(res.statusCode).toBe(403);
      expect((await draft(dora, id, '<p>x</p>')).statusCode).toBe(403);
    });

    it('shows the grade with rubric marks and feedback only once released', async () => {
      const id = await assignment({
        rubric: {
          criteria: [
            {
              id: 'quality',
              title: { en: 'Quality', es: 'Calidad' },
              levels: [
                { id: 'low', title: { en: 'Low', es: 'Baja' }, points: 1 },
                { id: 'high', title: { en: 'High', es: 'Alta' }, points: 5 },
              ],
            },
          ],
        },
      });
      await draft(alice, id, '<p>Graded work</p>');
      await submit(alice, id);
      const grades = t.app.get(GradeService);
      const actor = { id: tutor.id, roles: ['tutor' as const], sid: 'test' };
      const grade = await t.app.get(DataSource).transaction((tx) =>
        grades.saveMark(
          tx,
          actor,
          { activityId: id, enrolmentId: aliceEnrolment },
          { rawPoints: 5, rubricMarks: { quality: 'high' }, feedback: 'Buen trabajo.\nSigue así.' },
          { expectedVersion: null, status: 'ready' },
        ),
      );
      const before = await view(alice, id);
      expect(before.grade).toBeNull();
      expect(before.rubric?.criteria[0]).toMatchObject({ title: 'Calidad', levels: [{ title: 'Baja' }, { title: 'Alta' }] });
      await t.app.get(DataSource).transaction((tx) => grades.release(tx, actor, [grade.id]));
      const after = await view(alice, id);
      expect(after.grade).toMatchObject({
        points: 5,
        maxPoints: 5,
        rubricMarks: { quality: 'high' },
        feedback: 'Buen trabajo.\nSigue así.',
      });
    });
  });
});
