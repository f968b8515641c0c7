import {
  WORKSHOP_OUTCOME_KINDS,
  WORKSHOP_RATING_MAX,
  WORKSHOP_RATING_MIN,
  type Translations,
  type WorkshopOutcomeKind,
  type WorkshopRatingResult,
  type WorkshopSurveyAnswer,
  type WorkshopSurveyPublicView,
  type WorkshopSurveyQuestion,
} from '@aula/contracts';
import type { ChartRow } from '../network/bar-chart';

/** The ratings a participant picks from, lowest first. */
export const RATINGS: readonly number[] = Array.from(
  { length: WORKSHOP_RATING_MAX - WORKSHOP_RATING_MIN + 1 },
  (_, i) => WORKSHOP_RATING_MIN + i,
);

/** What the survey form holds per question: a rating (null until chosen) or text. */
export type SurveyFormValue = Record<string, number | string | null>;

/**
 * The answers to send: ratings chosen and text written (trimmed), in the survey's order; a
 * question left empty is left out (the API names it when it was required).
 */
export function surveyAnswers(questions: WorkshopSurveyPublicView['questions'], value: SurveyFormValue): WorkshopSurveyAnswer[] {
  const answers: WorkshopSurveyAnswer[] = [];
  for (const q of questions) {
    const given = value[q.id];
    if (q.kind === 'rating') {
      if (typeof given === 'number') answers.push({ questionId: q.id, rating: given });
    } else if (typeof given === 'string' && given.trim()) answers.push({ questionId: q.id, text: given.trim() });
  }
  return answers;
}

/** Which required questions are still unanswered, by id. */
export function missingRequired(questions: WorkshopSurveyPublicView['questions'], value: SurveyFormValue): string[] {
  const given = new Set(surveyAnswers(questions, value).map((a) => a.questionId));
  return questions.filter((q) => q.required && !given.has(q.id)).map((q) => q.id);
}

/** A rating question's distribution as chart rows, 5 down to 1 (the chart keeps this order). */
export function ratingRows(result: WorkshopRatingResult, label: (rating: number) => string): ChartRow[] {
  return [...RATINGS].reverse().map((rating) => ({
    key: String(rating),
    label: label(rating),
    value: result.distribution[rating - WORKSHOP_RATING_MIN] ?? 0,
  }));
}

/** Entries grouped by kind in the record's order, kinds without entries left out. */
export function groupByKind<T extends { kind: WorkshopOutcomeKind }>(entries: readonly T[]): { kind: WorkshopOutcomeKind; entries: T[] }[] {
  return WORKSHOP_OUTCOME_KINDS.map((kind) => ({ kind, entries: entries.filter((e) => e.kind === kind) })).filter(
    (g) => g.entries.length > 0,
  );
}

/** A question id not yet among `taken`: q1, q2, … */
export function newQuestionId(taken: readonly string[]): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}

/** The questions as sent: prompts trimmed, languages left empty dropped. */
export function cleanQuestions(questions: readonly WorkshopSurveyQuestion[]): WorkshopSurveyQuestion[] {
  return questions.map((q) => {
    const prompt: Translations = {};
    for (const [locale, text] of Object.entries(q.prompt) as [keyof Translations, string | undefined][]) {
      if (text?.trim()) prompt[locale] = text.trim();
    }
    return { id: q.id, kind: q.kind, required: q.required, prompt };
  });
}
