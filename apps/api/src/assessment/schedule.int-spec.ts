import { DataSource } from 'typeorm';
import type { CohortScheduleView, ExtensionView, OwnDatesEntry } from '@aula/contracts';
import { ScheduleService } from '@aula/server/assessment';
import { startTestApp, type TestApp } from '../testing/test-app';
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

describe('cohort dates and extensions over HTTP', () => {
  let t: TestApp;
  let admin: Person;
  let tutor: Person;
  let otherTutor: Person;
  let trainee: Person;
  let other: Person;
  let course: CreatedCourse;
  let cohortId: string;
  let enrolmentId: string;
  let otherEnrolmentId: string;
  let page: string;
  let quiz: string;
  let task: string;

  const get = (who: Person, url: string) => t.request({ method: 'GET', url, headers: who.headers });
  const put = (who: Person, url: string, payload: Record<string, unknown>) =>
    t.request({ method: 'PUT', url, headers: who.headers, payload });
  const effective = (activityId: string, enrolment: string) =>
    t.app.get(ScheduleService).effective(t.app.get(DataSource).manager, activityId, enrolment);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await person(t, ['admin']);
    tutor = await person(t, ['tutor']);
    otherTutor = await person(t, ['tutor']);
    course = await createCourse(t, {
      modules: [
        {
          title: { en: 'Only module' },
          activities: [
            { title: { en: 'Reading' } },
            { kind: 'quiz', title: { en: 'Check-in quiz' } },
            { kind: 'assignment', title: { en: 'Action plan' } },
          ],
        },
      ],
    });
    [page, quiz, task] = course.activityIds;
    cohortId = (
      await createCohort(t, admin, course.id, { timeZone: 'America/Santiago', tutorIds: [tutor.id] })
    ).id;
    await createCohort(t, admin, course.id, { tutorIds: [otherTutor.id] });
    trainee = await person(t, ['trainee'], { displayName: 'Camila Rojas' });
    other = await person(t, ['trainee'], { displayName: 'Diego Paz' });
    enrolmentId = (await enrolled(t, trainee, cohortId)).id;
    otherEnrolmentId = (await enrolled(t, other, cohortId)).id;
  }, 60_000);
  afterAll(() => t.close());

  it("lists the cohort's quizzes and assignments with the cohort's time zone", async () => {
    const res = await get(tutor, `/api/cohorts/${cohortId}/schedule`);
    expect(res.statusCode).toBe(200);
    const view: CohortScheduleView = res.json();
    expect(view.timeZone).toBe('America/Santiago');
    expect(view.activities.map((a) => [a.activityId, a.kind])).toEqual([
      [quiz, 'quiz'],
      [task, 'assignment'],
    ]);
    expect(view.trainees.map((x) => x.displayName)).toEqual(['Camila Rojas', 'Diego Paz']);
  });

  it("sets a quiz's opening and close times given with the cohort's offset, and stores the instants", async () => {
    const res = await put(admin, `/api/cohorts/${cohortId}/schedule/${quiz}`, {
      opensAt: '2027-03-01T08:00:00-03:00',
      dueAt: null,
      closesAt: '2027-03-07T23:59:00-03:00',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      opensAt: '2027-03-01T11:00:00.000Z',
      closesAt: '2027-03-08T02:59:00.000Z',
    });
    const dates = await effective(quiz, enrolmentId);
    expect(dates).toEqual({
      opensAt: '2027-03-01T11:00:00.000Z',
      dueAt: null,
      closesAt: '2027-03-08T02:59:00.000Z',
      extended: false,
    });
  });

  it('refuses dates out of order, of the wrong kind, or not instants, naming the field', async () => {
    const url = `/api/cohorts/${cohortId}/schedule`;
    const order = await put(admin, `${url}/${quiz}`, {
      opensAt: '2027-03-07T00:00:00Z',
      dueAt: null,
      closesAt: '2027-03-01T00:00:00Z',
    });
    expect(order.statusCode).toBe(400);
    expect(fieldsOf(order)).toEqual(['closesAt']);
    const kind = await put(admin, `${url}/${quiz}`, {
      opensAt: null,
      dueAt: '2027-03-01T00:00:00Z',
      closesAt: null,
    });
    expect(fieldsOf(kind)).toEqual(['dueAt']);
    const opens = await put(admin, `${url}/${task}`, {
      opensAt: '2027-03-01T00:00:00Z',
      dueAt: null,
      closesAt: null,
    });
    expect(fieldsOf(opens)).toEqual(['opensAt']);
    const text = await put(admin, `${url}/${task}`, { opensAt: null, dueAt: 'next friday', closesAt: null });
    expect(fieldsOf(text)).toEqual(['dueAt']);
    const local = await put(admin, `${url}/${task}`, {
      opensAt: null,
      dueAt: '2027-03-01T10:00',
      closesAt: null,
    });
    expect(fieldsOf(local)).toEqual(['dueAt']);
    const extra = await put(admin, `${url}/${task}`, {
      opensAt: null,
      dueAt: null,
      closesAt: null,
      cohortId: UNKNOWN_ID,
    });
    expect(fieldsOf(extra)).toEqual(['cohortId']);
  });

  it('is 403 for trainees and 404 for tutors of another cohort, unknown cohorts and activities that are not graded', async () => {
    const body = { opensAt: null, dueAt: null, closesAt: null };
    expect((await get(trainee, `/api/cohorts/${cohortId}/schedule`)).statusCode).toBe(403);
    expect((await put(trainee, `/api/cohorts/${cohortId}/schedule/${quiz}`, body)).statusCode).toBe(403);
    expect((await get(otherTutor, `/api/cohorts/${cohortId}/schedule`)).statusCode).toBe(404);
    expect((await put(otherTutor, `/api/cohorts/${cohortId}/schedule/${quiz}`, body)).statusCode).toBe(404);
    expect((await get(admin, `/api/cohorts/${UNKNOWN_ID}/schedule`)).statusCode).toBe(404);
    expect((await put(admin, `/api/cohorts/${cohortId}/schedule/${page}`, body)).statusCode).toBe(404);
  });

  describe('extensions', () => {
    const ext = (enrolment: string) => `/api/cohorts/${cohortId}/schedule/${task}/extensions/${enrolment}`;

    beforeAll(async () => {
      const res = await put(admin, `/api/cohorts/${cohortId}/schedule/${task}`, {
        opensAt: null,
        dueAt: '2027-04-01T23:59:00-03:00',
        closesAt: '2027-04-05T23:59:00-03:00',
      });
      expect(res.statusCode).toBe(200);
    });

    it("must fall after the cohort's dates, in order", async () => {
      const early = await put(tutor, ext(enrolmentId), { dueAt: '2027-03-30T00:00:00Z', closesAt: null });
      expect(early.statusCode).toBe(400);
      expect(fieldsOf(early)).toEqual(['dueAt']);
      const closesEarly = await put(tutor, ext(enrolmentId), {
        dueAt: null,
        closesAt: '2027-04-02T00:00:00Z',
      });
      expect(fieldsOf(closesEarly)).toEqual(['closesAt']);
      const order = await put(tutor, ext(enrolmentId), {
        dueAt: '2027-04-20T00:00:00Z',
        closesAt: '2027-04-10T00:00:00Z',
      });
      expect(fieldsOf(order)).toEqual(['closesAt']);
      const none = await put(tutor, ext(enrolmentId), { dueAt: null, closesAt: null });
      expect(fieldsOf(none)).toEqual(['dueAt']);
    });

    it("move one trainee's effective dates, show in the editor and in the trainee's own dates, and revoke", async () => {
      const granted = await put(tutor, ext(enrolmentId), {
        dueAt: '2027-04-08T23:59:00-03:00',
        closesAt: '2027-04-10T23:59:00-03:00',
      });
      expect(granted.statusCode).toBe(200);
      expect(granted.json<ExtensionView>()).toMatchObject({
        displayName: 'Camila Rojas',
        dueAt: '2027-04-09T02:59:00.000Z',
      });

      expect(await effective(task, enrolmentId)).toEqual({
        opensAt: null,
        dueAt: '2027-04-09T02:59:00.000Z',
        closesAt: '2027-04-11T02:59:00.000Z',
        extended: true,
      });
      // Nobody else's dates move.
      expect(await effective(task, otherEnrolmentId)).toMatchObject({
        dueAt: '2027-04-02T02:59:00.000Z',
        extended: false,
      });

      const view: CohortScheduleView = (await get(tutor, `/api/cohorts/${cohortId}/schedule`)).json();
      expect(view.extensions).toEqual([
        expect.objectContaining({ activityId: task, enrolmentId, displayName: 'Camila Rojas' }),
      ]);

      const own = await get(trainee, `/api/enrolments/${enrolmentId}/dates`);
      expect(own.statusCode).toBe(200);
      expect(own.json<OwnDatesEntry[]>().find((d) => d.activityId === task)).toEqual({
        activityId: task,
        opensAt: null,
        dueAt: '2027-04-09T02:59:00.000Z',
        closesAt: '2027-04-11T02:59:00.000Z',
        extended: true,
        timeZone: 'America/Santiago',
      });
      expect((await get(other, `/api/enrolments/${enrolmentId}/dates`)).statusCode).toBe(404);

      const revoked = await t.request({ method: 'DELETE', url: ext(enrolmentId), headers: tutor.headers });
      expect(revoked.statusCode).toBe(204);
      expect(await effective(task, enrolmentId)).toMatchObject({
        dueAt: '2027-04-02T02:59:00.000Z',
        extended: false,
      });
    });

    it('are refused to trainees (403), to tutors of another cohort and for enrolments of another cohort (404)', async () => {
      const body = { dueAt: '2027-04-08T00:00:00Z', closesAt: null };
      expect((await put(trainee, ext(enrolmentId), body)).statusCode).toBe(403);
      expect((await put(otherTutor, ext(enrolmentId), body)).statusCode).toBe(404);
      expect((await put(tutor, ext(UNKNOWN_ID), body)).statusCode).toBe(404);
      expect(
        (await t.request({ method: 'DELETE', url: ext(enrolmentId), headers: otherTutor.headers }))
          .statusCode,
      ).toBe(404);
    });
  });
});
