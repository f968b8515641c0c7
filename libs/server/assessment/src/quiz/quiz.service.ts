import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  QUIZ_LIMITS,
  type AttemptQuestionView,
  type CourseStatus,
  type GradeStatus,
  type Locale,
  type QuizAnswers,
  type QuizAttemptSummary,
  type QuizAttemptView,
  type QuizGradingMethod,
  type QuizOverview,
  type QuizReview,
  type QuizReviewWhen,
  type QuizSettingsInput,
  type QuizSettingsView,
  type QuizUnavailableReason,
  type Translations,
} from '@aula/contracts';
import { fieldError, pickText, readerLocale } from '@aula/server/core';
import { EnrolmentPolicy } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { PreparedSql } from '@aula/server/database';
import { GradeService } from '../grading/grade.service';
import { Grade } from '../grading/grade.entity';
import { ScheduleService } from '../schedule/schedule.service';
import { Question } from './question.entity';
import { Quiz } from './quiz.entity';
import { QuizAttempt } from './quiz-attempt.entity';
import { AttemptClosedError, AttemptInProgressError, QuizUnavailableError } from './quiz.errors';
import {
  answerProblem,
  combineAttempts,
  gradeAttempt,
  scalePoints,
  shuffled,
  type GradableQuestion,
} from './quiz-grading';

interface QuizContext {
  activityId: string;
  courseId: string;
  courseStatus: CourseStatus;
  defaultLocale: Locale;
  title: Translations;
  readerLocale: Locale | null;
}

interface LockedAttempt {
  attempt: QuizAttempt;
  closesAt: Date | null;
  gradingMethod: QuizGradingMethod;
  maxPoints: number;
  readerLocale: Locale | null;
  /** The quiz grade as it stands (read with the attempt; only quiz submits of this trainee write it). */
  grade: { status: GradeStatus; points: number | null; latePenaltyPercent: number } | null;
}

interface OwnEnrolment {
  id: string;
  cohortId: string;
  status: string;
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const earliest = (...dates: (Date | null | undefined)[]) =>
  dates.filter((d): d is Date => !!d).reduce<Date | null>((a, b) => (a && a <= b ? a : b), null);

/** The close time that applies to one enrolment (cohort's, moved by an extension), as SQL over `qa`. */
const EFFECTIVE_CLOSE_SQL = `CASE WHEN s.closes_at IS NULL THEN NULL
                                  ELSE greatest(s.closes_at, x.closes_at, x.due_at) END`;
const SCHEDULE_JOINS = `JOIN enrolments e ON e.id = qa.enrolment_id
                        LEFT JOIN activity_schedules s ON s.cohort_id = e.cohort_id AND s.activity_id = qa.activity_id
                        LEFT JOIN deadline_extensions x ON x.enrolment_id = qa.enrolment_id AND x.activity_id = qa.activity_id`;

/**
 * The caller's attempt, locked, with what a save or a submit needs (see lockOwnAttempt). Prepared:
 * its joins cost more to plan than to run, and every autosave and submit runs it.
 */
const LOCK_OWN_ATTEMPT = new PreparedSql(
  `SELECT qa.id, qa.activity_id AS "activityId", qa.enrolment_id AS "enrolmentId", qa.number,
              qa.started_at AS "startedAt", qa.deadline_at AS "deadlineAt", qa.submitted_at AS "submittedAt",
              qa.auto_submitted AS "autoSubmitted", qa.questions, qa.answers, qa.results,
              qa.score::float AS score, qa.max_score::float AS "maxScore",
              e.user_id AS "userId", ${EFFECTIVE_CLOSE_SQL} AS "closesAt",
              coalesce(q.grading_method, 'highest') AS "gradingMethod",
              coalesce(gi.max_points, 100)::float AS "maxPoints",
              (SELECT u.locale FROM users u WHERE u.id = $2) AS "readerLocale",
              g.status AS "gradeStatus", g.points::float AS "gradePoints",
              g.late_penalty_percent::float AS "gradePenalty"
         FROM quiz_attempts qa ${SCHEDULE_JOINS}
         LEFT JOIN quizzes q ON q.activity_id = qa.activity_id
         LEFT JOIN grade_items gi ON gi.activity_id = qa.activity_id
         LEFT JOIN grades g ON g.activity_id = qa.activity_id AND g.enrolment_id = qa.enrolment_id
        WHERE qa.id = $1
          FOR UPDATE OF qa`,
);

/**
 * Marks an attempt submitted and reads every submitted attempt's score, in one round trip (the
 * statement's own update is not visible to its SELECT, hence the UNION with what it returned).
 */
const SUBMIT_ATTEMPT = new PreparedSql(
  `WITH done AS (
         UPDATE quiz_attempts SET results = $2, score = $3, max_score = $4, submitted_at = $5, auto_submitted = $6
          WHERE id = $1
          RETURNING score, max_score, submitted_at, number)
       SELECT score::float AS score, max_score::float AS "maxScore" FROM (
         SELECT score, max_score, submitted_at, number FROM quiz_attempts
          WHERE activity_id = $7 AND enrolment_id = $8 AND submitted_at IS NOT NULL AND id <> $1
         UNION ALL
         SELECT score, max_score, submitted_at, number FROM done) submitted
       ORDER BY submitted_at, number`,
);

/**
 * Quiz settings and attempts. The server owns the clock: an attempt's deadline is
 * min(start + time limit, close time); answers after it are refused, and an attempt past it is
 * submitted with what was saved — lazily whenever it is touched, and by the worker's sweep.
 * Submitting grades at once and releases the grade through {@link GradeService}.
 */
@Injectable()
export class QuizService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grades: GradeService,
    private readonly schedule: ScheduleService,
    private readonly policy: EnrolmentPolicy,
  ) {}

  // ---------------------------------------------------------------- settings (administrators)

  async settings(activityId: string): Promise<QuizSettingsView> {
    return this.dataSource.transaction(async (em) => {
      const ctx = await this.quizActivity(em, activityId);
      const quiz = await this.ensureQuiz(em, ctx);
      return this.settingsView(em, ctx, quiz);
    });
  }

  async saveSettings(activityId: string, input: QuizSettingsInput): Promise<QuizSettingsView> {
    return this.dataSource.transaction(async (em) => {
      const ctx = await this.quizActivity(em, activityId);
      const quiz = await this.ensureQuiz(em, ctx);
      const ids = input.questionIds ?? [];
      if (new Set(ids).size !== ids.length) throw fieldError('questionIds', 'must not name a question twice');
      if (ids.length > 0) {
        const found = (await em.query(`SELECT id FROM questions WHERE course_id = $1 AND id = ANY($2::uuid[])`, [
          ctx.courseId,
          ids,
        ])) as { id: string }[];
        const known = new Set(found.map((r) => r.id));
        const bad = ids.findIndex((id) => !known.has(id));
        if (bad >= 0) throw fieldError(`questionIds.${bad}`, "is not a question of this course's bank");
      }
      if (input.questionMode === 'random' && input.randomCount === null) {
        throw fieldError('randomCount', 'is required when questions are drawn at random');
      }
      Object.assign(quiz, {
        questionMode: input.questionMode,
        questionIds: ids,
        randomCount: input.randomCount,
        shuffleQuestions: input.shuffleQuestions,
        shuffleOptions: input.shuffleOptions,
        timeLimitMinutes: input.timeLimitMinutes,
        attemptsAllowed: input.attemptsAllowed,
        gradingMethod: input.gradingMethod,
        showCorrectAnswers: input.showCorrectAnswers,
        showFeedback: input.showFeedback,
      });
      await em.save(Quiz, quiz);
      await em.query(
        `INSERT INTO grade_items (activity_id, course_id, max_points) VALUES ($1, $2, $3)
         ON CONFLICT (activity_id) DO UPDATE SET max_points = EXCLUDED.max_points, course_id = EXCLUDED.course_id`,
        [ctx.activityId, ctx.courseId, input.maxPoints],
      );
      return this.settingsView(em, ctx, quiz);
    });
  }

  private async settingsView(em: EntityManager, ctx: QuizContext, quiz: Quiz): Promise<QuizSettingsView> {
    const [bank] = (await em.query(`SELECT count(*)::int AS n FROM questions WHERE course_id = $1 AND NOT archived`, [
      ctx.courseId,
    ])) as { n: number }[];
    return {
      activityId: quiz.activityId,
      courseId: ctx.courseId,
      questionMode: quiz.questionMode,
      questionIds: quiz.questionIds,
      randomCount: quiz.randomCount,
      shuffleQuestions: quiz.shuffleQuestions,
      shuffleOptions: quiz.shuffleOptions,
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      gradingMethod: quiz.gradingMethod,
      showCorrectAnswers: quiz.showCorrectAnswers,
      showFeedback: quiz.showFeedback,
      maxPoints: await this.grades.maxPoints(em, quiz.activityId),
      bankSize: bank.n,
    };
  }

  /** Settings with defaults, and the gradebook item, the first time anyone asks. */
  private async ensureQuiz(em: EntityManager, ctx: QuizContext): Promise<Quiz> {
    const existing = await em.findOneBy(Quiz, { activityId: ctx.activityId });
    if (existing) return existing;
    await em.query(`INSERT INTO quizzes (activity_id) VALUES ($1) ON CONFLICT DO NOTHING`, [ctx.activityId]);
    await em.query(
      `INSERT INTO grade_items (activity_id, course_id) VALUES ($1, $2) ON CONFLICT (activity_id) DO NOTHING`,
      [ctx.activityId, ctx.courseId],
    );
    return em.findOneByOrFail(Quiz, { activityId: ctx.activityId });
  }

  /** A quiz activity by id, or 404 (absent, or not a quiz). */
  private async quizActivity(em: EntityManager, activityId: string, actor?: Actor): Promise<QuizContext> {
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

  /** The reader's enrolment in this course: the active one first, else a completed one. */
  private async ownEnrolment(em: EntityManager, actor: Actor, courseId: string): Promise<OwnEnrolment | null> {
    const [row] = (await em.query(
      `SELECT e.id, e.cohort_id AS "cohortId", e.status FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.user_id = $1 AND c.course_id = $2 AND e.status IN ('active', 'completed')
        ORDER BY e.status = 'active' DESC, e.created_at DESC LIMIT 1`,
      [actor.id, courseId],
    )) as OwnEnrolment[];
    return row ?? null;
  }

  // ---------------------------------------------------------------- trainees

  async overview(actor: Actor, activityId: string, explicit?: Locale, acceptLanguage?: string): Promise<QuizOverview> {
    const em = this.dataSource.manager;
    const ctx = await this.quizActivity(em, activityId, actor);
    const quiz = await this.dataSource.transaction((tx) => this.ensureQuiz(tx, ctx));
    const enrolment = await this.ownEnrolment(em, actor, ctx.courseId);
    const title = pickText(ctx.title, readerLocale(explicit, ctx.readerLocale, acceptLanguage), ctx.defaultLocale);
    const maxPoints = await this.grades.maxPoints(em, activityId);
    const questionCount = await this.questionCount(em, ctx, quiz);
    const base = {
      activityId,
      title: title.text,
      locale: title.locale,
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      gradingMethod: quiz.gradingMethod,
      questionCount,
    };
    if (!enrolment) {
      return {
        ...base,
        opensAt: null,
        closesAt: null,
        attemptsUsed: 0,
        inProgressAttemptId: null,
        canStart: false,
        unavailableReason: 'not_enrolled',
        grade: null,
        attempts: [],
      };
    }
    await this.expireOpenAttempt(activityId, enrolment.id);
    const dates = await this.schedule.effective(em, activityId, enrolment.id);
    const attempts = await em.find(QuizAttempt, {
      where: { activityId, enrolmentId: enrolment.id },
      order: { number: 'ASC' },
    });
    const inProgress = attempts.find((a) => !a.submittedAt) ?? null;
    const used = attempts.length;
    const reason = unavailable({
      enrolled: true,
      opensAt: dates.opensAt,
      closesAt: dates.closesAt,
      used,
      allowed: quiz.attemptsAllowed,
      questionCount,
    });
    const grade = this.grades.ownView(
      await em.findOneBy(Grade, { activityId, enrolmentId: enrolment.id }),
      maxPoints,
    );
    return {
      ...base,
      opensAt: dates.opensAt,
      closesAt: dates.closesAt,
      attemptsUsed: used,
      inProgressAttemptId: inProgress?.id ?? null,
      canStart: !inProgress && reason === null,
      unavailableReason: inProgress ? null : reason,
      grade: grade ? { points: grade.points, maxPoints } : null,
      attempts: attempts.map((a) => this.summary(a, maxPoints)),
    };
  }

  /**
   * Starts an attempt, or answers the one in progress (a second click, another tab). Checks the
   * window, the attempts allowed and the enrolment (active, or completed: passing the course does
   * not take away the attempts left); copies the questions in their order.
   */
  async start(actor: Actor, activityId: string, explicit?: Locale): Promise<{ attempt: QuizAttemptView; created: boolean }> {
    const em = this.dataSource.manager;
    const ctx = await this.quizActivity(em, activityId, actor);
    const enrolment = await this.ownEnrolment(em, actor, ctx.courseId);
    // A completed enrolment may still try again (the grading method decides what counts).
    if (!enrolment) throw new QuizUnavailableError('not_enrolled');
    await this.expireOpenAttempt(activityId, enrolment.id);
    const run = () =>
      this.dataSource.transaction(async (tx) => {
        const quiz = await this.ensureQuiz(tx, ctx);
        const current = await this.openAttempt(tx, activityId, enrolment.id);
        if (current) return { attempt: current, created: false };
        const dates = await this.schedule.effective(tx, activityId, enrolment.id);
        const [{ used }] = (await tx.query(
          `SELECT count(*)::int AS used FROM quiz_attempts WHERE activity_id = $1 AND enrolment_id = $2`,
          [activityId, enrolment.id],
        )) as { used: number }[];
        const questions = await this.drawQuestions(tx, ctx, quiz);
        const reason = unavailable({
          enrolled: true,
          opensAt: dates.opensAt,
          closesAt: dates.closesAt,
          used,
          allowed: quiz.attemptsAllowed,
          questionCount: questions.length,
        });
        if (reason) throw new QuizUnavailableError(reason);
        const now = new Date();
        const limitEnd = quiz.timeLimitMinutes ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000) : null;
        const attempt = tx.create(QuizAttempt, {
          activityId,
          enrolmentId: enrolment.id,
          number: used + 1,
          startedAt: now,
          deadlineAt: earliest(limitEnd, dates.closesAt ? new Date(dates.closesAt) : null),
          questions,
          answers: {},
          maxScore: questions.reduce((sum, q) => sum + q.points, 0),
        });
        return { attempt: await tx.save(QuizAttempt, attempt), created: true };
      });
    let result: { attempt: QuizAttempt; created: boolean };
    try {
      result = await run();
    } catch (e) {
      // Two starts at once meet on the "one attempt in progress" key: the loser answers the winner's.
      if ((e as { driverError?: { code?: string } }).driverError?.code !== '23505') throw e;
      result = await run();
    }
    const locale = readerLocale(explicit, ctx.readerLocale, null);
    return { attempt: await this.attemptView(result.attempt, locale), created: result.created };
  }

  async attempt(actor: Actor, attemptId: string, explicit?: Locale): Promise<QuizAttemptView> {
    const found = await this.visibleAttempt(actor, attemptId);
    await this.expireIfDue(attemptId);
    const attempt = await this.dataSource.manager.findOneByOrFail(QuizAttempt, { id: attemptId });
    return this.attemptView(attempt, readerLocale(explicit, found.readerLocale, null));
  }

  /** Saves some answers (autosave). After the deadline: the attempt is submitted as it was, and 409. */
  async saveAnswers(actor: Actor, attemptId: string, answers: QuizAnswers, explicit?: Locale): Promise<QuizAttemptView> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const locked = await this.lockOwnAttempt(tx, actor, attemptId);
      const { attempt } = locked;
      if (attempt.submittedAt) return { closed: true as const, auto: attempt.autoSubmitted };
      const deadline = earliest(attempt.deadlineAt, locked.closesAt);
      if (deadline && deadline.getTime() <= Date.now()) {
        await this.finalize(tx, attempt, deadline, true, locked);
        return { closed: true as const, auto: true };
      }
      const byId = new Map(attempt.questions.map((q) => [q.id, q]));
      const merged: QuizAnswers = { ...attempt.answers };
      for (const [questionId, answer] of Object.entries(answers)) {
        const q = byId.get(questionId);
        if (!q) throw fieldError(`answers.${questionId}`, 'is not a question of this attempt');
        const problem = answerProblem(q, answer, QUIZ_LIMITS.shortAnswer);
        if (problem) throw fieldError(`answers.${questionId}`, problem);
        if (answer === null) delete merged[questionId];
        else merged[questionId] = answer;
      }
      attempt.answers = merged;
      await tx.query(`UPDATE quiz_attempts SET answers = $2 WHERE id = $1`, [attempt.id, JSON.stringify(merged)]);
      return { closed: false as const, locked };
    });
    if (outcome.closed) throw new AttemptClosedError(outcome.auto);
    const { attempt, readerLocale: profile, maxPoints } = outcome.locked;
    return this.attemptView(attempt, readerLocale(explicit, profile, null), maxPoints);
  }

  /**
   * Submits and grades. Submitting twice (double click, two tabs) grades once: the attempt row is
   * locked and a submitted attempt is answered as it is. After the deadline the attempt counts as
   * submitted by the clock, with the answers saved before it.
   */
  async submit(actor: Actor, attemptId: string, explicit?: Locale): Promise<QuizAttemptView> {
    const locked = await this.dataSource.transaction(async (tx) => {
      const found = await this.lockOwnAttempt(tx, actor, attemptId);
      if (found.attempt.submittedAt) return found;
      const deadline = earliest(found.attempt.deadlineAt, found.closesAt);
      const late = !!deadline && deadline.getTime() <= Date.now();
      await this.finalize(tx, found.attempt, late && deadline ? deadline : new Date(), late, found);
      return found;
    });
    return this.attemptView(locked.attempt, readerLocale(explicit, locked.readerLocale, null), locked.maxPoints);
  }

  /** Score, and correct answers and feedback as far as the quiz's review options allow now. */
  async review(actor: Actor, attemptId: string, explicit?: Locale): Promise<QuizReview> {
    const found = await this.visibleAttempt(actor, attemptId);
    await this.expireIfDue(attemptId);
    const em = this.dataSource.manager;
    const attempt = await em.findOneByOrFail(QuizAttempt, { id: attemptId });
    if (!attempt.submittedAt) throw new AttemptInProgressError();
    const quiz = await em.findOneByOrFail(Quiz, { activityId: attempt.activityId });
    const dates = await this.schedule.effective(em, attempt.activityId, attempt.enrolmentId);
    const showAnswers = reviewAllowed(quiz.showCorrectAnswers, attempt, dates.closesAt);
    const showFeedback = reviewAllowed(quiz.showFeedback, attempt, dates.closesAt);
    const maxPoints = await this.grades.maxPoints(em, attempt.activityId);
    const wanted = readerLocale(explicit, found.readerLocale, null);
    const results = attempt.results ?? {};
    return {
      attemptId: attempt.id,
      points: scalePoints(attempt.score ?? 0, attempt.maxScore, maxPoints),
      maxPoints,
      correctAnswersShown: showAnswers,
      feedbackShown: showFeedback,
      questions: attempt.questions.map((q) => {
        const locale = q.defaultLocale as Locale;
        const text = (t: Translations) => pickText(t, wanted, locale).text;
        const answer = attempt.answers[q.id] ?? null;
        const picked = new Set(Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : []);
        return {
          ...questionView(q, wanted),
          answer,
          earned: showAnswers ? (results[q.id] ?? 0) : null,
          correct: showAnswers ? correctOf(q) : null,
          feedback: showFeedback ? text(q.feedback) || null : null,
          optionFeedback: showFeedback
            ? Object.fromEntries(
                q.options.filter((o) => picked.has(o.id) && text(o.feedback)).map((o) => [o.id, text(o.feedback)]),
              )
            : null,
        };
      }),
    };
  }

  // ---------------------------------------------------------------- the clock

  /**
   * Submits attempts whose deadline (or the trainee's close time) has passed. Safe with several
   * workers: each takes rows the others have not locked (SKIP LOCKED). Returns how many it submitted.
   */
  async sweepExpired(limit = 500, batch = 25): Promise<number> {
    let total = 0;
    while (total < limit) {
      const n = await this.dataSource.transaction(async (tx) => {
        const rows = (await tx.query(
          `SELECT qa.id, least(qa.deadline_at, ${EFFECTIVE_CLOSE_SQL}) AS deadline
             FROM quiz_attempts qa ${SCHEDULE_JOINS}
            WHERE qa.submitted_at IS NULL
              AND least(qa.deadline_at, ${EFFECTIVE_CLOSE_SQL}) <= now()
            ORDER BY qa.started_at
            LIMIT $1
              FOR UPDATE OF qa SKIP LOCKED`,
          [Math.min(batch, limit - total)],
        )) as { id: string; deadline: Date }[];
        for (const row of rows) {
          const attempt = await tx.findOneByOrFail(QuizAttempt, { id: row.id });
          await this.finalize(tx, attempt, new Date(row.deadline), true);
        }
        return rows.length;
      });
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  /** The touched attempt is past its deadline: submit it now, in its own transaction. */
  private async expireIfDue(attemptId: string): Promise<void> {
    // Most touches find nothing due: ask without a transaction or a lock first.
    const due = (await this.dataSource.query(
      `SELECT 1 FROM quiz_attempts qa ${SCHEDULE_JOINS}
        WHERE qa.id = $1 AND qa.submitted_at IS NULL AND least(qa.deadline_at, ${EFFECTIVE_CLOSE_SQL}) <= now()`,
      [attemptId],
    )) as unknown[];
    if (due.length === 0) return;
    await this.dataSource.transaction(async (tx) => {
      const attempt = await this.lockAttempt(tx, attemptId);
      if (attempt.submittedAt) return;
      const deadline = await this.currentDeadline(tx, attempt);
      if (deadline && deadline.getTime() <= Date.now()) await this.finalize(tx, attempt, deadline, true);
    });
  }

  private async expireOpenAttempt(activityId: string, enrolmentId: string): Promise<void> {
    const open = await this.openAttempt(this.dataSource.manager, activityId, enrolmentId);
    if (open) await this.expireIfDue(open.id);
  }

  private async openAttempt(em: EntityManager, activityId: string, enrolmentId: string): Promise<QuizAttempt | null> {
    return em
      .createQueryBuilder(QuizAttempt, 'qa')
      .where('qa.activity_id = :activityId AND qa.enrolment_id = :enrolmentId AND qa.submitted_at IS NULL', {
        activityId,
        enrolmentId,
      })
      .getOne();
  }

  /** The attempt's own deadline, brought forward if the trainee's close time is now earlier. */
  private async currentDeadline(em: EntityManager, attempt: QuizAttempt): Promise<Date | null> {
    const dates = await this.schedule.effective(em, attempt.activityId, attempt.enrolmentId);
    return earliest(attempt.deadlineAt, dates.closesAt ? new Date(dates.closesAt) : null);
  }

  /** Grades a locked attempt, marks it submitted, and records the quiz grade per its grading method. */
  private async finalize(
    em: EntityManager,
    attempt: QuizAttempt,
    at: Date,
    auto: boolean,
    known?: Pick<LockedAttempt, 'gradingMethod' | 'maxPoints' | 'grade'>,
  ): Promise<QuizAttempt> {
    const result = gradeAttempt(attempt.questions, attempt.answers);
    attempt.results = result.results;
    attempt.score = result.score;
    attempt.maxScore = result.maxScore;
    attempt.submittedAt = at;
    attempt.autoSubmitted = auto;
    const rows = await SUBMIT_ATTEMPT.run<{ score: number; maxScore: number }>(em, [attempt.id, JSON.stringify(result.results), result.score, result.maxScore, at, auto, attempt.activityId, attempt.enrolmentId]);
    const gradingMethod =
      known?.gradingMethod ?? (await em.findOneBy(Quiz, { activityId: attempt.activityId }))?.gradingMethod ?? 'highest';
    const maxPoints = known?.maxPoints ?? (await this.grades.maxPoints(em, attempt.activityId));
    const points = combineAttempts(
      rows.map((r) => scalePoints(r.score, r.maxScore, maxPoints)),
      gradingMethod,
    );
    // A retake that does not change the released grade (a lower score when the best counts) leaves
    // the grade and its audit trail alone.
    const unchanged =
      known?.grade?.status === 'released' && known.grade.points === (points ?? 0) && known.grade.latePenaltyPercent === 0;
    if (!unchanged) {
      await this.grades.recordAutomatic(
        em,
        { activityId: attempt.activityId, enrolmentId: attempt.enrolmentId },
        points ?? 0,
        { release: true },
      );
    }
    return attempt;
  }

  // ---------------------------------------------------------------- access and views

  private async lockAttempt(em: EntityManager, attemptId: string): Promise<QuizAttempt> {
    const attempt = await em
      .createQueryBuilder(QuizAttempt, 'qa')
      .setLock('pessimistic_write')
      .where('qa.id = :attemptId', { attemptId })
      .getOne();
    if (!attempt) throw new NotFoundException();
    return attempt;
  }

  /**
   * The caller's own attempt, locked for this transaction, with what a save or a submit needs in
   * the same round trip: the trainee's close time, the grading method, max points, the reader's
   * language. Anyone else's attempt answers 404, as if absent.
   */
  private async lockOwnAttempt(em: EntityManager, actor: Actor, attemptId: string): Promise<LockedAttempt> {
    const [row] = await LOCK_OWN_ATTEMPT.run<
      QuizAttempt & {
      userId: string;
      closesAt: Date | null;
      gradingMethod: QuizGradingMethod;
      maxPoints: number;
      readerLocale: Locale | null;
      gradeStatus: GradeStatus | null;
      gradePoints: number | null;
      gradePenalty: number | null;
    }
    >(em, [attemptId, actor.id]);
    if (!row || row.userId !== actor.id) throw new NotFoundException();
    const attempt = Object.assign(new QuizAttempt(), {
      id: row.id,
      activityId: row.activityId,
      enrolmentId: row.enrolmentId,
      number: row.number,
      startedAt: row.startedAt,
      deadlineAt: row.deadlineAt,
      submittedAt: row.submittedAt,
      autoSubmitted: row.autoSubmitted,
      questions: row.questions,
      answers: row.answers,
      results: row.results,
      score: row.score,
      maxScore: row.maxScore,
    });
    return {
      attempt,
      closesAt: row.closesAt,
      gradingMethod: row.gradingMethod,
      maxPoints: row.maxPoints,
      readerLocale: row.readerLocale,
      grade: row.gradeStatus
        ? { status: row.gradeStatus, points: row.gradePoints, latePenaltyPercent: row.gradePenalty ?? 0 }
        : null,
    };
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

  /** Reading: the owner, the cohort's tutors and administrators. */
  private async visibleAttempt(actor: Actor, attemptId: string) {
    const row = await this.attemptOwner(attemptId, actor.id);
    await this.policy.assertCanSeeEnrolment(actor, row);
    return row;
  }

  private async attemptView(attempt: QuizAttempt, wanted: Locale | null, knownMax?: number): Promise<QuizAttemptView> {
    const maxPoints = knownMax ?? (await this.grades.maxPoints(this.dataSource.manager, attempt.activityId));
    const locale = (attempt.questions[0]?.defaultLocale ?? 'en') as Locale;
    return {
      id: attempt.id,
      activityId: attempt.activityId,
      number: attempt.number,
      locale: wanted ?? locale,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: iso(attempt.deadlineAt),
      serverNow: new Date().toISOString(),
      submittedAt: iso(attempt.submittedAt),
      autoSubmitted: attempt.autoSubmitted,
      questions: attempt.questions.map((q) => questionView(q, wanted)),
      answers: attempt.answers,
      points: attempt.submittedAt ? scalePoints(attempt.score ?? 0, attempt.maxScore, maxPoints) : null,
      maxPoints,
    };
  }

  private summary(a: QuizAttempt, maxPoints: number): QuizAttemptSummary {
    return {
      id: a.id,
      number: a.number,
      startedAt: a.startedAt.toISOString(),
      submittedAt: iso(a.submittedAt),
      autoSubmitted: a.autoSubmitted,
      points: a.submittedAt ? scalePoints(a.score ?? 0, a.maxScore, maxPoints) : null,
      maxPoints,
      reviewAvailable: !!a.submittedAt,
    };
  }

  private async questionCount(em: EntityManager, ctx: QuizContext, quiz: Quiz): Promise<number> {
    if (quiz.questionMode === 'random') {
      const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM questions WHERE course_id = $1 AND NOT archived`, [
        ctx.courseId,
      ])) as { n: number }[];
      return Math.min(n, quiz.randomCount ?? 0);
    }
    if (quiz.questionIds.length === 0) return 0;
    const [{ n }] = (await em.query(
      `SELECT count(*)::int AS n FROM questions WHERE course_id = $1 AND NOT archived AND id = ANY($2::uuid[])`,
      [ctx.courseId, quiz.questionIds],
    )) as { n: number }[];
    return n;
  }

  /** The questions of a new attempt, copied with their answer key, shuffled as the settings say. */
  private async drawQuestions(em: EntityManager, ctx: QuizContext, quiz: Quiz): Promise<GradableQuestion[]> {
    let picked: Question[];
    if (quiz.questionMode === 'random') {
      picked = await em
        .createQueryBuilder(Question, 'q')
        .where('q.course_id = :courseId AND NOT q.archived', { courseId: ctx.courseId })
        .orderBy('random()')
        .limit(quiz.randomCount ?? 0)
        .getMany();
    } else {
      const rows = quiz.questionIds.length
        ? await em
            .createQueryBuilder(Question, 'q')
            .where('q.course_id = :courseId AND NOT q.archived AND q.id IN (:...ids)', {
              courseId: ctx.courseId,
              ids: quiz.questionIds,
            })
            .getMany()
        : [];
      const byId = new Map(rows.map((q) => [q.id, q]));
      picked = quiz.questionIds.map((id) => byId.get(id)).filter((q): q is Question => !!q);
    }
    const ordered = quiz.shuffleQuestions ? shuffled(picked) : picked;
    return ordered.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      options: (quiz.shuffleOptions ? shuffled(q.options) : q.options).map((o) => ({
        id: o.id,
        text: o.text,
        correct: o.correct,
        feedback: o.feedback ?? {},
      })),
      correctBoolean: q.correctBoolean,
      acceptedAnswers: q.acceptedAnswers,
      caseSensitive: q.caseSensitive,
      accentSensitive: q.accentSensitive,
      numericAnswer: q.numericAnswer,
      tolerance: q.tolerance,
      points: q.points,
      feedback: q.feedback,
      defaultLocale: ctx.defaultLocale,
    }));
  }
}


function unavailable(f: {
  enrolled: boolean;
  opensAt: string | null;
  closesAt: string | null;
  used: number;
  allowed: number | null;
  questionCount: number;
}): QuizUnavailableReason | null {
  const now = Date.now();
  if (!f.enrolled) return 'not_enrolled';
  if (f.opensAt && new Date(f.opensAt).getTime() > now) return 'not_open';
  if (f.closesAt && new Date(f.closesAt).getTime() <= now) return 'closed';
  if (f.allowed !== null && f.used >= f.allowed) return 'no_attempts_left';
  if (f.questionCount === 0) return 'no_questions';
  return null;
}

/** May the trainee see this part of the review now? */
export function reviewAllowed(
  when: QuizReviewWhen,
  attempt: Pick<QuizAttempt, 'submittedAt'>,
  closesAt: string | null,
  now = Date.now(),
): boolean {
  if (!attempt.submittedAt) return false;
  switch (when) {
    case 'after_submit':
      return true;
    case 'after_close':
      return !!closesAt && new Date(closesAt).getTime() <= now;
    case 'never':
      return false;
  }
}

/** A question as a trainee sees it while answering: no correctness, no feedback. */
function questionView(q: GradableQuestion, wanted: Locale | null): AttemptQuestionView {
  const fallback = q.defaultLocale as Locale;
  return {
    id: q.id,
    kind: q.kind,
    prompt: pickText(q.prompt, wanted, fallback).text,
    options: q.options.map((o) => ({ id: o.id, text: pickText(o.text, wanted, fallback).text })),
    points: q.points,
  };
}

function correctOf(q: GradableQuestion): QuizReview['questions'][number]['correct'] {
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return { optionIds: q.options.filter((o) => o.correct).map((o) => o.id) };
    case 'true_false':
      return { boolean: q.correctBoolean ?? undefined };
    case 'short_answer':
      return { acceptedAnswers: q.acceptedAnswers };
    case 'numeric':
      return { numericAnswer: q.numericAnswer ?? undefined, tolerance: q.tolerance };
  }
}
