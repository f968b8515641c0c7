import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { Activity } from '@aula/server/catalog';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  enrolled,
  person,
  type Person,
} from '../enrolment/testing/learning-fixtures';

/** Whatever a marker sends, the answer is a deliberate 2xx/4xx naming fields, never a 500. */
describe('marking DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let tutor: Person;
  let cohortId: string;
  let activityId: string;
  let enrolmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await person(t, ['admin']);
    tutor = await person(t, ['tutor']);
    const trainee = await person(t);
    const course = await createCourse(t);
    cohortId = (await createCohort(t, admin, course.id, { tutorIds: [tutor.id] })).id;
    enrolmentId = (await enrolled(t, trainee, cohortId)).id;
    const em = t.app.get(DataSource).manager;
    activityId = (
      await em.save(
        Activity,
        em.create(Activity, {
          courseId: course.id,
          moduleId: course.modules[0].id,
          position: 50,
          kind: 'assignment',
          title: { en: 'Plan' },
          body: {},
          required: true,
        }),
      )
    ).id;
    const rubric = {
      criteria: [{ id: 'c1', title: { en: 'C1' }, levels: [{ id: 'l1', title: { en: 'L1' }, points: 5 }] }],
    };
    await t.request({
      method: 'PUT',
      url: `/api/admin/assignments/${activityId}/settings`,
      headers: admin.headers,
      payload: { rubric },
    });
  }, 60_000);
  afterAll(() => t.close());

  const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      'draft',
      'ready',
      'released',
      'c1',
      'l1',
      '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44',
      '\u0000',
    ),
    fc.array(fc.oneof(fc.string(), fc.uuid()), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('c1', '__proto__', 'constructor'), fc.string()),
      fc.oneof(fc.string(), fc.integer()),
      {
        maxKeys: 3,
      },
    ),
  );
  const body = fc.dictionary(
    fc.constantFrom(
      'rubricMarks',
      'rawPoints',
      'feedback',
      'status',
      'expectedVersion',
      'points',
      'activityId',
      'gradeIds',
      '__proto__',
    ),
    anyValue,
    { maxKeys: 6 },
  );

  it.each([
    ['PUT', 'grade'],
    ['POST', 'release'],
    ['POST', 'bulk'],
  ])(
    '%s %s answers 4xx naming fields for invalid bodies, never 500',
    async (method, what) => {
      const url =
        what === 'bulk'
          ? `/api/cohorts/${cohortId}/marking/release`
          : `/api/marking/activities/${activityId}/enrolments/${enrolmentId}/${what}`;
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const res = await t.request({ method: method as 'PUT', url, payload, headers: tutor.headers });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode === 400)
            expect((res.json() as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
        }),
        { numRuns: 60 },
      );
    },
    120_000,
  );

  it('GET the queue answers 2xx/4xx for any query string', async () => {
    const query = fc.dictionary(
      fc.constantFrom('activityId', 'state', 'limit', 'cursor'),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('waiting', activityId, '0', '101', '%', '\u0000'),
      ),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const res = await t.request({
          method: 'GET',
          url: `/api/cohorts/${cohortId}/marking/queue`,
          query: q,
          headers: tutor.headers,
        });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
