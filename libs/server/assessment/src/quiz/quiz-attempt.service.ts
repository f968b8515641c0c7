import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  QUIZ_LIMITS,
  type GradeStatus,
  type Locale,
  type QuizAnswers,
  type QuizAttemptView,
  type QuizGradingMethod,
  type QuizOverview,
  type QuizUnavailableReason,
} from '@aula/contracts';
import { fieldError, pickText, readerLocale } from '@aula/server/core';
import type { Actor } from '@aula/server/identity';
import { PreparedSql } from '@aula/server/database';
import { GradeService } from '../grading/grade.service';
import { Grade } from '../grading/grade.entity';
import { ScheduleService } from '../schedule/schedule.service';
import { drawQuestions, questionCount } from './question-drawing';
import { QuizAccess } from './quiz-access';
import { QuizAttempt } from './quiz-attempt.entity';
import { earliest, EFFECTIVE_CLOSE_SQL, SCHEDULE_JOINS } from './quiz-deadline';
import { AttemptClosedError, QuizUnavailableError } from './quiz.errors';
import { QuizExpiryService } from './quiz-expiry.service';
import { answerProblem } from './quiz-grading';
import { QuizSubmissionService, type KnownGrading } from './quiz-submission.service';
import { attemptSummary, attemptView } from './quiz.views';

interface LockedAttempt extends KnownGrading {
  attempt: QuizAttempt;
  closesAt: Date | null;
  readerLocale: Locale | null;
}

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
 * A trainee's attempts: the overview, starting, autosaving and submitting. An attempt's deadline
 * is min(start + time limit, close time); answers after it are refused, and an attempt past it is
 * submitted as saved (see {@link QuizExpiryService}).
 */
@Injectable()
export class QuizAttemptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grades: GradeService,
    private readonly schedule: ScheduleService,
    private readonly access: QuizAccess,
    private readonly expiry: QuizExpiryService,
    private readonly submission: QuizSubmissionService,
  ) {}

  async overview(actor: Actor, activityId: string, explicit?: Locale, acceptLanguage?: string): Promise<QuizOverview> {
    const em = this.dataSource.manager;
    const ctx = await this.access.quizActivity(em, activityId, actor);
    const quiz = await this.dataSource.transaction((tx) => this.access.ensureQuiz(tx, ctx));
    const enrolment = await this.access.ownEnrolment(em, actor, ctx.courseId);
    const title = pickText(ctx.title, readerLocale(explicit, ctx.readerLocale, acceptLanguage), ctx.defaultLocale);
    const maxPoints = await this.grades.maxPoints(em, activityId);
    const count = await questionCount(em, ctx, quiz);
    const base = {
      activityId,
      title: title.text,
      locale: title.locale,
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      gradingMethod: quiz.gradingMethod,
      questionCount: count,
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
    await this.expiry.expireOpenAttempt(activityId, enrolment.id);
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
      questionCount: count,
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
      attempts: attempts.map((a) => attemptSummary(a, maxPoints)),
    };
  }

  /**
   * Starts an attempt, or answers the one in progress (a second click, another tab). Checks the
   * window, the attempts allowed and the enrolment (active, or completed: passing the course does
   * not take away the attempts left); copies the questions in their order.
   */
  async start(actor: Actor, activityId: string, explicit?: Locale): Promise<{ attempt: QuizAttemptView; created: boolean }> {
    const em = this.dataSource.manager;
    const ctx = await this.access.quizActivity(em, activityId, actor);
    const enrolment = await this.access.ownEnrolment(em, actor, ctx.courseId);
    // A completed enrolment may still try again (the grading method decides what counts).
    if (!enrolment) throw new QuizUnavailableError('not_enrolled');
    await this.expiry.expireOpenAttempt(activityId, enrolment.id);
    const run = () =>
      this.dataSource.transaction(async (tx) => {
        const quiz = await this.access.ensureQuiz(tx, ctx);
        const current = await this.access.openAttempt(tx, activityId, enrolment.id);
        if (current) return { attempt: current, created: false };
        const dates = await this.schedule.effective(tx, activityId, enrolment.id);
        const [{ used }] = (await tx.query(
          `SELECT count(*)::int AS used FROM quiz_attempts WHERE activity_id = $1 AND enrolment_id = $2`,
          [activityId, enrolment.id],
        )) as { used: number }[];
        const questions = await drawQuestions(tx, ctx, quiz);
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
    return { attempt: await this.view(result.attempt, locale), created: result.created };
  }

  async attempt(actor: Actor, attemptId: string, explicit?: Locale): Promise<QuizAttemptView> {
    const found = await this.access.visibleAttempt(actor, attemptId);
    await this.expiry.expireIfDue(attemptId);
    const attempt = await this.dataSource.manager.findOneByOrFail(QuizAttempt, { id: attemptId });
    return this.view(attempt, readerLocale(explicit, found.readerLocale, null));
  }

  /** Saves some answers (autosave). After the deadline: the attempt is submitted as it was, and 409. */
  async saveAnswers(actor: Actor, attemptId: string, answers: QuizAnswers, explicit?: Locale): Promise<QuizAttemptView> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const locked = await this.lockOwnAttempt(tx, actor, attemptId);
      const { attempt } = locked;
      if (attempt.submittedAt) return { closed: true as const, auto: attempt.autoSubmitted };
      const deadline = earliest(attempt.deadlineAt, locked.closesAt);
      if (deadline && deadline.getTime() <= Date.now()) {
        await this.submission.finalize(tx, attempt, deadline, true, locked);
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
    return this.view(attempt, readerLocale(explicit, profile, null), maxPoints);
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
      await this.submission.finalize(tx, found.attempt, late && deadline ? deadline : new Date(), late, found);
      return found;
    });
    return this.view(locked.attempt, readerLocale(explicit, locked.readerLocale, null), locked.maxPoints);
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

  private async view(attempt: QuizAttempt, wanted: Locale | null, knownMax?: number): Promise<QuizAttemptView> {
    const maxPoints = knownMax ?? (await this.grades.maxPoints(this.dataSource.manager, attempt.activityId));
    return attemptView(attempt, wanted, maxPoints);
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
