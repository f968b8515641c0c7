import fc from 'fast-check';
import type { QuestionAdminView, QuizAttemptView } from '@aula/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import { createCohort, createCourse, enrolled, person, type Person } from '../enrolment/testing/learning-fixtures';

jest.setTimeout(120_000);

/** Whatever a client sends to quizzes, the answer is a deliberate 2xx/4xx naming the fields, never a 500. */
describe('quiz DTOs under property-based fuzzing', () => {
  let t: TestApp;
  let admin: Person;
  let trainee: Person;
  let courseId: string;
  let activityId: string;
  let questions: QuestionAdminView[];
  let attempt: QuizAttemptView;

  const call = (who: Person, method: string, url: string, payload: unknown) =>
    t.request({ method: method as 'PUT', url, headers: who.headers, payload: payload as object });

  beforeAll(async () => {
    t = await startTestApp();
    [admin, trainee] = await Promise.all([person(t, ['admin']), person(t)]);
    const course = await createCourse(t, {
      modules: [{ title: { en: 'Fuzz' }, activities: [{ kind: 'quiz', title: { en: 'Fuzz quiz' } }] }],
    });
    courseId = course.id;
    activityId = course.activityIds[0];
    questions = [];
    for (const q of [
      { kind: 'single', prompt: { en: 'One?' }, options: [{ text: { en: 'A' }, correct: true }, { text: { en: 'B' }, correct: false }] },
      { kind: 'multiple', prompt: { en: 'Many?' }, options: [{ text: { en: 'A' }, correct: true }, { text: { en: 'B' }, correct: true }] },
      { kind: 'true_false', prompt: { en: 'True?' }, correctBoolean: true },
      { kind: 'short_answer', prompt: { en: 'Word?' }, acceptedAnswers: ['word'] },
      { kind: 'numeric', prompt: { en: 'Number?' }, numericAnswer: 1.5, tolerance: 0.1 },
    ]) {
      questions.push((await call(admin, 'POST', `/api/admin/courses/${courseId}/questions`, q)).json());
    }
    await call(admin, 'PUT', `/api/admin/activities/${activityId}/quiz`, {
      questionMode: 'fixed',
      questionIds: questions.map((q) => q.id),
      randomCount: null,
      shuffleQuestions: false,
      shuffleOptions: false,
      timeLimitMinutes: null,
      attemptsAllowed: null,
      gradingMethod: 'highest',
      showCorrectAnswers: 'after_submit',
      showFeedback: 'after_submit',
      maxPoints: 10,
    });
    await enrolled(t, trainee, (await createCohort(t, admin, courseId)).id);
    attempt = (await call(trainee, 'POST', `/api/quizzes/${activityId}/attempts`, undefined)).json();
  });
  afterAll(() => t.close());

  const scalar = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('\u0000', '\u202e', 'a'.repeat(5000)),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const translations = fc.dictionary(fc.constantFrom('en', 'es', 'pt', 'fr', '__proto__', ''), scalar, { maxKeys: 3 });
  const anyValue = fc.oneof(scalar, translations, fc.array(scalar, { maxLength: 3 }), fc.object({ maxDepth: 1 }));
  const option = fc.record(
    { id: fc.oneof(fc.uuid(), scalar), text: fc.oneof(translations, scalar), correct: scalar, feedback: fc.oneof(translations, scalar) },
    { requiredKeys: [] },
  );
  const question = fc.record(
    {
      kind: fc.oneof(fc.constantFrom('single', 'multiple', 'true_false', 'short_answer', 'numeric'), scalar),
      prompt: fc.oneof(translations, scalar),
      options: fc.oneof(fc.array(option, { maxLength: 4 }), scalar),
      correctBoolean: anyValue,
      acceptedAnswers: fc.oneof(fc.array(scalar, { maxLength: 3 }), scalar),
      caseSensitive: anyValue,
      accentSensitive: anyValue,
      numericAnswer: anyValue,
      tolerance: anyValue,
      points: anyValue,
      feedback: fc.oneof(translations, scalar),
      archived: anyValue,
      courseId: anyValue,
    },
    { requiredKeys: [] },
  );

  it('POST and PATCH questions answer 2xx or a 400 naming fields, for any body', async () => {
    await fc.assert(
      fc.asyncProperty(question, fc.boolean(), async (body, patch) => {
        const res = patch
          ? await call(admin, 'PATCH', `/api/admin/questions/${questions[0].id}`, body)
          : await call(admin, 'POST', `/api/admin/courses/${courseId}/questions`, body);
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });

  it('PUT settings answers 2xx or a 400 naming fields, for any body', async () => {
    const settings = fc.dictionary(
      fc.constantFrom(
        'questionMode',
        'questionIds',
        'randomCount',
        'shuffleQuestions',
        'shuffleOptions',
        'timeLimitMinutes',
        'attemptsAllowed',
        'gradingMethod',
        'showCorrectAnswers',
        'showFeedback',
        'maxPoints',
        '__proto__',
      ),
      fc.oneof(anyValue, fc.array(fc.uuid(), { maxLength: 3 })),
      { maxKeys: 11 },
    );
    await fc.assert(
      fc.asyncProperty(settings, async (body) => {
        const res = await call(admin, 'PUT', `/api/admin/activities/${activityId}/quiz`, body);
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('saving answers answers 2xx or a 400 naming the question, never a 500, for any answer', async () => {
    const answer = fc.oneof(anyValue, fc.array(fc.constantFrom(...questions.flatMap((q) => q.options.map((o) => o.id))), { maxLength: 3 }));
    const answers = fc.dictionary(fc.oneof(fc.constantFrom(...questions.map((q) => q.id)), fc.string({ maxLength: 10 })), answer, {
      maxKeys: 4,
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(answers.map((a) => ({ answers: a })), fc.dictionary(fc.string({ maxLength: 8 }), anyValue)), async (body) => {
        const res = await call(trainee, 'PUT', `/api/quiz-attempts/${attempt.id}/answers`, body);
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
    // Whatever was saved grades without a fault.
    expect((await call(trainee, 'POST', `/api/quiz-attempts/${attempt.id}/submit`, undefined)).statusCode).toBe(200);
  });
});
