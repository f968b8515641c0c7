import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CourseStatus, Locale, Translations } from '@aula/contracts';
import { EnrolmentPolicy } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { Quiz } from './quiz.entity';
import { QuizAttempt } from './quiz-attempt.entity';

export interface QuizContext {
  activityId: string;
  courseId: string;
  courseStatus: CourseStatus;
  defaultLocale: Locale;
  title: Translations;
  readerLocale: Locale | null;
}

export interface OwnEnrolment {
  id: string;
  cohortId: string;
  status: string;
}

/** Finding a quiz, its settings row, the reader's enrolment and attempts, with the access checks. */
@Injectable()
export class QuizAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EnrolmentPolicy,
  ) {}

  /** A quiz activity by id, or 404 (absent, or not a quiz). */
  async quizActivity(em: EntityManager, activityId: string, actor?: Actor): Promise<QuizContext> {
    const [row] = (await em.query(
      `SELECT a.id AS "activityId", a.course_id AS "courseId", co.status AS "courseStatus",
              co.default_locale AS "defaultLocale", a.title, a.kind,
              (SELECT u.locale FROM users u WHERE u.id = $2) AS "readerLocale"
         FROM activities a JOIN courses co ON co.id = a.course_id
        WHERE a.id = $1`,
      [activityId, actor?.id ?? null],
    )) as (QuizContext & { kind: string })[];
    if (!row || row.kind !== 'quiz') throw new NotFoundException();
    if (actor && !(await this.policy.canReadCourseContent(actor, row, em))) throw new NotFoundException();
    return row;
  }

  /** Settings with defaults, and the gradebook item, the first time anyone asks. */
  async ensureQuiz(em: EntityManager, ctx: QuizContext): Promise<Quiz> {
    const existing = await em.findOneBy(Quiz, { activityId: ctx.activityId });
    if (existing) return existing;
    await em.query(`INSERT INTO quizzes (activity_id) VALUES ($1) ON CONFLICT DO NOTHING`, [ctx.activityId]);
    await em.query(
      `INSERT INTO grade_items (activity_id, course_id) VALUES ($1, $2) ON CONFLICT (activity_id) DO NOTHING`,
      [ctx.activityId, ctx.courseId],
    );
    return em.findOneByOrFail(Quiz, { activityId: ctx.activityId });
  }

  /** The reader's enrolment in this course: the active one first, else a completed one. */
  async ownEnrolment(em: EntityManager, actor: Actor, courseId: string): Promise<OwnEnrolment | null> {
    const [row] = (await em.query(
      `SELECT e.id, e.cohort_id AS "cohortId", e.status FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.user_id = $1 AND c.course_id = $2 AND e.status IN ('active', 'completed')
        ORDER BY e.status = 'active' DESC, e.created_at DESC LIMIT 1`,
      [actor.id, courseId],
    )) as OwnEnrolment[];
    return row ?? null;
  }

  /** The attempt of this enrolment still in progress, if any. */
  async openAttempt(em: EntityManager, activityId: string, enrolmentId: string): Promise<QuizAttempt | null> {
    return em
      .createQueryBuilder(QuizAttempt, 'qa')
      .where('qa.activity_id = :activityId AND qa.enrolment_id = :enrolmentId AND qa.submitted_at IS NULL', {
        activityId,
        enrolmentId,
      })
      .getOne();
  }

  /** Reading: the owner, the cohort's tutors and administrators. */
  async visibleAttempt(actor: Actor, attemptId: string) {
    const row = await this.attemptOwner(attemptId, actor.id);
    await this.policy.assertCanSeeEnrolment(actor, row);
    return row;
  }

  private async attemptOwner(attemptId: string, actorId: string) {
    const [row] = (await this.dataSource.query(
      `SELECT e.user_id AS "userId", e.cohort_id AS "cohortId",
              (SELECT u.locale FROM users u WHERE u.id = $2) AS "readerLocale"
         FROM quiz_attempts qa JOIN enrolments e ON e.id = qa.enrolment_id WHERE qa.id = $1`,
      [attemptId, actorId],
    )) as { userId: string; cohortId: string; readerLocale: Locale | null }[];
    if (!row) throw new NotFoundException();
    return row;
  }
}
