import pg from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';
import { createCohort, createCourse, enrolled, person } from '../enrolment/testing/learning-fixtures';

describe('count', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(() => t.close());
  it('counts queries of a submit', async () => {
    const admin = await person(t, ['admin']);
    const course = await createCourse(t, { modules: [{ title: { en: 'A' }, activities: [{ kind: 'quiz', title: { en: 'Q' } }] }] });
    const q = (await t.request({ method: 'POST', url: `/api/admin/courses/${course.id}/questions`, headers: admin.headers, payload: { kind: 'true_false', prompt: { en: 'x' }, correctBoolean: true } })).json();
    await t.request({ method: 'PUT', url: `/api/admin/activities/${course.activityIds[0]}/quiz`, headers: admin.headers, payload: { questionMode: 'fixed', questionIds: [q.id], randomCount: null, shuffleQuestions: false, shuffleOptions: false, timeLimitMinutes: null, attemptsAllowed: null, gradingMethod: 'highest', showCorrectAnswers: 'after_submit', showFeedback: 'after_submit', maxPoints: 10 } });
    const cohort = await createCohort(t, admin, course.id);
    const me = await person(t);
    await enrolled(t, me, cohort.id);
    void DataSource;
    const texts: string[] = [];
    const orig = pg.Client.prototype.query;
    for (let round = 0; round < 3; round++) {
      const a = (await t.request({ method: 'POST', url: `/api/quizzes/${course.activityIds[0]}/attempts`, headers: me.headers })).json();
      texts.length = 0;
      (pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) { const c = args[0]; texts.push(typeof c === 'string' ? c : (c as { text: string }).text); return (orig as (...a: unknown[]) => unknown).apply(this, args); };
      const t0 = performance.now();
      const res = await t.request({ method: 'POST', url: `/api/quiz-attempts/${a.id}/submit`, headers: me.headers });
      const ms = performance.now() - t0;
      pg.Client.prototype.query = orig;
      console.log(res.statusCode, ms.toFixed(1), 'ms', texts.length, 'queries\n' + texts.map((x) => x.replace(/\s+/g, ' ').slice(0, 140)).join('\n'));
    }
  });
});
