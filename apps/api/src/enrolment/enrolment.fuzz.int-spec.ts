import fc from 'fast-check';
import type { CohortView } from '@aula/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import { createCohort, createCourse, person, type Person } from './testing/learning-fixtures';

/** Whatever a client sends to cohorts, enrolment and learning, the answer is a deliberate 2xx/4xx, never a 500. */
describe('enrolment and learning DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let admin: Person;
  let courseId: string;
  let cohort: CohortView;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await person(t, ['admin']);
    courseId = (await createCourse(t)).id;
    cohort = await createCohort(t, admin, courseId);
  });
  afterAll(() => t.close());

  const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      '2027-02-30',
      '2027-02-01',
      'America/Bogota',
      'open',
      '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44',
    ),
    fc.array(fc.oneof(fc.string(), fc.uuid()), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
  );
  const fields = [
    'courseId',
    'name',
    'startDate',
    'endDate',
    'timeZone',
    'capacity',
    'enrolmentMode',
    'tutorIds',
    'userId',
    'token',
    'password',
    'status',
    '__proto__',
    'constructor',
  ];
  const body = fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 6 });
  const queryValue = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer().map(String),
    fc.constantFrom('es', 'xx', 'active', '-1', '1e3', '%', '\u0000'),
  );
  const query = fc.dictionary(
    fc.constantFrom('q', 'locale', 'topic', 'limit', 'cursor', 'status', 'courseId'),
    queryValue,
    { maxKeys: 4 },
  );

  const expectDeliberate = (res: {
    statusCode: number;
    json: () => { status: number; errors?: unknown[] };
  }) => {
    expect(res.statusCode).toBeLessThan(500);
    if (res.statusCode === 400) expect(res.json().errors?.length).toBeGreaterThan(0);
  };

  it.each([
    ['POST', '/api/admin/cohorts'],
    ['PATCH', '/api/admin/cohorts/:id'],
    ['PUT', '/api/admin/cohorts/:id/tutors'],
    ['POST', '/api/admin/cohorts/:id/enrolments'],
    ['POST', '/api/auth/accept-invitation'],
  ])('%s %s answers 4xx naming fields for invalid bodies', async (method, path) => {
    const url = path.replace(':id', cohort.id);
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        expectDeliberate(await t.request({ method: method as 'POST', url, payload, headers: admin.headers }));
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    '/api/catalogue',
    '/api/admin/cohorts',
    '/api/tutor/cohorts',
    `/api/cohorts/:id/roster`,
    '/api/cohorts/:id/roster.csv',
    '/api/courses/x',
  ])('GET %s answers 2xx/4xx for any query string', async (path) => {
    const url = path.replace(':id', cohort.id);
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const res = await t.request({ method: 'GET', url, query: q, headers: admin.headers });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it.each(['/api/catalogue', '/api/admin/cohorts', '/api/tutor/cohorts', '/api/cohorts/:id/roster'])(
    'GET %s refuses crafted cursors with a 400 naming the cursor',
    async (path) => {
      const url = path.replace(':id', cohort.id);
      const crafted = [
        ['\u0000', '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44'],
        ['not-a-date', '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44'],
        ['x', 'not-a-uuid'],
      ];
      for (const values of crafted) {
        const cursor = Buffer.from(JSON.stringify(values)).toString('base64url');
        const res = await t.request({ method: 'GET', url, query: { cursor }, headers: admin.headers });
        const dateKeyed = !path.includes(':id') && path.endsWith('/cohorts');
        if (dateKeyed || values[1] === 'not-a-uuid' || values[0] === '\u0000') {
          expect(res.statusCode).toBe(400);
          expect(res.json().errors).toEqual([{ path: 'cursor', message: 'is not a valid cursor' }]);
        } else {
          expect(res.statusCode).toBe(200);
        }
      }
      expect(
        (await t.request({ method: 'GET', url, query: { cursor: 'a+b/c=' }, headers: admin.headers }))
          .statusCode,
      ).toBe(400);
    },
  );

  it('round-trips valid cohorts', async () => {
    const name = fc
      .stringMatching(/^[\p{L}\p{N}][\p{L}\p{N} ·.'()-]{0,40}$/u)
      .filter((s) => s.trim().length > 0);
    const date = fc
      .date({
        min: new Date('2026-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        name,
        date,
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
        fc.constantFrom('open', 'approval', 'invite'),
        fc.constantFrom(
          'America/Bogota',
          'America/Sao_Paulo',
          'Asia/Ho_Chi_Minh',
          'Africa/Casablanca',
          'UTC',
        ),
        async (cohortName, startDate, length, capacity, enrolmentMode, timeZone) => {
          const endDate = new Date(Date.parse(`${startDate}T00:00:00Z`) + length * 86400_000)
            .toISOString()
            .slice(0, 10);
          const res = await t.request({
            method: 'POST',
            url: '/api/admin/cohorts',
            headers: admin.headers,
            payload: { courseId, name: cohortName, startDate, endDate, timeZone, capacity, enrolmentMode },
          });
          expect(res.statusCode).toBe(201);
          expect(res.json()).toMatchObject({
            name: cohortName.trim(),
            startDate,
            endDate,
            timeZone,
            capacity,
            enrolmentMode,
            seatsLeft: capacity,
          });
        },
      ),
      { numRuns: 20 },
    );
  });

  it('answers 4xx for any CSV body, and reports every data row', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.emailAddress(),
      fc.constantFrom('"', '""', '=1+1', 'es', 'America/Bogota', '\r\n'),
    );
    const file = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('email,display_name,locale', 'email', 'display_name,email,time_zone,country'),
        file,
        async (header, rows) => {
          const csv = [header, ...rows.map((r) => r.join(','))].join('\n');
          const res = await t.request({
            method: 'POST',
            url: `/api/admin/cohorts/${cohort.id}/enrolments/import`,
            headers: { ...admin.headers, 'content-type': 'text/csv' },
            payload: csv,
          });
          expect([200, 400]).toContain(res.statusCode);
          if (res.statusCode === 200) {
            const report = res.json() as { rows: { outcome: string }[]; counts: Record<string, number> };
            expect(Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(report.rows.length);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
