import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { ActivityView, EnrolmentSummary, LearnerDashboard } from '@aula/contracts';
import { StoragePort } from '@aula/server/storage';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  day,
  enrol,
  enrolled,
  outboxEvents,
  person,
  UNKNOWN_ID,
  type CreatedCourse,
  type Person,
} from '../enrolment/testing/learning-fixtures';

describe('activities, progress, completion and the dashboard over HTTP', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: Person;
  let course: CreatedCourse;
  let cohortId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-learning-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = await person(t, ['admin']);
    course = await createCourse(t, {
      defaultLocale: 'es',
      title: { es: 'Desarrollo económico local', pt: 'Desenvolvimento econômico local' },
      modules: [
        {
          title: { es: 'Diagnóstico', pt: 'Diagnóstico' },
          activities: [
            {
              title: { es: 'Cadenas de valor', pt: 'Cadeias de valor' },
              body: { es: '<p>Cadenas</p>', pt: '<p>Cadeias</p>' },
            },
            { kind: 'link', title: { es: 'Entrevista' }, url: 'https://example.org/entrevista' },
            { kind: 'file', title: { es: 'Guía de trabajo' }, required: false },
          ],
        },
        {
          title: { es: 'Plan de acción' },
          activities: [
            { title: { es: 'Objetivos' } },
            { kind: 'assignment', title: { es: 'Entrega del plan' }, required: false },
          ],
        },
      ],
    });
    cohortId = (
      await createCohort(t, admin, course.id, {
        name: 'Cohorte Bogotá',
        startDate: day(-10),
        endDate: day(50),
        timeZone: 'America/Bogota',
      })
    ).id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const [page, link, file, objectives, assignment] = [0, 1, 2, 3, 4];
  const activity = (i: number) => course.activityIds[i];
  const get = (who: Person, url: string) => t.request({ method: 'GET', url, headers: who.headers });
  const done = (who: Person, i: number) =>
    t.request({ method: 'POST', url: `/api/activities/${activity(i)}/done`, headers: who.headers });

  describe('who reads an activity', () => {
    it('shows content to an active trainee, in their language, with its neighbours', async () => {
      const trainee = await person(t, ['trainee'], { locale: 'pt' });
      await enrolled(t, trainee, cohortId);
      const res = await get(trainee, `/api/activities/${activity(page)}`);
      expect(res.statusCode).toBe(200);
      const view: ActivityView = res.json();
      expect(view).toMatchObject({
        kind: 'page',
        title: 'Cadeias de valor',
        locale: 'pt',
        body: '<p>Cadeias</p>',
        done: false,
        previousId: null,
        nextId: activity(link),
      });
      const across: ActivityView = (
        await get(trainee, `/api/activities/${activity(objectives)}?locale=es`)
      ).json();
      expect(across).toMatchObject({
        title: 'Objetivos',
        previousId: activity(file),
        nextId: activity(assignment),
        body: '',
      });
    });

    it('hides content (404) from people not in the course, pending requests and tutors of other courses', async () => {
      const approval = await createCohort(t, admin, course.id, { enrolmentMode: 'approval' });
      const [stranger, pending, otherTutor, ownTutor] = await Promise.all([
        person(t),
        person(t),
        person(t, ['tutor']),
        person(t, ['tutor']),
      ]);
      await enrolled(t, pending, approval.id);
      const otherCourse = await createCourse(t);
      await createCohort(t, admin, otherCourse.id, { tutorIds: [otherTutor.id] });
      await createCohort(t, admin, course.id, { tutorIds: [ownTutor.id] });
      for (const who of [stranger, pending, otherTutor]) {
        expect((await get(who, `/api/activities/${activity(page)}`)).statusCode).toBe(404);
        expect((await get(who, `/api/activities/${activity(file)}/file`)).statusCode).toBe(404);
        expect((await done(who, page)).statusCode).toBe(404);
      }
      expect((await get(stranger, `/api/activities/${UNKNOWN_ID}`)).statusCode).toBe(404);
      const tutorView = await get(ownTutor, `/api/activities/${activity(page)}`);
      expect(tutorView.statusCode).toBe(200);
      expect(tutorView.json()).not.toHaveProperty('done');
      expect((await done(ownTutor, page)).statusCode).toBe(409);
      expect((await t.request({ method: 'GET', url: `/api/activities/${activity(page)}` })).statusCode).toBe(
        401,
      );
    });

    it('sends an activity file only as an inert attachment', async () => {
      const key = `catalog/activity-files/test-${Date.now()}`;
      await t.app
        .get(StoragePort)
        .put(key, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
      await t.app
        .get(DataSource)
        .query(
          `UPDATE activities SET file_key = $2, file_name = 'guía "final".svg', file_content_type = 'image/svg+xml', file_size = 71 WHERE id = $1`,
          [activity(file), key],
        );
      const trainee = await person(t);
      await enrolled(t, trainee, cohortId);
      const res = await get(trainee, `/api/activities/${activity(file)}/file`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['content-disposition']).not.toMatch(/[\r\n]/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toContain('<svg');
      const view: ActivityView = (await get(trainee, `/api/activities/${activity(file)}`)).json();
      expect(view.file).toMatchObject({ contentType: 'image/svg+xml', size: 71 });
      expect((await get(trainee, `/api/activities/${activity(page)}/file`)).statusCode).toBe(404);
    });
  });

  describe('progress and completion', () => {
    it('counts required activities, refuses graded kinds, and completes once when the last one is done', async () => {
      const trainee = await person(t);
      const enrolment = await enrolled(t, trainee, cohortId);
      const first = await done(trainee, page);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ id: enrolment.id, status: 'active', progressPercent: 33 });
      expect((first.json() as EnrolmentSummary).lastActivityAt).not.toBeNull();
      expect(((await done(trainee, page)).json() as EnrolmentSummary).progressPercent).toBe(33);
      expect(((await done(trainee, file)).json() as EnrolmentSummary).progressPercent).toBe(33);
      const graded = await done(trainee, assignment);
      expect(graded.statusCode).toBe(400);
      expect((await done(trainee, link)).json()).toMatchObject({ progressPercent: 66, status: 'active' });
      const last = await done(trainee, objectives);
      expect(last.json()).toMatchObject({ progressPercent: 100, status: 'completed' });
      expect((last.json() as EnrolmentSummary).completedAt).not.toBeNull();
      const completedEvents = await outboxEvents(t, 'enrolment.completed', 'enrolmentId', enrolment.id);
      expect(completedEvents).toHaveLength(1);
      expect(completedEvents[0].payload).toMatchObject({
        enrolmentId: enrolment.id,
        userId: trainee.id,
        cohortId,
        courseId: course.id,
      });
      const moves = (await outboxEvents(t, 'enrolment.status-changed', 'enrolmentId', enrolment.id)).map(
        (e) => e.payload.to,
      );
      expect(moves).toEqual(['active', 'completed']);
      // Completed people keep their content and may not withdraw.
      expect((await get(trainee, `/api/activities/${activity(page)}`)).json()).toMatchObject({ done: true });
      expect(
        (
          await t.request({
            method: 'POST',
            url: `/api/enrolments/${enrolment.id}/withdraw`,
            headers: trainee.headers,
          })
        ).statusCode,
      ).toBe(409);
    });

    it('writes exactly one enrolment.completed when the last activities are marked at the same moment', async () => {
      const trainee = await person(t);
      const enrolment = await enrolled(t, trainee, cohortId);
      await done(trainee, page);
      // Hold the enrolment row so the calls below pile up, then let them go together.
      const blocker = t.app.get(DataSource).createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE', [enrolment.id]);
      const calls = Promise.all([
        done(trainee, link),
        done(trainee, objectives),
        done(trainee, objectives),
        done(trainee, link),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await blocker.commitTransaction();
      await blocker.release();
      const results = await calls;
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      expect(await outboxEvents(t, 'enrolment.completed', 'enrolmentId', enrolment.id)).toHaveLength(1);
      const final = (
        await t.request({ method: 'GET', url: `/api/enrolments/${enrolment.id}`, headers: trainee.headers })
      ).json() as EnrolmentSummary;
      expect(final).toMatchObject({ status: 'completed', progressPercent: 100 });
    });

    it("keeps one trainee's progress from another (404)", async () => {
      const [ana, bea] = await Promise.all([person(t), person(t)]);
      await enrolled(t, ana, cohortId);
      const b = await enrolled(t, bea, cohortId);
      await done(bea, page);
      expect((await get(ana, `/api/enrolments/${b.id}`)).statusCode).toBe(404);
      expect(((await get(bea, `/api/enrolments/${b.id}`)).json() as EnrolmentSummary).progressPercent).toBe(
        33,
      );
    });
  });

  describe('the learner dashboard', () => {
    it('lists my cohorts with progress, the next activity and dates to come, in my language', async () => {
      const trainee = await person(t, ['trainee'], { locale: 'pt' });
      const enrolment = await enrolled(t, trainee, cohortId);
      await done(trainee, page);
      const later = await createCohort(t, admin, course.id, {
        name: 'Cohorte 2',
        enrolmentMode: 'approval',
        startDate: day(30),
        endDate: day(120),
        timeZone: 'America/Sao_Paulo',
      });
      const pendingEnrolment = await enrolled(t, trainee, later.id);
      const elsewhere = await createCohort(t, admin, course.id, { name: 'Cohorte retirada' });
      const gone = await enrolled(t, trainee, elsewhere.id);
      await t.request({
        method: 'POST',
        url: `/api/enrolments/${gone.id}/withdraw`,
        headers: trainee.headers,
      });

      const res = await get(trainee, '/api/me/dashboard');
      expect(res.statusCode).toBe(200);
      const dashboard: LearnerDashboard = res.json();
      expect(dashboard.cohorts.map((c) => c.enrolment.id)).toEqual([enrolment.id, pendingEnrolment.id]);
      const [current, pending] = dashboard.cohorts;
      expect(current).toMatchObject({
        enrolment: { status: 'active', progressPercent: 33 },
        cohort: { id: cohortId, name: 'Cohorte Bogotá', timeZone: 'America/Bogota', seatsLeft: null },
        course: { id: course.id, slug: course.slug, title: 'Desenvolvimento econômico local', locale: 'pt' },
        nextActivity: { id: activity(link), title: 'Entrevista' },
      });
      expect(pending).toMatchObject({ enrolment: { status: 'pending' }, nextActivity: null });
      expect(dashboard.upcoming).toEqual([
        {
          cohortId: later.id,
          kind: 'cohort-start',
          date: day(30),
          timeZone: 'America/Sao_Paulo',
          title: 'Desenvolvimento econômico local',
        },
        {
          cohortId,
          kind: 'cohort-end',
          date: day(50),
          timeZone: 'America/Bogota',
          title: 'Desenvolvimento econômico local',
        },
        {
          cohortId: later.id,
          kind: 'cohort-end',
          date: day(120),
          timeZone: 'America/Sao_Paulo',
          title: 'Desenvolvimento econômico local',
        },
      ]);
    });

    it('is empty for someone with no enrolments', async () => {
      const newcomer = await person(t);
      expect((await get(newcomer, '/api/me/dashboard')).json()).toEqual({ cohorts: [], upcoming: [] });
      expect((await enrol(t, newcomer, cohortId)).statusCode).toBe(201);
    });
  });
});
