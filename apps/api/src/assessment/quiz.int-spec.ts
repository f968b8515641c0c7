import { DataSource } from 'typeorm';
import type {
  QuestionAdminView,
  QuestionInput,
  QuizAttemptView,
  QuizOverview,
  QuizReview,
  QuizSettingsInput,
  QuizSettingsView,
} from '@aula/contracts';
import { QuizExpiryService, ScheduleService } from '@aula/server/assessment';
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createCohort,
  createCourse,
  enrolled,
  fieldsOf,
  person,
  UNKNOWN_ID,
  type Person,
} from '../enrolment/testing/learning-fixtures';

/** The five kinds, each worth 2 points, with known right answers. */
const QUESTIONS: QuestionInput[] = [
  {
    kind: 'single',
    prompt: { en: 'Capital of Colombia?', es: '¿Capital de Colombia?', pt: 'Capital da Colômbia?' },
    options: [
      { text: { en: 'Bogotá' }, correct: true, feedback: { en: 'Yes, Bogotá.' } },
      { text: { en: 'Lima' }, correct: false, feedback: { en: 'Lima is in Peru.' } },
    ],
    points: 2,
    feedback: { en: 'Bogotá has been the capital since 1819.' },
  },
  {
    kind: 'multiple',
    prompt: { en: 'Which are in South America?' },
    options: [
      { text: { en: 'Chile' }, correct: true },
      { text: { en: 'Brazil' }, correct: true },
      { text: { en: 'Guatemala' }, correct: false },
      { text: { en: 'Kenya' }, correct: false },
    ],
    points: 2,
  },
  { kind: 'true_false', prompt: { en: 'Action plans need responsible entities.' }, correctBoolean: true, points: 2 },
  { kind: 'short_answer', prompt: { en: 'Largest country of South America?' }, acceptedAnswers: ['Brasil', 'Brazil'], points: 2 },
  { kind: 'numeric', prompt: { en: 'How many regions take part (± 1)?' }, numericAnswer: 12, tolerance: 1, points: 2 },
];

const SETTINGS: QuizSettingsInput = {
  questionMode: 'fixed',
  questionIds: [],
  randomCount: null,
  shuffleQuestions: false,
  shuffleOptions: false,
  timeLimitMinutes: null,
  attemptsAllowed: null,
  gradingMethod: 'highest',
  showCorrectAnswers: 'after_submit',
  showFeedback: 'after_submit',
  maxPoints: 20,
};

// Each test builds its own course and bank over HTTP: on a shared, busy machine that outgrows 5 s.
jest.setTimeout(30_000);

describe('quizzes over HTTP', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Person;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await person(t, ['admin']);
  });
  afterAll(() => t.close());

  const call = (who: Person, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.request({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  interface Quiz {
    activityId: string;
    courseId: string;
    cohortId: string;
    questions: QuestionAdminView[];
  }

  /** A published course with one quiz, its bank, settings and a cohort. */
  async function newQuiz(settings: Partial<QuizSettingsInput> = {}, questions = QUESTIONS): Promise<Quiz> {
    const course = await createCourse(t, {
      modules: [{ title: { en: 'Assessment' }, activities: [{ kind: 'quiz', title: { en: 'Check your knowledge', es: 'Comprueba' } }] }],
    });
    const created: QuestionAdminView[] = [];
    for (const q of questions) {
      const res = await call(admin, 'POST', `/api/admin/courses/${course.id}/questions`, q);
      expect(res.statusCode).toBe(201);
      created.push(res.json());
    }
    const activityId = course.activityIds[0];
    const res = await call(admin, 'PUT', `/api/admin/activities/${activityId}/quiz`, {
      ...SETTINGS,
      questionIds: created.map((q) => q.id),
      ...settings,
    });
    expect(res.statusCode).toBe(200);
    const cohort = await createCohort(t, admin, course.id);
    return { activityId, courseId: course.id, cohortId: cohort.id, questions: created };
  }

  async function trainee(quiz: Quiz): Promise<Person> {
    const p = await person(t);
    await enrolled(t, p, quiz.cohortId);
    return p;
  }

  async function start(who: Person, quiz: Quiz): Promise<QuizAttemptView> {
    const res = await call(who, 'POST', `/api/quizzes/${quiz.activityId}/attempts`);
    expect([200, 201]).toContain(res.statusCode);
    return res.json();
  }

  const save = (who: Person, attemptId: string, answers: Record<string, unknown>) =>
    call(who, 'PUT', `/api/quiz-attempts/${attemptId}/answers`, { answers });
  const submit = (who: Person, attemptId: string) => call(who, 'POST', `/api/quiz-attempts/${attemptId}/submit`);
  const overview = async (who: Person, quiz: Quiz) =>
    (await call(who, 'GET', `/api/quizzes/${quiz.activityId}`)).json() as QuizOverview;

  /** The right answer to each of QUESTIONS, by kind, for an attempt's questions. */
  function rightAnswers(attempt: QuizAttemptView, quiz: Quiz): Record<string, unknown> {
    const answers: Record<string, unknown> = {};
    for (const q of attempt.questions) {
      const bank = quiz.questions.find((b) => b.id === q.id);
      if (!bank) throw new Error('question not in bank');
      if (q.kind === 'single') answers[q.id] = bank.options.find((o) => o.correct)?.id;
      if (q.kind === 'multiple') answers[q.id] = bank.options.filter((o) => o.correct).map((o) => o.id);
      if (q.kind === 'true_false') answers[q.id] = bank.correctBoolean;
      if (q.kind === 'short_answer') answers[q.id] = '  brasil ';
      if (q.kind === 'numeric') answers[q.id] = 11.5;
    }
    return answers;
  }

  async function gradeOf(quiz: Quiz, who: Person) {
    const [row] = (await db.query(
      `SELECT g.points::float AS points, g.status FROM grades g JOIN enrolments e ON e.id = g.enrolment_id
        WHERE g.activity_id = $1 AND e.user_id = $2`,
      [quiz.activityId, who.id],
    )) as { points: number; status: string }[];
    return row ?? null;
  }

  describe('question bank and settings', () => {
    it('documents the quiz endpoints in the OpenAPI document', async () => {
      const doc = (await t.request({ method: 'GET', url: '/api/docs.json' })).json() as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, { required?: string[] }> };
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/admin/courses/{courseId}/questions',
          '/api/admin/activities/{id}/quiz',
          '/api/quizzes/{activityId}',
          '/api/quizzes/{activityId}/attempts',
          '/api/quiz-attempts/{id}/answers',
          '/api/quiz-attempts/{id}/submit',
          '/api/quiz-attempts/{id}/review',
        ]),
      );
      expect(doc.components.schemas.QuizSettingsDto.required).toEqual(expect.arrayContaining(['questionMode', 'maxPoints', 'attemptsAllowed']));
    });

    it('lets an administrator build a bank, and archives a used question instead of deleting it', async () => {
      const quiz = await newQuiz({ attemptsAllowed: 1 });
      const list = await call(admin, 'GET', `/api/admin/courses/${quiz.courseId}/questions`);
      expect((list.json() as QuestionAdminView[]).map((q) => q.kind)).toEqual(['single', 'multiple', 'true_false', 'short_answer', 'numeric']);

      const edit = await call(admin, 'PATCH', `/api/admin/questions/${quiz.questions[2].id}`, { prompt: { en: 'Edited', pt: 'Editada' } });
      expect(edit.statusCode).toBe(200);
      expect(edit.json()).toMatchObject({ kind: 'true_false', prompt: { en: 'Edited', pt: 'Editada' }, correctBoolean: true });

      // In the quiz's fixed list → archived, not deleted.
      const used = await call(admin, 'DELETE', `/api/admin/questions/${quiz.questions[0].id}`);
      expect(used.json()).toEqual({ deleted: false, archived: true });
      const after = (await call(admin, 'GET', `/api/admin/courses/${quiz.courseId}/questions`)).json() as QuestionAdminView[];
      expect(after.map((q) => q.id)).not.toContain(quiz.questions[0].id);
      const all = (await call(admin, 'GET', `/api/admin/courses/${quiz.courseId}/questions?includeArchived=true`)).json() as QuestionAdminView[];
      expect(all.find((q) => q.id === quiz.questions[0].id)?.archived).toBe(true);

      const spare = (await call(admin, 'POST', `/api/admin/courses/${quiz.courseId}/questions`, QUESTIONS[2])).json() as QuestionAdminView;
      expect((await call(admin, 'DELETE', `/api/admin/questions/${spare.id}`)).json()).toEqual({ deleted: true, archived: false });
      expect((await call(admin, 'GET', `/api/admin/questions/${spare.id}`)).statusCode).toBe(404);
    });

    it('refuses bad questions with a 400 naming the field', async () => {
      const quiz = await newQuiz({}, [QUESTIONS[0]]);
      const url = `/api/admin/courses/${quiz.courseId}/questions`;
      const cases: [unknown, string][] = [
        [{ ...QUESTIONS[0], options: [{ text: { en: 'A' }, correct: false }, { text: { en: 'B' }, correct: false }] }, 'options'],
        [{ ...QUESTIONS[0], kind: 'essay' }, 'kind'],
        [{ ...QUESTIONS[0], score: 5 }, 'score'],
        [{ ...QUESTIONS[0], prompt: { fr: 'Quoi?' } }, 'prompt.fr'],
        [{ ...QUESTIONS[0], prompt: { en: '   ' } }, 'prompt'],
        [{ ...QUESTIONS[4], numericAnswer: null }, 'numericAnswer'],
        [{ ...QUESTIONS[4], tolerance: -1 }, 'tolerance'],
        [{ ...QUESTIONS[3], acceptedAnswers: ['  '] }, 'acceptedAnswers'],
        [{ ...QUESTIONS[3], acceptedAnswers: ['\u0000'] }, 'acceptedAnswers'],
        [{ ...QUESTIONS[2], correctBoolean: 'yes' }, 'correctBoolean'],
        [{ ...QUESTIONS[0], points: 0 }, 'points'],
      ];
      for (const [payload, field] of cases) {
        const res = await call(admin, 'POST', url, payload);
        expect({ field, status: res.statusCode }).toEqual({ field, status: 400 });
        expect(fieldsOf(res)).toContain(field);
      }
      expect((await call(admin, 'POST', `/api/admin/courses/${UNKNOWN_ID}/questions`, QUESTIONS[0])).statusCode).toBe(404);
    });

    it('keeps settings, writes max points to the gradebook, and refuses questions of another course', async () => {
      const quiz = await newQuiz({ maxPoints: 35, timeLimitMinutes: 15 });
      const view = (await call(admin, 'GET', `/api/admin/activities/${quiz.activityId}/quiz`)).json() as QuizSettingsView;
      expect(view).toMatchObject({ maxPoints: 35, timeLimitMinutes: 15, bankSize: 5, questionIds: quiz.questions.map((q) => q.id) });
      const [item] = (await db.query(`SELECT max_points::float AS "maxPoints", course_id AS "courseId" FROM grade_items WHERE activity_id = $1`, [quiz.activityId])) as { maxPoints: number; courseId: string }[];
      expect(item).toEqual({ maxPoints: 35, courseId: quiz.courseId });

      const other = await newQuiz({}, [QUESTIONS[2]]);
      const res = await call(admin, 'PUT', `/api/admin/activities/${quiz.activityId}/quiz`, { ...SETTINGS, questionIds: [quiz.questions[0].id, other.questions[0].id] });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['questionIds.1']);
      const bad = await call(admin, 'PUT', `/api/admin/activities/${quiz.activityId}/quiz`, { ...SETTINGS, gradingMethod: 'best', attemptsAllowed: 0 });
      expect(fieldsOf(bad).sort()).toEqual(['attemptsAllowed', 'gradingMethod']);
      const missing = await call(admin, 'PUT', `/api/admin/activities/${quiz.activityId}/quiz`, { ...SETTINGS, timeLimitMinutes: undefined });
      expect(fieldsOf(missing)).toContain('timeLimitMinutes');
    });

    it('creates default settings lazily for a new quiz activity, and 404s for an activity that is not a quiz', async () => {
      const course = await createCourse(t, {
        modules: [{ title: { en: 'M' }, activities: [{ kind: 'quiz', title: { en: 'Fresh quiz' } }, { title: { en: 'A page' } }] }],
      });
      const res = await call(admin, 'GET', `/api/admin/activities/${course.activityIds[0]}/quiz`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ questionMode: 'fixed', questionIds: [], attemptsAllowed: 1, gradingMethod: 'highest', maxPoints: 100 });
      expect((await call(admin, 'GET', `/api/admin/activities/${course.activityIds[1]}/quiz`)).statusCode).toBe(404);
    });

    it('answers 403 to a trainee calling administrator endpoints', async () => {
      const quiz = await newQuiz({}, [QUESTIONS[2]]);
      const learner = await trainee(quiz);
      expect((await call(learner, 'GET', `/api/admin/courses/${quiz.courseId}/questions`)).statusCode).toBe(403);
      expect((await call(learner, 'POST', `/api/admin/courses/${quiz.courseId}/questions`, QUESTIONS[2])).statusCode).toBe(403);
      expect((await call(learner, 'GET', `/api/admin/activities/${quiz.activityId}/quiz`)).statusCode).toBe(403);
      expect((await call(learner, 'PUT', `/api/admin/activities/${quiz.activityId}/quiz`, SETTINGS)).statusCode).toBe(403);
      expect((await call(learner, 'DELETE', `/api/admin/questions/${quiz.questions[0].id}`)).statusCode).toBe(403);
    });
  });

  describe('taking a quiz', () => {
    it('grades each question kind, scales to max points and releases the grade at once', async () => {
      const quiz = await newQuiz();
      const learner = await trainee(quiz);
      const before = await overview(learner, quiz);
      expect(before).toMatchObject({ canStart: true, attemptsUsed: 0, attemptsAllowed: null, questionCount: 5, grade: null });

      const attempt = await start(learner, quiz);
      const right = rightAnswers(attempt, quiz);
      const [single, multiple, tf, short, numeric] = quiz.questions;
      // Multiple: one right (+1) and one wrong (−1) pick → 0 of 2; everything else right → 8 of 10.
      const wrongOption = multiple.options.find((o) => !o.correct)?.id;
      const rightOption = multiple.options.find((o) => o.correct)?.id;
      const res = await save(learner, attempt.id, { ...right, [multiple.id]: [rightOption, wrongOption] });
      expect(res.statusCode).toBe(200);
      const done = (await submit(learner, attempt.id)).json() as QuizAttemptView;
      expect(done).toMatchObject({ points: 16, maxPoints: 20, autoSubmitted: false });
      expect(done.submittedAt).not.toBeNull();

      const review = (await call(learner, 'GET', `/api/quiz-attempts/${attempt.id}/review`)).json() as QuizReview;
      const earned = Object.fromEntries(review.questions.map((q) => [q.id, q.earned]));
      expect(earned).toEqual({ [single.id]: 2, [multiple.id]: 0, [tf.id]: 2, [short.id]: 2, [numeric.id]: 2 });
      expect(await gradeOf(quiz, learner)).toEqual({ points: 16, status: 'released' });
      const after = await overview(learner, quiz);
      expect(after).toMatchObject({ attemptsUsed: 1, grade: { points: 16, maxPoints: 20 } });
      // The released grade completes the activity.
      const completions: unknown[] = await db.query(
        `SELECT 1 FROM activity_completions ac JOIN enrolments e ON e.id = ac.enrolment_id WHERE ac.activity_id = $1 AND e.user_id = $2`,
        [quiz.activityId, learner.id],
      );
      expect(completions).toHaveLength(1);
    });

    it('never sends correct answers or feedback while answering, and shows them in the review in the trainee\'s language', async () => {
      const quiz = await newQuiz();
      const learner = await person(t, ['trainee'], { locale: 'es' });
      await enrolled(t, learner, quiz.cohortId);
      const attempt = await start(learner, quiz);
      const body = JSON.stringify(attempt);
      expect(body).not.toMatch(/correct|accepted|feedback|Brasil|1819|Lima is in Peru/i);
      expect(attempt.questions[0].prompt).toBe('¿Capital de Colombia?');
      const resumed = await call(learner, 'GET', `/api/quiz-attempts/${attempt.id}`);
      expect(resumed.body).not.toMatch(/correct|accepted|feedback|Brasil/i);
      expect((await call(learner, 'GET', `/api/quiz-attempts/${attempt.id}/review`)).statusCode).toBe(409);

      const lima = quiz.questions[0].options[1].id;
      await save(learner, attempt.id, { [quiz.questions[0].id]: lima });
      await submit(learner, attempt.id);
      const review = (await call(learner, 'GET', `/api/quiz-attempts/${attempt.id}/review`)).json() as QuizReview;
      expect(review).toMatchObject({ correctAnswersShown: true, feedbackShown: true });
      expect(review.questions[0]).toMatchObject({
        answer: lima,
        earned: 0,
        correct: { optionIds: [quiz.questions[0].options[0].id] },
        feedback: 'Bogotá has been the capital since 1819.',
        optionFeedback: { [lima]: 'Lima is in Peru.' },
      });
    });

    it('hides answers and feedback until the quiz closes, or for ever, as the review options say', async () => {
      const later = await newQuiz({ showCorrectAnswers: 'after_close', showFeedback: 'never' });
      const schedule = t.app.get(ScheduleService);
      await schedule.set(db.manager, later.cohortId, later.activityId, { closesAt: new Date(Date.now() + 3600_000) });
      const learner = await trainee(later);
      const attempt = await start(learner, later);
      await save(learner, attempt.id, rightAnswers(attempt, later));
      await submit(learner, attempt.id);
      const hidden = await call(learner, 'GET', `/api/quiz-attempts/${attempt.id}/review`);
      expect(hidden.json()).toMatchObject({ points: 20, correctAnswersShown: false, feedbackShown: false });
      expect(hidden.body).not.toMatch(/1819|Brasil|Lima is in Peru|optionIds|acceptedAnswers/);
      expect((hidden.json() as QuizReview).questions.every((q) => q.correct === null && q.earned === null && q.feedback === null)).toBe(true);

      // The quiz closes: correct answers appear, feedback ("never") still does not.
      await db.query(`UPDATE activity_schedules SET closes_at = now() - interval '1 minute' WHERE cohort_id = $1 AND activity_id = $2`, [later.cohortId, later.activityId]);
      const shown = (await call(learner, 'GET', `/api/quiz-attempts/${attempt.id}/review`)).json() as QuizReview;
      expect(shown).toMatchObject({ correctAnswersShown: true, feedbackShown: false });
      expect(shown.questions.find((q) => q.kind === 'short_answer')?.correct).toEqual({ acceptedAnswers: ['Brasil', 'Brazil'] });
      expect(shown.questions.every((q) => q.feedback === null && q.optionFeedback === null)).toBe(true);
    });

    it('resumes an attempt after a reload: saved answers come back, and starting again answers the same attempt', async () => {
      const quiz = await newQuiz({ shuffleQuestions: true, shuffleOptions: true });
      const learner = await trainee(quiz);
      const first = await start(learner, quiz);
      const tf = quiz.questions[2].id;
      expect((await save(learner, first.id, { [tf]: false })).statusCode).toBe(200);
      expect((await save(learner, first.id, { [quiz.questions[3].id]: 'Brasil' })).statusCode).toBe(200);
      const again = await call(learner, 'POST', `/api/quizzes/${quiz.activityId}/attempts`);
      expect(again.statusCode).toBe(200);
      const resumed = again.json() as QuizAttemptView;
      expect(resumed.id).toBe(first.id);
      expect(resumed.answers).toEqual({ [tf]: false, [quiz.questions[3].id]: 'Brasil' });
      // The same question and option order as at the start.
      expect(resumed.questions).toEqual(first.questions);
      expect((await save(learner, first.id, { [tf]: null })).json().answers).toEqual({ [quiz.questions[3].id]: 'Brasil' });
      expect((await overview(learner, quiz)).inProgressAttemptId).toBe(first.id);
    });

    it('refuses answers of the wrong shape with a 400 naming the question', async () => {
      const quiz = await newQuiz();
      const learner = await trainee(quiz);
      const attempt = await start(learner, quiz);
      const [single, multiple, , , numeric] = quiz.questions;
      const cases: [Record<string, unknown>, string][] = [
        [{ [single.id]: 'not-an-option' }, `answers.${single.id}`],
        [{ [multiple.id]: 'x' }, `answers.${multiple.id}`],
        [{ [numeric.id]: '12' }, `answers.${numeric.id}`],
        [{ [quiz.questions[3].id]: 'Bra\u0000sil' }, `answers.${quiz.questions[3].id}`],
        [{ [quiz.questions[3].id]: 'x'.repeat(501) }, `answers.${quiz.questions[3].id}`],
        [{ [UNKNOWN_ID]: true }, `answers.${UNKNOWN_ID}`],
      ];
      for (const [answers, field] of cases) {
        const res = await save(learner, attempt.id, answers);
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)).toEqual([field]);
      }
      const notObject = await call(learner, 'PUT', `/api/quiz-attempts/${attempt.id}/answers`, { answers: [1] });
      expect(fieldsOf(notObject)).toEqual(['answers']);
      const extra = await call(learner, 'PUT', `/api/quiz-attempts/${attempt.id}/answers`, { answers: {}, score: 20 });
      expect(fieldsOf(extra)).toEqual(['score']);
      expect((await call(learner, 'GET', `/api/quiz-attempts/not-a-uuid`)).statusCode).toBe(400);
      // Nothing was stored by the refused saves.
      expect((await call(learner, 'GET', `/api/quiz-attempts/${attempt.id}`)).json().answers).toEqual({});
    });

    it("answers 404 to another trainee for every action on someone's attempt", async () => {
      const quiz = await newQuiz();
      const a = await trainee(quiz);
      const b = await trainee(quiz);
      const attempt = await start(a, quiz);
      await save(a, attempt.id, rightAnswers(attempt, quiz));
      for (const res of [
        await call(b, 'GET', `/api/quiz-attempts/${attempt.id}`),
        await save(b, attempt.id, {}),
        await submit(b, attempt.id),
        await call(b, 'GET', `/api/quiz-attempts/${attempt.id}/review`),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toMatch(/Brasil|"answers"|"questions"/);
      }
      await submit(a, attempt.id);
      expect((await call(b, 'GET', `/api/quiz-attempts/${attempt.id}/review`)).statusCode).toBe(404);
      expect((await call(b, 'GET', `/api/quiz-attempts/${UNKNOWN_ID}`)).statusCode).toBe(404);
      // Someone not enrolled does not see the quiz at all.
      const outsider = await person(t);
      expect((await call(outsider, 'GET', `/api/quizzes/${quiz.activityId}`)).statusCode).toBe(404);
      expect((await call(outsider, 'POST', `/api/quizzes/${quiz.activityId}/attempts`)).statusCode).toBe(404);
    });

    it('grades a double submit once', async () => {
      const quiz = await newQuiz();
      const learner = await trainee(quiz);
      const attempt = await start(learner, quiz);
      await save(learner, attempt.id, rightAnswers(attempt, quiz));
      const results = await Promise.all([submit(learner, attempt.id), submit(learner, attempt.id), submit(learner, attempt.id)]);
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(new Set(results.map((r) => r.json().submittedAt)).size).toBe(1);
      const changes = (await db.query(
        `SELECT gc.action FROM grade_changes gc JOIN grades g ON g.id = gc.grade_id JOIN enrolments e ON e.id = g.enrolment_id
          WHERE g.activity_id = $1 AND e.user_id = $2 ORDER BY gc.changed_at`,
        [quiz.activityId, learner.id],
      )) as { action: string }[];
      expect(changes.map((c) => c.action).sort()).toEqual(['auto', 'release']);
    });
  });

  describe('attempts and grading methods', () => {
    it('stops at the attempts allowed', async () => {
      const quiz = await newQuiz({ attemptsAllowed: 2 });
      const learner = await trainee(quiz);
      for (let i = 0; i < 2; i++) await submit(learner, (await start(learner, quiz)).id);
      const third = await call(learner, 'POST', `/api/quizzes/${quiz.activityId}/attempts`);
      expect(third.statusCode).toBe(409);
      expect(await overview(learner, quiz)).toMatchObject({ attemptsUsed: 2, canStart: false, unavailableReason: 'no_attempts_left' });
    });

    it.each([
      ['highest', 20, ['auto', 'release']],
      ['last', 8, ['auto', 'release', 'auto']],
      ['average', 14, ['auto', 'release', 'auto']],
    ] as const)('combines attempts by the %s score', async (method, expected, audit) => {
      const quiz = await newQuiz({ gradingMethod: method });
      const learner = await trainee(quiz);
      // First attempt all right (20), second only single + true/false right (8).
      const first = await start(learner, quiz);
      await save(learner, first.id, rightAnswers(first, quiz));
      await submit(learner, first.id);
      const second = await start(learner, quiz);
      const right = rightAnswers(second, quiz);
      await save(learner, second.id, { [quiz.questions[0].id]: right[quiz.questions[0].id], [quiz.questions[2].id]: true });
      expect((await submit(learner, second.id)).json().points).toBe(8);
      expect(await gradeOf(quiz, learner)).toEqual({ points: expected, status: 'released' });
      expect((await overview(learner, quiz)).grade).toEqual({ points: expected, maxPoints: 20 });
      // A retake that leaves the grade as it was (the best still counts) adds nothing to the audit trail.
      const changes = (await db.query(
        `SELECT gc.action FROM grade_changes gc JOIN grades g ON g.id = gc.grade_id JOIN enrolments e ON e.id = g.enrolment_id
          WHERE g.activity_id = $1 AND e.user_id = $2 ORDER BY gc.changed_at, gc.id`,
        [quiz.activityId, learner.id],
      )) as { action: string }[];
      // (Changes of one transaction share its timestamp: compare them as a multiset.)
      expect(changes.map((c) => c.action).sort()).toEqual([...audit].sort());
    });

    it('draws N random questions from the bank', async () => {
      const quiz = await newQuiz({ questionMode: 'random', questionIds: [], randomCount: 3 });
      const learner = await trainee(quiz);
      expect((await overview(learner, quiz)).questionCount).toBe(3);
      const attempt = await start(learner, quiz);
      expect(attempt.questions).toHaveLength(3);
      expect(new Set(attempt.questions.map((q) => q.id)).size).toBe(3);
    });

    it('opens and closes with the cohort schedule', async () => {
      const quiz = await newQuiz();
      const learner = await trainee(quiz);
      const schedule = t.app.get(ScheduleService);
      await schedule.set(db.manager, quiz.cohortId, quiz.activityId, { opensAt: new Date(Date.now() + 3600_000) });
      expect(await overview(learner, quiz)).toMatchObject({ canStart: false, unavailableReason: 'not_open' });
      expect((await call(learner, 'POST', `/api/quizzes/${quiz.activityId}/attempts`)).statusCode).toBe(409);
      const closes = new Date(Date.now() - 60_000);
      await schedule.set(db.manager, quiz.cohortId, quiz.activityId, { opensAt: new Date(Date.now() - 7200_000), closesAt: closes });
      const o = await overview(learner, quiz);
      expect(o).toMatchObject({ canStart: false, unavailableReason: 'closed', closesAt: closes.toISOString() });
      expect((await call(learner, 'POST', `/api/quizzes/${quiz.activityId}/attempts`)).statusCode).toBe(409);
    });
  });

  describe('the clock', () => {
    it('enforces the time limit: answers after the deadline are refused and the attempt is submitted as saved', async () => {
      const quiz = await newQuiz({ timeLimitMinutes: 1 });
      const learner = await trainee(quiz);
      const attempt = await start(learner, quiz);
      expect(new Date(attempt.deadlineAt ?? 0).getTime() - new Date(attempt.startedAt).getTime()).toBe(60_000);
      const right = rightAnswers(attempt, quiz);
      const tf = quiz.questions[2].id;
      await save(learner, attempt.id, { [tf]: right[tf] });
      await db.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '1 second' WHERE id = $1`, [attempt.id]);

      const late = await save(learner, attempt.id, right);
      expect(late.statusCode).toBe(409);
      const view = (await call(learner, 'GET', `/api/quiz-attempts/${attempt.id}`)).json() as QuizAttemptView;
      expect(view).toMatchObject({ autoSubmitted: true, points: 4, answers: { [tf]: true } });
      expect(new Date(view.submittedAt ?? 0).getTime()).toBeLessThanOrEqual(Date.now() - 1000);
      expect(await gradeOf(quiz, learner)).toEqual({ points: 4, status: 'released' });
      // A submit after the deadline changes nothing either.
      expect((await submit(learner, attempt.id)).json()).toMatchObject({ points: 4, autoSubmitted: true });
    });

    it('submits an open attempt lazily when the quiz has closed', async () => {
      const quiz = await newQuiz();
      const learner = await trainee(quiz);
      const schedule = t.app.get(ScheduleService);
      await schedule.set(db.manager, quiz.cohortId, quiz.activityId, { closesAt: new Date(Date.now() + 3600_000) });
      const attempt = await start(learner, quiz);
      expect(attempt.deadlineAt).not.toBeNull();
      await save(learner, attempt.id, rightAnswers(attempt, quiz));
      await db.query(`UPDATE activity_schedules SET closes_at = now() - interval '1 second' WHERE cohort_id = $1 AND activity_id = $2`, [quiz.cohortId, quiz.activityId]);
      const o = await overview(learner, quiz);
      expect(o).toMatchObject({ inProgressAttemptId: null, unavailableReason: 'closed', grade: { points: 20, maxPoints: 20 } });
      expect(o.attempts[0]).toMatchObject({ autoSubmitted: true, points: 20 });
    });

    it("submits expired attempts in the sweep, including a close time moved earlier, and leaves others' running", async () => {
      const quiz = await newQuiz({ timeLimitMinutes: 30 });
      const [a, b, c] = [await trainee(quiz), await trainee(quiz), await trainee(quiz)];
      const [ea, eb, ec] = [await start(a, quiz), await start(b, quiz), await start(c, quiz)];
      await save(a, ea.id, rightAnswers(ea, quiz));
      await db.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '5 seconds' WHERE id = $1`, [ea.id]);
      // b: the quiz's close time (set after b started) has passed.
      await db.query(
        `INSERT INTO activity_schedules (cohort_id, activity_id, closes_at) VALUES ($1, $2, now() - interval '1 second')`,
        [quiz.cohortId, quiz.activityId],
      );
      // c: an extension keeps the quiz open for this trainee.
      const enrolment = (await db.query(`SELECT e.id FROM enrolments e WHERE e.user_id = $1 AND e.cohort_id = $2`, [c.id, quiz.cohortId])) as { id: string }[];
      await t.app.get(ScheduleService).grantExtension(db.manager, { id: admin.id, roles: ['admin'], sid: 'x' }, quiz.activityId, enrolment[0].id, { closesAt: new Date(Date.now() + 3600_000) });

      await t.app.get(QuizExpiryService).sweepExpired();
      const rows = (await db.query(
        `SELECT id, submitted_at IS NOT NULL AS submitted, auto_submitted AS auto, score::float AS score FROM quiz_attempts WHERE id = ANY($1::uuid[])`,
        [[ea.id, eb.id, ec.id]],
      )) as { id: string; submitted: boolean; auto: boolean; score: number }[];
      const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
      expect(byId[ea.id]).toMatchObject({ submitted: true, auto: true, score: 10 });
      expect(byId[eb.id]).toMatchObject({ submitted: true, auto: true, score: 0 });
      expect(byId[ec.id]).toMatchObject({ submitted: false });
      expect(await gradeOf(quiz, a)).toEqual({ points: 20, status: 'released' });
    });
  });
});
