import type { AttemptQuestionView, Locale, QuizAttemptSummary, QuizAttemptView } from '@aula/contracts';
import { pickText } from '@aula/server/core';
import type { QuizAttempt } from './quiz-attempt.entity';
import { scalePoints, type GradableQuestion } from './quiz-grading';

export const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** A question as a trainee sees it while answering: no correctness, no feedback. */
export function questionView(q: GradableQuestion, wanted: Locale | null): AttemptQuestionView {
  const fallback = q.defaultLocale as Locale;
  return {
    id: q.id,
    kind: q.kind,
    prompt: pickText(q.prompt, wanted, fallback).text,
    options: q.options.map((o) => ({ id: o.id, text: pickText(o.text, wanted, fallback).text })),
    points: q.points,
  };
}

/** An attempt as its trainee sees it: questions in the reader's language, points once submitted. */
export function attemptView(attempt: QuizAttempt, wanted: Locale | null, maxPoints: number): QuizAttemptView {
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

/** One line of the overview's list of attempts. */
export function attemptSummary(a: QuizAttempt, maxPoints: number): QuizAttemptSummary {
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
