import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  enrolled,
  person,
  type Person,
} from '../enrolment/testing/learning-fixtures';

/** Whatever a client sends to assignments, the answer is a deliberate 2xx/4xx naming the fields, never a 500. */
describe('assignment DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: Person;
  let trainee: Person;
  let activityId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aula-assignment-fuzz-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    [admin, trainee] = await Promise.all([person(t, ['admin']), person(t)]);
    const course = await createCourse(t, {
      modules: [{ title: { en: 'Fuzz' }, activities: [{ kind: 'assignment', title: { en: 'Fuzz plan' } }] }],
    });
    activityId = course.activityIds[0];
    await enrolled(t, trainee, (await createCohort(t, admin, course.id)).id);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = (who: Person, method: string, url: string, payload: unknown) =>
    t.request({ method: method as 'PUT', url, headers: who.headers, payload: payload as object });

  const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const translations = fc.dictionary(fc.constantFrom('en', 'es', 'pt', 'fr', '__proto__', ''), scalar, { maxKeys: 3 });
  const level = fc.record(
    { id: fc.oneof(fc.string({ maxLength: 8 }), scalar), title: fc.oneof(translations, scalar), points: scalar },
    { requiredKeys: [] },
  );
  const criterion = fc.record(
    {
      id: fc.oneof(fc.constantFrom('a', 'b', 'c'), scalar),
      title: fc.oneof(translations, scalar),
      levels: fc.oneof(fc.array(level, { maxLength: 3 }), scalar),
      extra: scalar,
    },
    { requiredKeys: [] },
  );
  const rubric = fc.oneof(
    scalar,
    fc.record({ criteria: fc.oneof(fc.array(criterion, { maxLength: 3 }), scalar) }, { requiredKeys: [] }),
  );
  const anyValue = fc.oneof(scalar, translations, fc.array(scalar, { maxLength: 3 }), fc.object({ maxDepth: 1 }));
  const settings = fc.dictionary(
    fc.constantFrom(
      'acceptsText',
      'acceptsFiles',
      'maxFiles',
      'maxFileBytes',
      'allowedFileTypes',
      'latePolicy',
      'latePenaltyPercentPerDay',
      'allowResubmission',
      'blindMarking',
      'maxPoints',
      'courseId',
      '__proto__',
    ),
    anyValue,
    { maxKeys: 5 },
  );

  it('PUT settings answers 2xx or a 400 naming fields, for any body and any rubric', async () => {
    await fc.assert(
      fc.asyncProperty(settings, fc.option(rubric, { nil: undefined }), async (body, r) => {
        const res = await call(admin, 'PUT', `/api/admin/assignments/${activityId}/settings`, {
          ...body,
          ...(r === undefined ? {} : { rubric: r }),
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('a valid rubric round-trips and decides the max points', async () => {
    const validLevel = fc.record({
      title: fc.record({ en: fc.stringMatching(/^[\p{L}\p{N}][\p{L}\p{N} ]{0,20}$/u) }),
      points: fc.integer({ min: 0, max: 50 }),
    });
    const validRubric = fc.array(fc.array(validLevel, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(validRubric, async (criteria) => {
        const body = {
          criteria: criteria.map((levels, i) => ({
            id: `c${i}`,
            title: { en: `Criterion ${i}` },
            levels: levels.map((l, j) => ({ id: `c${i}-l${j}`, ...l })),
          })),
        };
        const res = await call(admin, 'PUT', `/api/admin/assignments/${activityId}/settings`, { rubric: body });
        const max = criteria.reduce((sum, levels) => sum + Math.max(...levels.map((l) => l.points)), 0);
        if (max === 0) {
          expect(res.statusCode).toBe(400);
          return;
        }
        expect(res.statusCode).toBe(200);
        expect(res.json().maxPoints).toBe(max);
        expect(res.json().rubric.criteria.map((c: { levels: unknown[] }) => c.levels.length)).toEqual(
          criteria.map((l) => l.length),
        );
      }),
      { numRuns: 25 },
    );
    await call(admin, 'PUT', `/api/admin/assignments/${activityId}/settings`, { rubric: null, acceptsText: true, acceptsFiles: true });
  });

  it('draft and submit answer 2xx/4xx, never 500, for any body', async () => {
    const body = fc.dictionary(fc.constantFrom('text', 'expectedVersion', 'score', 'userId', '__proto__'), anyValue, {
      maxKeys: 3,
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('draft', 'submit'), body, async (action, payload) => {
        const res = await call(
          trainee,
          action === 'draft' ? 'PUT' : 'POST',
          `/api/assignments/${activityId}/${action}`,
          payload,
        );
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
