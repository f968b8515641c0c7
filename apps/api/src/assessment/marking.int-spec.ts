import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type {
  AssignmentSettings,
  AssignmentTraineeView,
  CohortMarkingSummary,
  MarkingQueueEntry,
  MarkingView,
  Page,
  RubricDefinition,
  TutorMarkingOverview,
} from '@aula/contracts';
import { ScheduleService } from '@aula/server/assessment';
import { Activity, catalogSampleFiles } from '@aula/server/catalog';
import { startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import { multipart } from '../testing/multipart';
import {
  createCohort,
  createCourse,
  enrolled,
  fieldsOf,
  outboxEvents,
  person,
  UNKNOWN_ID,
  type CreatedCourse,
  type Person,
} from '../enrolment/testing/learning-fixtures';

const { samplePdf, SAMPLE_HTML } = catalogSampleFiles;

const HOUR = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms);

const RUBRIC: RubricDefinition = {
  criteria: [
    {
      id: 'diagnosis',
      title: { en: 'Diagnosis', pt: 'Diagnóstico' },
      levels: [
        { id: 'd0', title: { en: 'Missing' }, points: 0 },
        { id: 'd1', title: { en: 'Complete' }, points: 6 },
      ],
    },
    {
      id: 'actions',
      title: { en: 'Actions', pt: 'Ações' },
      levels: [
        { id: 'a1', title: { en: 'Vague' }, points: 1.5 },
        { id: 'a2', title: { en: 'Concrete' }, points: 4 },
      ],
    },
  ],
};

describe('marking over HTTP', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: Person;
  let tutor: Person;
  let otherTutor: Person;
  let alice: Person;
  let bruno: Person;
  let carla: Person;
  let course: CreatedCourse;
  let cohortId: string;
  let otherCohortId: string;
  const enrolment: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-marking-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    [admin, tutor, otherTutor, alice, bruno, carla] = await Promise.all([
      person(t, ['admin']),
      person(t, ['tutor'], { displayName: 'Tomás Tutor' }),
      person(t, ['tutor']),
      person(t, ['trainee'], { displayName: 'Alice Andrade', locale: 'pt' }),
      person(t, ['trainee'], { displayName: 'Bruno Barros' }),
      person(t, ['trainee'], { displayName: 'Carla Castro' }),
    ]);
    course = await createCourse(t, {
      defaultLocale: 'en',
      modules: [{ title: { en: 'Plans' }, activities: [{ title: { en: 'Reading' } }] }],
    });
    cohortId = (await createCohort(t, admin, course.id, { tutorIds: [tutor.id] })).id;
    otherCohortId = (await createCohort(t, admin, course.id, { tutorIds: [otherTutor.id] })).id;
    enrolment.alice = (await enrolled(t, alice, cohortId)).id;
    enrolment.bruno = (await enrolled(t, bruno, cohortId)).id;
    enrolment.carla = (await enrolled(t, carla, cohortId)).id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const db = () => t.app.get(DataSource);
  const call = (who: Person, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });
  const detail = (res: TestResponse) => (res.json() as { detail?: string }).detail ?? '';

  let position = 100;
  /** A new assignment of the course, with settings and (optionally) the cohort's due date. */
  async function assignment(settings: Partial<AssignmentSettings> = {}, dueAt?: Date): Promise<string> {
    const em = db().manager;
    const activity = await em.save(
      Activity,
      em.create(Activity, {
        courseId: course.id,
        moduleId: course.modules[0].id,
        position: position++,
        kind: 'assignment',
        title: { en: 'Action plan', pt: 'Plano de ação' },
        body: { en: '<p>Write your plan</p>' },
        required: true,
      }),
    );
    const res = await call(admin, 'PUT', `/api/admin/assignments/${activity.id}/settings`, {
      maxPoints: 20,
      ...settings,
    });
    if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
    if (dueAt) await t.app.get(ScheduleService).set(em, cohortId, activity.id, { dueAt, closesAt: null });
    return activity.id;
  }

  /** The trainee writes and submits through the assignments API. */
  async function submitted(who: Person, activityId: string, text = '<p>My plan</p>'): Promise<void> {
    const d = await call(who, 'PUT', `/api/assignments/${activityId}/draft`, { text });
    if (d.statusCode !== 200) throw new Error(`draft: ${d.statusCode} ${d.body}`);
    const s = await call(who, 'POST', `/api/assignments/${activityId}/submit`, {});
    if (s.statusCode !== 200) throw new Error(`submit: ${s.statusCode} ${s.body}`);
  }

  const work = (activityId: string, enrolmentId: string) =>
    `/api/marking/activities/${activityId}/enrolments/${enrolmentId}`;
  const open = async (who: Person, activityId: string, enrolmentId: string): Promise<MarkingView> => {
    const res = await call(who, 'GET', work(activityId, enrolmentId));
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const save = (who: Person, activityId: string, enrolmentId: string, body: object) =>
    call(who, 'PUT', `${work(activityId, enrolmentId)}/grade`, {
      feedback: '',
      status: 'draft',
      expectedVersion: null,
      ...body,
    });
  const queue = async (who: Person, query = ''): Promise<Page<MarkingQueueEntry>> => {
    const res = await call(who, 'GET', `/api/cohorts/${cohortId}/marking/queue${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  describe('the queue', () => {
    it('lists submitted work first, oldest first, flags lateness and counts per assignment', async () => {
      const id = await assignment({}, at(-2 * HOUR));
      await submitted(bruno, id);
      await submitted(alice, id);
      const page = await queue(tutor, `?activityId=${id}`);
      expect(page.items.map((e) => [e.participant.displayName, e.state, e.submission, e.late])).toEqual([
        ['Bruno Barros', 'waiting', 'submitted', true],
        ['Alice Andrade', 'waiting', 'submitted', true],
        ['Carla Castro', 'notSubmitted', 'none', false],
      ]);
      expect(page.items[0].participant.email).toBe(bruno.email);

      // Marked ready: leaves the waiting bucket, after the work still waiting.
      await save(tutor, id, enrolment.bruno, { rawPoints: 15, status: 'ready' });
      const after = await queue(tutor, `?activityId=${id}`);
      expect(after.items.map((e) => [e.participant.displayName, e.state])).toEqual([
        ['Alice Andrade', 'waiting'],
        ['Bruno Barros', 'ready'],
        ['Carla Castro', 'notSubmitted'],
      ]);
      const waitingOnly = await queue(tutor, `?activityId=${id}&state=waiting`);
      expect(waitingOnly.items.map((e) => e.participant.displayName)).toEqual(['Alice Andrade']);

      // Pages follow the same order without repeating anyone.
      const first = await queue(tutor, `?activityId=${id}&limit=2`);
      const second = await queue(tutor, `?activityId=${id}&limit=2&cursor=${first.nextCursor}`);
      expect([...first.items, ...second.items].map((e) => e.participant.displayName)).toEqual([
        'Alice Andrade',
        'Bruno Barros',
        'Carla Castro',
      ]);
      expect(second.nextCursor).toBeNull();

      const summary: CohortMarkingSummary = (
        await call(tutor, 'GET', `/api/cohorts/${cohortId}/marking`)
      ).json();
      expect(summary.cohort.id).toBe(cohortId);
      expect(summary.assignments.find((a) => a.activityId === id)).toMatchObject({
        title: 'Action plan',
        maxPoints: 20,
        counts: { trainees: 3, submitted: 2, late: 2, waiting: 1, ready: 1, released: 0, notSubmitted: 1 },
      });

      // The tutor's home counts work waiting across their cohorts.
      const overview: TutorMarkingOverview = (await call(tutor, 'GET', '/api/tutor/marking')).json();
      expect(overview.items.find((i) => i.activityId === id)).toMatchObject({
        cohortId,
        waiting: 1,
        late: 1,
      });
      const elsewhere: TutorMarkingOverview = (await call(otherTutor, 'GET', '/api/tutor/marking')).json();
      expect(elsewhere.items.find((i) => i.activityId === id)).toBeUndefined();
    }, 30_000);

    it('is for the cohort’s tutors and administrators: trainees 403, other tutors and unknown cohorts 404', async () => {
      const id = await assignment();
      await submitted(alice, id);
      expect((await call(admin, 'GET', `/api/cohorts/${cohortId}/marking/queue`)).statusCode).toBe(200);
      for (const url of [
        `/api/cohorts/${cohortId}/marking`,
        `/api/cohorts/${cohortId}/marking/queue`,
        work(id, enrolment.alice),
      ]) {
        expect((await call(alice, 'GET', url)).statusCode).toBe(403);
        const hidden = await call(otherTutor, 'GET', url);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.body).not.toContain('Alice');
      }
      expect((await call(tutor, 'GET', `/api/cohorts/${UNKNOWN_ID}/marking`)).statusCode).toBe(404);
      expect((await call(tutor, 'GET', work(id, UNKNOWN_ID))).statusCode).toBe(404);
      expect(
        (
          await call(otherTutor, 'PUT', `${work(id, enrolment.alice)}/grade`, {
            feedback: '',
            status: 'draft',
            expectedVersion: null,
            rawPoints: 1,
          })
        ).statusCode,
      ).toBe(404);
      const bad = await call(tutor, 'GET', `/api/cohorts/${cohortId}/marking/queue?state=lost&cursor=%%%`);
      expect([bad.statusCode, fieldsOf(bad).sort()]).toEqual([400, ['cursor', 'state']]);
      const forged = await call(
        tutor,
        'GET',
        `/api/cohorts/${cohortId}/marking/queue?cursor=${Buffer.from('["9","x","y","z"]').toString('base64url')}`,
      );
      expect([forged.statusCode, fieldsOf(forged)]).toEqual([400, ['cursor']]);
    }, 30_000);
  });

  describe('blind marking', () => {
    it('hides names from tutors and administrators until that grade is released, with stable numbers', async () => {
      const id = await assignment({ blindMarking: true });
      await submitted(alice, id);
      await submitted(bruno, id);

      for (const who of [tutor, admin]) {
        const page = await queue(who, `?activityId=${id}`);
        expect(page.items).toHaveLength(3);
        for (const entry of page.items) {
          expect(entry.participant).toMatchObject({ hidden: true, displayName: null, email: null });
          expect(entry.participant.participantNumber).toEqual(expect.any(Number));
        }
        const body = JSON.stringify(page);
        for (const secret of ['Alice', 'Bruno', 'Carla', alice.email, bruno.email])
          expect(body).not.toContain(secret);
        const view = await open(who, id, enrolment.alice);
        expect(view.participant).toMatchObject({ hidden: true, displayName: null, email: null });
        expect(JSON.stringify(view)).not.toContain('Alice');
      }
      const numbers = (await queue(tutor, `?activityId=${id}`)).items.map(
        (e) => e.participant.participantNumber,
      );
      expect(new Set(numbers).size).toBe(3);
      const again = await queue(tutor, `?activityId=${id}`);
      expect(again.items.map((e) => e.participant.participantNumber)).toEqual(numbers);
      const aliceNumber = (await open(tutor, id, enrolment.alice)).participant.participantNumber;
      expect(
        again.items.find((e) => e.participant.enrolmentId === enrolment.alice)?.participant.participantNumber,
      ).toBe(aliceNumber);

      // Released: Alice's name appears; Bruno's, not yet released, stays hidden.
      const marked = await save(tutor, id, enrolment.alice, { rawPoints: 12, status: 'ready' });
      const version = (marked.json() as MarkingView).grade?.version;
      expect(
        (await call(tutor, 'POST', `${work(id, enrolment.alice)}/release`, { expectedVersion: version }))
          .statusCode,
      ).toBe(200);
      const released = await queue(tutor, `?activityId=${id}`);
      const byEnrolment = new Map(released.items.map((e) => [e.participant.enrolmentId, e.participant]));
      expect(byEnrolment.get(enrolment.alice)).toMatchObject({
        hidden: false,
        displayName: 'Alice Andrade',
        email: alice.email,
      });
      expect(byEnrolment.get(enrolment.bruno)).toMatchObject({ hidden: true, displayName: null });
      expect((await open(admin, id, enrolment.alice)).participant.displayName).toBe('Alice Andrade');
    }, 30_000);
  });

  describe('marks', () => {
    it('adds up the rubric, applies the late penalty and keeps the audit trail', async () => {
      // Due 25 hours ago under a 10% per started day penalty: two days, 20%.
      const id = await assignment(
        { rubric: RUBRIC, latePolicy: 'penalty', latePenaltyPercentPerDay: 10 },
        at(-25 * HOUR),
      );
      await submitted(alice, id, '<p>Plano <b>regional</b></p>');
      const before = await open(tutor, id, enrolment.alice);
      expect(before).toMatchObject({
        activity: {
          maxPoints: 10,
          latePolicy: 'penalty',
          rubric: { criteria: [{ id: 'diagnosis', title: 'Diagnosis' }, { id: 'actions' }] },
        },
        participant: { hidden: false, displayName: 'Alice Andrade' },
        submission: { number: 1, text: '<p>Plano <b>regional</b></p>', versions: [{ number: 1 }] },
        latePenaltyPercent: 20,
        grade: null,
        history: [],
      });
      expect(before.submission?.lateSeconds).toBeGreaterThan(24 * 3600);

      const res = await save(tutor, id, enrolment.alice, {
        rubricMarks: { diagnosis: 'd1', actions: 'a2' },
        feedback: 'Bom diagnóstico.\nFaltam prazos.',
        status: 'ready',
      });
      expect(res.statusCode).toBe(200);
      const view: MarkingView = res.json();
      expect(view.grade).toMatchObject({
        status: 'ready',
        rawPoints: 10,
        latePenaltyPercent: 20,
        points: 8,
        rubricMarks: { diagnosis: 'd1', actions: 'a2' },
        feedback: 'Bom diagnóstico.\nFaltam prazos.',
        version: 1,
      });
      expect(view.history).toHaveLength(1);
      expect(view.history[0]).toMatchObject({
        action: 'mark',
        changedBy: { id: tutor.id, displayName: 'Tomás Tutor' },
        before: null,
        after: { status: 'ready', points: 8 },
      });

      // A partial draft is fine; a partial mark cannot be ready.
      const partial = await save(tutor, id, enrolment.alice, {
        rubricMarks: { diagnosis: 'd0' },
        status: 'ready',
        expectedVersion: 1,
      });
      expect([partial.statusCode, fieldsOf(partial)]).toEqual([400, ['rubricMarks.actions']]);
    }, 30_000);

    it('refuses rubric marks that are not in the rubric, and fields that do not belong (400 naming them)', async () => {
      const id = await assignment({ rubric: RUBRIC });
      await submitted(bruno, id);
      const cases: [object, string[]][] = [
        [{ rubricMarks: { style: 'd1' } }, ['rubricMarks.style']],
        [{ rubricMarks: { diagnosis: 'a2' } }, ['rubricMarks.diagnosis']],
        [{ rubricMarks: { diagnosis: 7 } }, ['rubricMarks']],
        [{ rawPoints: 5 }, ['rawPoints']],
        [{ points: 10 }, ['points']],
        [{ gradedById: tutor.id }, ['gradedById']],
        [{ status: 'released' }, ['status']],
        [{ feedback: 'x'.repeat(20_001) }, ['feedback']],
        [{ feedback: 'bad\u0000byte' }, ['feedback']],
        [{ expectedVersion: 0 }, ['expectedVersion']],
      ];
      for (const [body, fields] of cases) {
        const res = await save(tutor, id, enrolment.bruno, body);
        expect({ body, status: res.statusCode, fields: fieldsOf(res) }).toEqual({
          body,
          status: 400,
          fields,
        });
      }
      const noExpected = await call(tutor, 'PUT', `${work(id, enrolment.bruno)}/grade`, {
        feedback: '',
        status: 'draft',
      });
      expect([noExpected.statusCode, [...new Set(fieldsOf(noExpected))]]).toEqual([400, ['expectedVersion']]);

      const plain = await assignment({ maxPoints: 20 });
      await submitted(bruno, plain);
      const tooMany = await save(tutor, plain, enrolment.bruno, { rawPoints: 21 });
      expect([tooMany.statusCode, fieldsOf(tooMany)]).toEqual([400, ['rawPoints']]);
      // Numbers written with an exponent, as JSON allows, or with too many decimals: a 400, never a 500.
      for (const rawPoints of [1e-300, 2.125]) {
        const tiny = await save(tutor, id, enrolment.bruno, { rawPoints });
        expect([rawPoints, tiny.statusCode, fieldsOf(tiny)]).toEqual([rawPoints, 400, ['rawPoints']]);
      }
      const notReady = await save(tutor, plain, enrolment.bruno, { status: 'ready' });
      expect([notReady.statusCode, fieldsOf(notReady)]).toEqual([400, ['rawPoints']]);
      const withRubric = await save(tutor, plain, enrolment.bruno, { rubricMarks: { diagnosis: 'd1' } });
      expect([withRubric.statusCode, fieldsOf(withRubric)]).toEqual([400, ['rubricMarks']]);
      const nothing = await db().query(`SELECT 1 FROM grades WHERE activity_id = ANY($1::uuid[])`, [
        [id, plain],
      ]);
      expect(nothing).toHaveLength(0);
    }, 30_000);

    it('two tutors saving at once: one is saved, the other is told the grade changed', async () => {
      const second = await person(t, ['tutor']);
      await call(admin, 'PUT', `/api/admin/cohorts/${cohortId}/tutors`, { tutorIds: [tutor.id, second.id] });
      const id = await assignment();
      await submitted(carla, id);
      const [a, b] = await Promise.all([
        save(tutor, id, enrolment.carla, { rawPoints: 11, feedback: 'From Tomás' }),
        save(second, id, enrolment.carla, { rawPoints: 17, feedback: 'From the second tutor' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const lost = a.statusCode === 409 ? a : b;
      expect(detail(lost)).toMatch(/changed by someone else/);
      const view = await open(tutor, id, enrolment.carla);
      expect(view.history).toHaveLength(1);
      expect(view.grade?.version).toBe(1);
      expect(view.grade?.feedback).toBe(a.statusCode === 200 ? 'From Tomás' : 'From the second tutor');

      // Saving over a version someone else replaced is refused too, and changes nothing.
      expect((await save(second, id, enrolment.carla, { rawPoints: 3, expectedVersion: 1 })).statusCode).toBe(
        200,
      );
      const stale = await save(tutor, id, enrolment.carla, { rawPoints: 5, expectedVersion: 1 });
      expect(stale.statusCode).toBe(409);
      expect((await open(tutor, id, enrolment.carla)).grade).toMatchObject({ rawPoints: 3, version: 2 });
      await call(admin, 'PUT', `/api/admin/cohorts/${cohortId}/tutors`, { tutorIds: [tutor.id] });
    }, 30_000);
  });

  describe('release and what the trainee sees', () => {
    it('shows nothing to the trainee before release; then the grade and the feedback file', async () => {
      const id = await assignment({ rubric: RUBRIC });
      await submitted(alice, id);
      const nothing = await call(tutor, 'POST', `${work(id, enrolment.alice)}/release`, {
        expectedVersion: 1,
      });
      expect([nothing.statusCode, detail(nothing)]).toEqual([
        409,
        'A grade without points cannot be released.',
      ]);
      const saved: MarkingView = (
        await save(tutor, id, enrolment.alice, {
          rubricMarks: { diagnosis: 'd1', actions: 'a1' },
          feedback: 'Muito bem.',
          status: 'ready',
        })
      ).json();

      // Feedback files are checked by content like other uploads.
      const upload = (content: Buffer, name: string, version: number | undefined) => {
        const body = multipart(content, name);
        return t.request({
          method: 'PUT',
          url: `${work(id, enrolment.alice)}/feedback-file${version ? `?expectedVersion=${version}` : ''}`,
          headers: { ...tutor.headers, ...body.headers },
          payload: body.payload,
        });
      };
      const html = await upload(SAMPLE_HTML, 'comments.pdf', saved.grade?.version);
      expect([html.statusCode, fieldsOf(html)]).toEqual([415, ['file']]);
      expect((await upload(samplePdf(), 'comments.pdf', undefined)).statusCode).toBe(409);
      const attached = await upload(samplePdf(), 'comentários.pdf', saved.grade?.version);
      expect(attached.statusCode).toBe(200);
      const withFile: MarkingView = attached.json();
      expect(withFile.grade?.feedbackFile).toMatchObject({
        name: 'comentários.pdf',
        contentType: 'application/pdf',
      });
      expect(withFile.history[0].after.feedbackFileName).toBe('comentários.pdf');

      const fileUrl = withFile.feedbackFileUrl;
      expect((await call(tutor, 'GET', fileUrl)).statusCode).toBe(200);
      // Before release: the trainee sees neither grade nor file; another trainee never.
      expect((await call(alice, 'GET', `/api/assignments/${id}`)).json()).toMatchObject({ grade: null });
      expect((await call(alice, 'GET', fileUrl)).statusCode).toBe(404);
      expect((await call(bruno, 'GET', fileUrl)).statusCode).toBe(404);
      expect((await call(otherTutor, 'GET', fileUrl)).statusCode).toBe(404);

      // Trainees cannot mark or release, even their own work.
      expect(
        (await save(alice, id, enrolment.alice, { rubricMarks: { diagnosis: 'd1', actions: 'a2' } }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call(alice, 'POST', `${work(id, enrolment.alice)}/release`, { expectedVersion: 2 }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call(alice, 'POST', `/api/cohorts/${cohortId}/marking/release`, { activityId: id }))
          .statusCode,
      ).toBe(403);
      expect((await upload(samplePdf(), 'x.pdf', 2)).statusCode).toBe(200);
      const current = await open(tutor, id, enrolment.alice);

      const stale = await call(tutor, 'POST', `${work(id, enrolment.alice)}/release`, { expectedVersion: 1 });
      expect(stale.statusCode).toBe(409);
      const released = await call(tutor, 'POST', `${work(id, enrolment.alice)}/release`, {
        expectedVersion: current.grade?.version,
      });
      expect(released.statusCode).toBe(200);
      expect((released.json() as MarkingView).grade?.status).toBe('released');

      const own: AssignmentTraineeView = (await call(alice, 'GET', `/api/assignments/${id}`)).json();
      expect(own.grade).toMatchObject({
        points: 7.5,
        feedback: 'Muito bem.',
        rubricMarks: { diagnosis: 'd1', actions: 'a1' },
        feedbackFile: { name: 'x.pdf' },
      });
      const download = await call(alice, 'GET', fileUrl);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toContain('attachment');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect((await call(bruno, 'GET', fileUrl)).statusCode).toBe(404);

      // Edited after release: stays released (the trainee sees the new mark); the trail keeps both.
      const edited = await save(tutor, id, enrolment.alice, {
        rubricMarks: { diagnosis: 'd1', actions: 'a2' },
        feedback: 'Muito bem, revisado.',
        status: 'draft',
        expectedVersion: (released.json() as MarkingView).grade?.version,
      });
      expect(edited.statusCode).toBe(200);
      const after: MarkingView = edited.json();
      expect(after.grade).toMatchObject({ status: 'released', points: 10 });
      expect(after.history[0]).toMatchObject({
        before: { points: 7.5, status: 'released' },
        after: { points: 10, status: 'released' },
      });
      expect(after.history.map((h) => h.action)).toEqual(['mark', 'release', 'mark', 'mark', 'mark']);
      expect(
        ((await call(alice, 'GET', `/api/assignments/${id}`)).json() as AssignmentTraineeView).grade?.points,
      ).toBe(10);
      // Still only one announcement.
      expect(await outboxEvents(t, 'grade.released', 'activityId', id)).toHaveLength(1);
    }, 30_000);

    it('bulk release: every ready grade of the assignment in the cohort, one grade.released each, activity done', async () => {
      const id = await assignment();
      await submitted(alice, id);
      await submitted(bruno, id);
      await submitted(carla, id);
      await save(tutor, id, enrolment.alice, { rawPoints: 14, status: 'ready' });
      await save(tutor, id, enrolment.bruno, { rawPoints: 9, status: 'ready' });
      await save(tutor, id, enrolment.carla, { rawPoints: 4, status: 'draft' });
      // A trainee of another cohort with a ready grade is not this cohort's to release.
      const outsider = await person(t);
      const outsiderEnrolment = (await enrolled(t, outsider, otherCohortId)).id;
      await submitted(outsider, id);
      await save(otherTutor, id, outsiderEnrolment, { rawPoints: 10, status: 'ready' });
      const outsiderGrade = (await open(otherTutor, id, outsiderEnrolment)).grade?.id;

      expect((await call(tutor, 'POST', `/api/cohorts/${cohortId}/marking/release`, {})).statusCode).toBe(
        400,
      );
      expect(
        (await call(tutor, 'POST', `/api/cohorts/${cohortId}/marking/release`, { gradeIds: [outsiderGrade] }))
          .statusCode,
      ).toBe(404);
      expect(
        (await call(otherTutor, 'POST', `/api/cohorts/${cohortId}/marking/release`, { activityId: id }))
          .statusCode,
      ).toBe(404);

      const res = await call(tutor, 'POST', `/api/cohorts/${cohortId}/marking/release`, { activityId: id });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ released: 2 });
      const events = await outboxEvents(t, 'grade.released', 'activityId', id);
      expect(events.map((e) => e.payload.enrolmentId).sort()).toEqual(
        [enrolment.alice, enrolment.bruno].sort(),
      );
      const done = await db().query(
        `SELECT enrolment_id AS "enrolmentId" FROM activity_completions WHERE activity_id = $1 ORDER BY enrolment_id`,
        [id],
      );
      expect(done.map((d: { enrolmentId: string }) => d.enrolmentId)).toEqual(
        [enrolment.alice, enrolment.bruno].sort(),
      );
      const states = (await queue(tutor, `?activityId=${id}`)).items.map((e) => [
        e.participant.enrolmentId,
        e.state,
      ]);
      expect(states).toEqual(
        expect.arrayContaining([
          [enrolment.carla, 'waiting'],
          [enrolment.alice, 'released'],
        ]),
      );

      // Again: nothing left to release, nothing announced twice; the outsider untouched.
      expect(
        (await call(tutor, 'POST', `/api/cohorts/${cohortId}/marking/release`, { activityId: id })).json(),
      ).toMatchObject({
        released: 0,
      });
      expect(await outboxEvents(t, 'grade.released', 'activityId', id)).toHaveLength(2);
      expect((await open(otherTutor, id, outsiderEnrolment)).grade?.status).toBe('ready');

      // By id: Carla's draft, named explicitly.
      const carlaGrade = (await open(tutor, id, enrolment.carla)).grade?.id;
      const named = await call(admin, 'POST', `/api/cohorts/${cohortId}/marking/release`, {
        gradeIds: [carlaGrade],
      });
      expect(named.json()).toMatchObject({ released: 1, gradeIds: [carlaGrade] });
      expect(await outboxEvents(t, 'grade.released', 'activityId', id)).toHaveLength(3);
    }, 30_000);
  });
});
