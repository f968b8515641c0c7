import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  enrolled,
  person,
  type Person,
} from '../enrolment/testing/learning-fixtures';

/** Whatever an administrator or tutor sends to the gradebook and dates, the answer is never a 500. */
describe('gradebook and dates DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let admin: Person;
  let courseId: string;
  let cohortId: string;
  let quizId: string;
  let taskId: string;
  let enrolmentId: string;
  let email: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await person(t, ['admin']);
    const trainee = await person(t);
    email = trainee.email;
    const course = await createCourse(t, {
      modules: [
        {
          title: { en: 'Only' },
          activities: [
            { kind: 'quiz', title: { en: 'Quiz' } },
            { kind: 'assignment', title: { en: 'Task' } },
          ],
        },
      ],
    });
    courseId = course.id;
    [quizId, taskId] = course.activityIds;
    cohortId = (await createCohort(t, admin, course.id)).id;
    enrolmentId = (await enrolled(t, trainee, cohortId)).id;
    await t.app
      .get(DataSource)
      .query(
        `INSERT INTO activity_schedules (cohort_id, activity_id, due_at, closes_at) VALUES ($1, $2, $3, $4)`,
        [cohortId, taskId, '2027-04-01T00:00:00Z', '2027-04-05T00:00:00Z'],
      );
  }, 60_000);
  afterAll(() => t.close());

  const instant = fc
    .date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString());
  const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    instant,
    fc.constantFrom(
      '2027-03-01T10:00',
      '2027-02-30T10:00:00Z',
      '9999-12-31T23:59:59Z',
      '\u0000',
      '__proto__',
    ),
    fc.array(fc.oneof(fc.string(), fc.uuid()), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 90 }), fc.oneof(fc.double(), fc.integer(), fc.string()), {
      maxKeys: 3,
    }),
  );
  const body = (keys: string[]) =>
    fc.dictionary(fc.constantFrom(...keys, 'role', '__proto__'), anyValue, { maxKeys: 5 });

  it('PUT grading settings answers 2xx or a 4xx naming fields, never 500', async () => {
    const item = fc.record({
      activityId: fc.oneof(fc.constantFrom(quizId, taskId), fc.uuid(), fc.string()),
      weight: anyValue,
      category: anyValue,
    });
    const payload = fc.oneof(
      body(['passPercent', 'completionRequiresPass', 'categoryWeights', 'items']),
      fc.record({
        passPercent: fc.oneof(fc.constant(null), fc.double({ min: -1, max: 101 })),
        completionRequiresPass: fc.boolean(),
        categoryWeights: fc.dictionary(fc.string({ maxLength: 90 }), fc.double({ min: -1, max: 2000 }), {
          maxKeys: 3,
        }),
        items: fc.array(item, { maxLength: 3 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (data) => {
        const res = await t.request({
          method: 'PUT',
          url: `/api/admin/courses/${courseId}/grading`,
          payload: data,
          headers: admin.headers,
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400)
          expect((res.json() as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it.each([
    ['quiz dates', () => `/api/cohorts/${cohortId}/schedule/${quizId}`, ['opensAt', 'dueAt', 'closesAt']],
    [
      'assignment dates',
      () => `/api/cohorts/${cohortId}/schedule/${taskId}`,
      ['opensAt', 'dueAt', 'closesAt'],
    ],
    [
      'an extension',
      () => `/api/cohorts/${cohortId}/schedule/${taskId}/extensions/${enrolmentId}`,
      ['dueAt', 'closesAt'],
    ],
  ])(
    'PUT %s answers 2xx or a 4xx naming fields, never 500',
    async (_what, url, keys) => {
      const payload = fc.oneof(
        body(keys),
        fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(null), instant)]))),
      );
      await fc.assert(
        fc.asyncProperty(payload, async (data) => {
          const res = await t.request({ method: 'PUT', url: url(), payload: data, headers: admin.headers });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode === 400)
            expect((res.json() as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
        }),
        { numRuns: 60 },
      );
    },
    120_000,
  );

  it('a CSV import of any text answers 200 with a report or a 400, never 500, and never applies a bad row', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('10', '7,5', '-1', '1e3', '=1+1', '"', '\r\n', email, 'Quiz', 'Task'),
    );
    const csv = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 5 })
      .map((rows) => rows.map((r) => r.join(',')).join('\r\n'));
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const res = await t.request({
          method: 'POST',
          url: `/api/cohorts/${cohortId}/gradebook/import`,
          payload: text,
          headers: { ...admin.headers, 'content-type': 'text/csv' },
        });
        expect([200, 400, 415]).toContain(res.statusCode);
        if (res.statusCode === 200) {
          const report = res.json() as { applied: boolean; errors: unknown[] };
          expect(report.applied).toBe(report.errors.length === 0);
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
