import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QUEUES } from '@aula/contracts';
import { WORKER_PROCESSOR_NAMES } from '@aula/server/core';
import { QuestionBankService, QuizAttemptService, QuizExpiryService, QuizSettingsService } from '@aula/server/assessment';
import { Activity, Course, CourseModule, Programme } from '@aula/server/catalog';
import { IdentityService, type Actor } from '@aula/server/identity';
import type { QueueJob } from '../queue-job';
import { WorkerModule } from '../worker.module';
import { MaintenanceProcessor } from './maintenance.processor';

const QUIZ_AUTO_SUBMIT = 'quiz-auto-submit';

jest.setTimeout(30_000);

describe('quiz auto-submit sweep (worker)', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let settings: QuizSettingsService;
  let attempts: QuizAttemptService;
  let expiry: QuizExpiryService;
  let activityId: string;
  let cohortId: string;
  let questionId: string;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(WORKER_PROCESSOR_NAMES), { logger: false });
    await app.init();
    db = app.get(DataSource);
    settings = app.get(QuizSettingsService);
    attempts = app.get(QuizAttemptService);
    expiry = app.get(QuizExpiryService);
    const em = db.manager;
    const tag = randomUUID().slice(0, 8);
    const programme = await em.save(Programme, em.create(Programme, { slug: `p-${tag}`, defaultLocale: 'en', title: { en: 'P' } }));
    const course = await em.save(
      Course,
      em.create(Course, {
        programmeId: programme.id,
        slug: `c-${tag}`,
        status: 'published',
        defaultLocale: 'en',
        title: { en: 'Course' },
        summary: {},
        description: {},
        topics: [],
        locales: ['en'],
        estimatedHours: 1,
        searchText: 'course',
      }),
    );
    const module = await em.save(CourseModule, em.create(CourseModule, { courseId: course.id, position: 0, title: { en: 'M' } }));
    const activity = await em.save(
      Activity,
      em.create(Activity, { courseId: course.id, moduleId: module.id, position: 0, kind: 'quiz', title: { en: 'Quiz' }, body: {}, url: null, required: true }),
    );
    activityId = activity.id;
    const question = await app.get(QuestionBankService).create(course.id, {
      kind: 'true_false',
      prompt: { en: 'Regions plan together.' },
      correctBoolean: true,
      points: 1,
    });
    questionId = question.id;
    await settings.saveSettings(activityId, {
      questionMode: 'fixed',
      questionIds: [questionId],
      randomCount: null,
      shuffleQuestions: false,
      shuffleOptions: false,
      timeLimitMinutes: 10,
      attemptsAllowed: null,
      gradingMethod: 'highest',
      showCorrectAnswers: 'after_submit',
      showFeedback: 'after_submit',
      maxPoints: 10,
    });
    const [cohort] = (await em.query(
      `INSERT INTO cohorts (course_id, name, start_date, end_date, time_zone, enrolment_mode)
       VALUES ($1, 'Cohort', current_date - 1, current_date + 30, 'America/Bogota', 'open') RETURNING id`,
      [course.id],
    )) as { id: string }[];
    cohortId = cohort.id;
  });
  afterAll(() => app.close());

  /** A trainee with an attempt whose deadline has passed; `answered`: the right answer was saved. */
  async function expiredAttempt(answered: boolean): Promise<{ attemptId: string; userId: string }> {
    const user = await app.get(IdentityService).createUser({
      email: `sweep.${randomUUID()}@test.aula.example`,
      password: 'long-enough-pass',
      displayName: 'Sweep Test',
    });
    await db.query(`INSERT INTO enrolments (cohort_id, user_id, status) VALUES ($1, $2, 'active')`, [cohortId, user.id]);
    const actor: Actor = { id: user.id, roles: ['trainee'], sid: randomUUID() };
    const { attempt } = await attempts.start(actor, activityId);
    if (answered) await attempts.saveAnswers(actor, attempt.id, { [questionId]: true });
    await db.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '1 second' WHERE id = $1`, [attempt.id]);
    return { attemptId: attempt.id, userId: user.id };
  }

  async function stateOf(attemptId: string) {
    const [row] = (await db.query(
      `SELECT qa.submitted_at IS NOT NULL AS submitted, qa.auto_submitted AS auto, g.points::float AS points, g.status,
              (SELECT count(*)::int FROM grade_changes gc WHERE gc.grade_id = g.id AND gc.action = 'auto') AS "autoChanges"
         FROM quiz_attempts qa
         LEFT JOIN grades g ON g.activity_id = qa.activity_id AND g.enrolment_id = qa.enrolment_id
        WHERE qa.id = $1`,
      [attemptId],
    )) as { submitted: boolean; auto: boolean; points: number | null; status: string | null; autoChanges: number }[];
    return row;
  }

  it('schedules the sweep once on the maintenance queue, however many workers upsert it', async () => {
    const queue = app.get<Queue>(getQueueToken(QUEUES.maintenance));
    await app.get(MaintenanceProcessor).onApplicationBootstrap();
    await app.get(MaintenanceProcessor).onApplicationBootstrap();
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.filter((s) => s.key === QUIZ_AUTO_SUBMIT)).toHaveLength(1);
  });

  it('submits and grades expired attempts when the maintenance job runs', async () => {
    const right = await expiredAttempt(true);
    const blank = await expiredAttempt(false);
    const result = await app.get(MaintenanceProcessor).process({ name: QUIZ_AUTO_SUBMIT, data: {} } as QueueJob<'maintenance'>);
    expect(result).toEqual({ submitted: expect.any(Number) });
    expect('submitted' in result && result.submitted).toBeGreaterThanOrEqual(2);
    expect(await stateOf(right.attemptId)).toEqual({ submitted: true, auto: true, points: 10, status: 'released', autoChanges: 1 });
    expect(await stateOf(blank.attemptId)).toEqual({ submitted: true, auto: true, points: 0, status: 'released', autoChanges: 1 });
  });

  it('submits each attempt exactly once with several workers sweeping at the same time', async () => {
    const attempts = [];
    for (let i = 0; i < 6; i++) attempts.push(await expiredAttempt(i % 2 === 0));
    const counts = await Promise.all([expiry.sweepExpired(100, 2), expiry.sweepExpired(100, 2), expiry.sweepExpired(100, 2)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(6);
    for (const [i, a] of attempts.entries()) {
      expect(await stateOf(a.attemptId)).toEqual({ submitted: true, auto: true, points: i % 2 === 0 ? 10 : 0, status: 'released', autoChanges: 1 });
    }
  });
});
