import type { QuestionKind, QuizAnswer, QuizAnswers, QuizGradingMethod, Translations } from '@aula/contracts';

/**
 * Grading of each question kind, as pure functions (no database, no clock), so every rule can be
 * read and tested here. Points are rounded to the cent.
 *
 * Multiple choice (partial credit): each correct option picked earns points / (number of correct
 * options); each wrong option picked takes away points / (number of wrong options); the total
 * never goes below 0. So picking every option scores 0, and picking all correct ones and no wrong
 * one scores full points.
 */

export interface GradableOption {
  id: string;
  text: Translations;
  correct: boolean;
  feedback: Translations;
}

/** A question as copied into an attempt: everything needed to show it and to grade it. */
export interface GradableQuestion {
  id: string;
  kind: QuestionKind;
  prompt: Translations;
  options: GradableOption[];
  correctBoolean: boolean | null;
  acceptedAnswers: string[];
  caseSensitive: boolean;
  accentSensitive: boolean;
  numericAnswer: number | null;
  tolerance: number;
  points: number;
  feedback: Translations;
  /** The language to fall back to when the reader's is missing. */
  defaultLocale: string;
}

const cents = (n: number) => Math.round(n * 100) / 100;

export function gradeSingle(q: Pick<GradableQuestion, 'options' | 'points'>, answer: QuizAnswer): number {
  if (typeof answer !== 'string') return 0;
  return q.options.some((o) => o.id === answer && o.correct) ? q.points : 0;
}

export function gradeMultiple(q: Pick<GradableQuestion, 'options' | 'points'>, answer: QuizAnswer): number {
  if (!Array.isArray(answer)) return 0;
  const picked = new Set(answer);
  const correct = q.options.filter((o) => o.correct);
  const wrong = q.options.filter((o) => !o.correct);
  if (correct.length === 0) return 0;
  let earned = 0;
  for (const o of correct) if (picked.has(o.id)) earned += q.points / correct.length;
  for (const o of wrong) if (picked.has(o.id)) earned -= q.points / wrong.length;
  return Math.max(0, cents(earned));
}

export function gradeTrueFalse(q: Pick<GradableQuestion, 'correctBoolean' | 'points'>, answer: QuizAnswer): number {
  return typeof answer === 'boolean' && q.correctBoolean !== null && answer === q.correctBoolean ? q.points : 0;
}

/** Short answers compare after tidying spaces; case and accents count only when the question says so. */
export function normaliseShortAnswer(text: string, rules: { caseSensitive: boolean; accentSensitive: boolean }): string {
  let s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!rules.accentSensitive) s = s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  if (!rules.caseSensitive) s = s.toLocaleLowerCase('und');
  return s;
}

export function gradeShortAnswer(
  q: Pick<GradableQuestion, 'acceptedAnswers' | 'caseSensitive' | 'accentSensitive' | 'points'>,
  answer: QuizAnswer,
): number {
  if (typeof answer !== 'string' || !answer.trim()) return 0;
  const given = normaliseShortAnswer(answer, q);
  return q.acceptedAnswers.some((a) => normaliseShortAnswer(a, q) === given) ? q.points : 0;
}

export function gradeNumeric(q: Pick<GradableQuestion, 'numericAnswer' | 'tolerance' | 'points'>, answer: QuizAnswer): number {
  if (typeof answer !== 'number' || !Number.isFinite(answer) || q.numericAnswer === null) return 0;
  // A hair of slack so that 0.1 + 0.2 counts as 0.3 with tolerance 0.
  const slack = 1e-9 * Math.max(1, Math.abs(q.numericAnswer));
  return Math.abs(answer - q.numericAnswer) <= Math.abs(q.tolerance) + slack ? q.points : 0;
}

export function gradeQuestion(q: GradableQuestion, answer: QuizAnswer | undefined): number {
  const a = answer ?? null;
  switch (q.kind) {
    case 'single':
      return gradeSingle(q, a);
    case 'multiple':
      return gradeMultiple(q, a);
    case 'true_false':
      return gradeTrueFalse(q, a);
    case 'short_answer':
      return gradeShortAnswer(q, a);
    case 'numeric':
      return gradeNumeric(q, a);
  }
}

export interface AttemptResult {
  results: Record<string, number>;
  score: number;
  maxScore: number;
}

export function gradeAttempt(questions: GradableQuestion[], answers: QuizAnswers): AttemptResult {
  const results: Record<string, number> = {};
  let score = 0;
  let maxScore = 0;
  for (const q of questions) {
    results[q.id] = gradeQuestion(q, answers[q.id]);
    score += results[q.id];
    maxScore += q.points;
  }
  return { results, score: cents(score), maxScore: cents(maxScore) };
}

/** An attempt's points on the quiz's scale (the gradebook's max points). */
export function scalePoints(score: number, maxScore: number, maxPoints: number): number {
  if (maxScore <= 0) return 0;
  return cents((score / maxScore) * maxPoints);
}

/**
 * The quiz grade from the submitted attempts' points (oldest first): the highest, the last, or
 * the average; null when nothing was submitted.
 */
export function combineAttempts(points: number[], method: QuizGradingMethod): number | null {
  if (points.length === 0) return null;
  switch (method) {
    case 'highest':
      return Math.max(...points);
    case 'last':
      return points[points.length - 1];
    case 'average':
      return cents(points.reduce((a, b) => a + b, 0) / points.length);
  }
}

/**
 * Checks one answer's shape for its question; returns a message naming what is wrong, or null.
 * Unknown option ids are refused so a client cannot store junk an examiner would later read.
 */
export function answerProblem(q: GradableQuestion, answer: QuizAnswer, maxText: number): string | null {
  if (answer === null) return null;
  const optionIds = new Set(q.options.map((o) => o.id));
  switch (q.kind) {
    case 'single':
      return typeof answer === 'string' && optionIds.has(answer) ? null : 'must be the id of one of the options';
    case 'multiple':
      return Array.isArray(answer) &&
        answer.every((a) => typeof a === 'string' && optionIds.has(a)) &&
        new Set(answer).size === answer.length
        ? null
        : 'must be a list of distinct option ids';
    case 'true_false':
      return typeof answer === 'boolean' ? null : 'must be true or false';
    case 'short_answer':
      if (typeof answer !== 'string') return 'must be text';
      if (answer.length > maxText) return `must be at most ${maxText} characters`;
      return /[\p{Cc}\p{Cs}]/u.test(answer.replace(/[\t\n\r]/g, ' ')) ? 'must be text without control characters' : null;
    case 'numeric':
      return typeof answer === 'number' && Number.isFinite(answer) ? null : 'must be a number';
  }
}

/** Fisher–Yates with an injectable random source (tests pass a fixed one). */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
