import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale, QuizReview, QuizReviewWhen, Translations } from '@aula/contracts';
import { pickText, readerLocale } from '@aula/server/core';
import type { Actor } from '@aula/server/identity';
import { GradeService } from '../grading/grade.service';
import { ScheduleService } from '../schedule/schedule.service';
import { QuizAccess } from './quiz-access';
import { Quiz } from './quiz.entity';
import { QuizAttempt } from './quiz-attempt.entity';
import { AttemptInProgressError } from './quiz.errors';
import { QuizExpiryService } from './quiz-expiry.service';
import { scalePoints, type GradableQuestion } from './quiz-grading';
import { questionView } from './quiz.views';

/** A submitted attempt reviewed: score per question, correct answers and feedback as the quiz allows. */
@Injectable()
export class QuizReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grades: GradeService,
    private readonly schedule: ScheduleService,
    private readonly access: QuizAccess,
    private readonly expiry: QuizExpiryService,
  ) {}

  /** Score, and correct answers and feedback as far as the quiz's review options allow now. */
  async review(actor: Actor, attemptId: string, explicit?: Locale): Promise<QuizReview> {
    const found = await this.access.visibleAttempt(actor, attemptId);
    await this.expiry.expireIfDue(attemptId);
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
