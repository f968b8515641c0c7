import type { CohortView, EnrolmentSummary } from '@aula/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  day,
  enrol,
  enrolled,
  fieldsOf,
  outboxEvents,
  person,
  UNKNOWN_ID,
  type Person,
} from './testing/learning-fixtures';

describe('enrolment over HTTP', () => {
  let t: TestApp;
  let admin: Person;
  let courseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await person(t, ['admin']);
    courseId = (await createCourse(t)).id;
  });
  afterAll(() => t.close());

  const post = (who: Person, url: string, payload?: object) =>
    t.request({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) });
  const cohortOf = async (id: string): Promise<CohortView> =>
    (await t.request({ method: 'GET', url: `/api/admin/cohorts/${id}`, headers: admin.headers })).json();
  const statusOf = async (id: string): Promise<string> =>
    (await t.request({ method: 'GET', url: `/api/enrolments/${id}`, headers: admin.headers })).json().status;

  describe('self-enrolment', () => {
    it('makes a trainee active in an open cohort with seats, and says so in the outbox', async () => {
      const cohort = await createCohort(t, admin, courseId, { capacity: 10 });
      const ana = await person(t);
      const res = await enrol(t, ana, cohort.id);
      expect(res.statusCode).toBe(201);
      const enrolment: EnrolmentSummary = res.json();
      expect(enrolment).toMatchObject({
        cohortId: cohort.id,
        status: 'active',
        progressPercent: 0,
        completedAt: null,
      });
      expect(await outboxEvents(t, 'enrolment.status-changed', 'enrolmentId', enrolment.id)).toEqual([
        {
          payload: {
            enrolmentId: enrolment.id,
            userId: ana.id,
            cohortId: cohort.id,
            from: null,
            to: 'active',
          },
        },
      ]);
      expect((await cohortOf(cohort.id)).seatsLeft).toBe(9);
    });

    it('refuses a second enrolment in the same cohort with 409, and lets a withdrawn trainee come back', async () => {
      const cohort = await createCohort(t, admin, courseId);
      const ana = await person(t);
      const first = await enrolled(t, ana, cohort.id);
      expect((await enrol(t, ana, cohort.id)).statusCode).toBe(409);
      expect((await post(ana, `/api/enrolments/${first.id}/withdraw`)).json()).toMatchObject({
        status: 'withdrawn',
      });
      const again = await enrol(t, ana, cohort.id);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({ id: first.id, status: 'active' });
      const moves = (await outboxEvents(t, 'enrolment.status-changed', 'enrolmentId', first.id)).map(
        (e) => `${String(e.payload.from)}→${String(e.payload.to)}`,
      );
      expect(moves).toEqual(['null→active', 'active→withdrawn', 'withdrawn→active']);
    });

    it('asks for approval in an approval cohort, and refuses invite-only cohorts with 403', async () => {
      const approval = await createCohort(t, admin, courseId, { enrolmentMode: 'approval' });
      const invite = await createCohort(t, admin, courseId, { enrolmentMode: 'invite' });
      const ana = await person(t);
      expect((await enrol(t, ana, approval.id)).json()).toMatchObject({ status: 'pending' });
      const refused = await enrol(t, ana, invite.id);
      expect(refused.statusCode).toBe(403);
    });

    it('hides cohorts of unpublished courses (404) and refuses ended cohorts (409)', async () => {
      const draft = await createCourse(t, { status: 'draft' });
      const hidden = await createCohort(t, admin, draft.id);
      const ended = await createCohort(t, admin, courseId, { startDate: day(-60), endDate: day(-2) });
      const ana = await person(t);
      expect((await enrol(t, ana, hidden.id)).statusCode).toBe(404);
      expect((await enrol(t, ana, UNKNOWN_ID)).statusCode).toBe(404);
      expect((await enrol(t, ana, ended.id)).statusCode).toBe(409);
      expect((await enrol(t, ana, 'not-a-uuid')).statusCode).toBe(400);
    });
  });

  describe('capacity and the waiting list', () => {
    it('gives the last seat to exactly one of two trainees asking at the same moment', async () => {
      const cohort = await createCohort(t, admin, courseId, { capacity: 1 });
      const [ana, bea] = await Promise.all([person(t), person(t)]);
      const results = await Promise.all([enrol(t, ana, cohort.id), enrol(t, bea, cohort.id)]);
      expect(results.map((r) => r.statusCode)).toEqual([201, 201]);
      expect(results.map((r) => (r.json() as EnrolmentSummary).status).sort()).toEqual([
        'active',
        'waitlisted',
      ]);
      const view = await cohortOf(cohort.id);
      expect(view.counts).toMatchObject({ active: 1, waitlisted: 1 });
      expect(view.seatsLeft).toBe(0);
    });

    it('keeps capacity under a burst of ten trainees for three seats', async () => {
      const cohort = await createCohort(t, admin, courseId, { capacity: 3 });
      const people = await Promise.all(Array.from({ length: 10 }, () => person(t)));
      const results = await Promise.all(people.map((p) => enrol(t, p, cohort.id)));
      const statuses = results.map((r) => (r.json() as EnrolmentSummary).status);
      expect(statuses.filter((s) => s === 'active')).toHaveLength(3);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(7);
    });

    it('promotes the longest-waiting person when an active trainee withdraws', async () => {
      const cohort = await createCohort(t, admin, courseId, { capacity: 1 });
      const [ana, bea, caro] = await Promise.all([person(t), person(t), person(t)]);
      const a = await enrolled(t, ana, cohort.id);
      const b = await enrolled(t, bea, cohort.id);
      const c = await enrolled(t, caro, cohort.id);
      expect([a.status, b.status, c.status]).toEqual(['active', 'waitlisted', 'waitlisted']);

      // Bea leaving the waiting list frees no seat.
      expect((await post(bea, `/api/enrolments/${b.id}/withdraw`)).json()).toMatchObject({
        status: 'withdrawn',
      });
      expect(await statusOf(c.id)).toBe('waitlisted');

      expect((await post(ana, `/api/enrolments/${a.id}/withdraw`)).json()).toMatchObject({
        status: 'withdrawn',
      });
      expect(await statusOf(c.id)).toBe('active');
      expect(
        (await outboxEvents(t, 'enrolment.status-changed', 'enrolmentId', c.id)).at(-1)?.payload,
      ).toMatchObject({ from: 'waitlisted', to: 'active' });
      expect((await cohortOf(cohort.id)).counts).toMatchObject({ active: 1, waitlisted: 0, withdrawn: 2 });
    });

    it('promotes in waiting order when the capacity is raised, and everyone when it is lifted', async () => {
      const cohort = await createCohort(t, admin, courseId, { capacity: 1 });
      const people = await Promise.all([person(t), person(t), person(t), person(t)]);
      const enrolments: EnrolmentSummary[] = [];
      for (const p of people) enrolments.push(await enrolled(t, p, cohort.id));
      const raised = await t.request({
        method: 'PATCH',
        url: `/api/admin/cohorts/${cohort.id}`,
        headers: admin.headers,
        payload: { capacity: 2 },
      });
      expect(raised.statusCode).toBe(200);
      expect(raised.json()).toMatchObject({
        capacity: 2,
        seatsLeft: 0,
        counts: { active: 2, waitlisted: 2 },
      });
      expect(await statusOf(enrolments[1].id)).toBe('active');
      expect(await statusOf(enrolments[2].id)).toBe('waitlisted');
      const lifted = await t.request({
        method: 'PATCH',
        url: `/api/admin/cohorts/${cohort.id}`,
        headers: admin.headers,
        payload: { capacity: null },
      });
      expect(lifted.json()).toMatchObject({
        capacity: null,
        seatsLeft: null,
        counts: { active: 4, waitlisted: 0 },
      });
    });
  });

  describe('administrators', () => {
    it('approve a pending request (active, or waitlisted when full) and reject another', async () => {
      const cohort = await createCohort(t, admin, courseId, { enrolmentMode: 'approval', capacity: 1 });
      const [ana, bea, caro] = await Promise.all([person(t), person(t), person(t)]);
      const a = await enrolled(t, ana, cohort.id);
      const b = await enrolled(t, bea, cohort.id);
      const c = await enrolled(t, caro, cohort.id);
      expect((await post(admin, `/api/admin/enrolments/${a.id}/approve`)).json()).toMatchObject({
        status: 'active',
      });
      expect((await post(admin, `/api/admin/enrolments/${b.id}/approve`)).json()).toMatchObject({
        status: 'waitlisted',
      });
      expect((await post(admin, `/api/admin/enrolments/${c.id}/reject`)).json()).toMatchObject({
        status: 'withdrawn',
      });
      // Approving twice, or approving an active enrolment, is a conflict.
      expect((await post(admin, `/api/admin/enrolments/${a.id}/approve`)).statusCode).toBe(409);
      // Withdrawing the active one promotes the approved waiting one.
      expect((await post(admin, `/api/admin/enrolments/${a.id}/withdraw`)).json()).toMatchObject({
        status: 'withdrawn',
      });
      expect(await statusOf(b.id)).toBe('active');
      expect((await post(admin, `/api/admin/enrolments/${UNKNOWN_ID}/approve`)).statusCode).toBe(404);
    });

    it('enrol someone directly, even in an invite-only cohort, waitlisting when full', async () => {
      const cohort = await createCohort(t, admin, courseId, { enrolmentMode: 'invite', capacity: 1 });
      const [ana, bea] = await Promise.all([person(t), person(t)]);
      const first = await post(admin, `/api/admin/cohorts/${cohort.id}/enrolments`, { userId: ana.id });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ status: 'active' });
      expect(
        (await post(admin, `/api/admin/cohorts/${cohort.id}/enrolments`, { userId: bea.id })).json(),
      ).toMatchObject({ status: 'waitlisted' });
      expect(
        (await post(admin, `/api/admin/cohorts/${cohort.id}/enrolments`, { userId: ana.id })).statusCode,
      ).toBe(409);
      const unknown = await post(admin, `/api/admin/cohorts/${cohort.id}/enrolments`, { userId: UNKNOWN_ID });
      expect(unknown.statusCode).toBe(400);
      expect(fieldsOf(unknown)).toEqual(['userId']);
      const extra = await post(admin, `/api/admin/cohorts/${cohort.id}/enrolments`, {
        userId: ana.id,
        status: 'completed',
      });
      expect(extra.statusCode).toBe(400);
      expect(fieldsOf(extra)).toContain('status');
    });
  });

  describe('who may do and see what', () => {
    it('keeps a trainee out of administrator actions with 403', async () => {
      const cohort = await createCohort(t, admin, courseId, { enrolmentMode: 'approval' });
      const [ana, bea] = await Promise.all([person(t), person(t)]);
      const b = await enrolled(t, bea, cohort.id);
      expect((await post(ana, `/api/admin/enrolments/${b.id}/approve`)).statusCode).toBe(403);
      expect(
        (await post(ana, `/api/admin/cohorts/${cohort.id}/enrolments`, { userId: ana.id })).statusCode,
      ).toBe(403);
      expect(
        (await t.request({ method: 'GET', url: `/api/cohorts/${cohort.id}/roster`, headers: ana.headers }))
          .statusCode,
      ).toBe(403);
      expect(await statusOf(b.id)).toBe('pending');
    });

    it("answers 404 for another trainee's enrolment, exactly as for one that does not exist", async () => {
      const cohort = await createCohort(t, admin, courseId);
      const [ana, bea] = await Promise.all([person(t), person(t)]);
      const b = await enrolled(t, bea, cohort.id);
      const theirs = await t.request({ method: 'GET', url: `/api/enrolments/${b.id}`, headers: ana.headers });
      const absent = await t.request({
        method: 'GET',
        url: `/api/enrolments/${UNKNOWN_ID}`,
        headers: ana.headers,
      });
      expect(theirs.statusCode).toBe(404);
      expect(absent.statusCode).toBe(404);
      const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
      expect(strip(theirs.json())).toEqual(strip(absent.json()));
      expect(JSON.stringify(theirs.json())).not.toContain(bea.id);
      expect((await post(ana, `/api/enrolments/${b.id}/withdraw`)).statusCode).toBe(404);
      expect(await statusOf(b.id)).toBe('active');
      const own = await t.request({ method: 'GET', url: `/api/enrolments/${b.id}`, headers: bea.headers });
      expect(own.json()).toMatchObject({ id: b.id, status: 'active' });
    });

    it("shows an enrolment to its cohort's tutor, not to a tutor of another cohort", async () => {
      const [tutorX, tutorY, ana] = await Promise.all([
        person(t, ['tutor']),
        person(t, ['tutor']),
        person(t),
      ]);
      const x = await createCohort(t, admin, courseId, { tutorIds: [tutorX.id] });
      await createCohort(t, admin, courseId, { tutorIds: [tutorY.id] });
      const a = await enrolled(t, ana, x.id);
      expect(
        (await t.request({ method: 'GET', url: `/api/enrolments/${a.id}`, headers: tutorX.headers }))
          .statusCode,
      ).toBe(200);
      expect(
        (await t.request({ method: 'GET', url: `/api/enrolments/${a.id}`, headers: tutorY.headers }))
          .statusCode,
      ).toBe(404);
    });
  });
});
