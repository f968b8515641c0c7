import {
  LOCALES,
  WORKSHOP_OUTCOME_LIMITS,
  WORKSHOP_RATING_MAX,
  WORKSHOP_RATING_MIN,
  WORKSHOP_SURVEY_QUESTION_KINDS,
  type WorkshopRatingResult,
  type WorkshopSurveyAnswer,
  type WorkshopSurveyQuestion,
  type WorkshopTextResult,
} from '@aula/contracts';
import { cleanPlainTranslations } from '@aula/server/core';
import type { FieldProblem } from './workshop-input';

/** The survey a workshop has when its organisers defined none. */
export const DEFAULT_SURVEY_QUESTIONS: readonly WorkshopSurveyQuestion[] = [
  {
    id: 'overall',
    kind: 'rating',
    required: true,
    prompt: {
      en: 'Overall, how would you rate the workshop?',
      es: 'En general, ¿cómo valora el taller?',
      pt: 'De modo geral, como você avalia a oficina?',
    },
  },
  {
    id: 'usefulness',
    kind: 'rating',
    required: true,
    prompt: {
      en: 'How useful was it for your work and your region?',
      es: '¿Qué tan útil fue para su trabajo y su región?',
      pt: 'Quão útil foi para o seu trabalho e a sua região?',
    },
  },
  {
    id: 'organisation',
    kind: 'rating',
    required: false,
    prompt: {
      en: 'How well was it organised?',
      es: '¿Qué tan bien estuvo organizado?',
      pt: 'Quão bem foi organizada?',
    },
  },
  {
    id: 'comments',
    kind: 'text',
    required: false,
    prompt: {
      en: 'What should we keep, and what should we change?',
      es: '¿Qué deberíamos mantener y qué deberíamos cambiar?',
      pt: 'O que devemos manter e o que devemos mudar?',
    },
  },
];

const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The organiser's questions, cleaned, and what is wrong with them (paths under `questions`). */
export function checkSurveyQuestions(questions: WorkshopSurveyQuestion[]): { questions: WorkshopSurveyQuestion[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  if (questions.length > WORKSHOP_OUTCOME_LIMITS.questions)
    problems.push({ path: 'questions', message: `must have at most ${WORKSHOP_OUTCOME_LIMITS.questions} questions` });
  const cleaned = questions.map((q, i) => {
    const path = `questions.${i}`;
    if (!QUESTION_ID.test(q.id ?? '')) problems.push({ path: `${path}.id`, message: 'must be lower-case letters, digits and dashes (at most 40)' });
    else if (seen.has(q.id)) problems.push({ path: `${path}.id`, message: 'is used by another question' });
    seen.add(q.id);
    if (!WORKSHOP_SURVEY_QUESTION_KINDS.includes(q.kind)) problems.push({ path: `${path}.kind`, message: `must be one of ${WORKSHOP_SURVEY_QUESTION_KINDS.join(', ')}` });
    const prompt = cleanPlainTranslations(q.prompt);
    if (LOCALES.every((l) => !prompt[l])) problems.push({ path: `${path}.prompt`, message: 'must be given in at least one language' });
    for (const l of LOCALES)
      if ((prompt[l]?.length ?? 0) > WORKSHOP_OUTCOME_LIMITS.prompt)
        problems.push({ path: `${path}.prompt.${l}`, message: `must be at most ${WORKSHOP_OUTCOME_LIMITS.prompt} characters` });
    return { id: q.id, kind: q.kind, prompt, required: q.required === true };
  });
  return { questions: cleaned, problems };
}

/** A participant's answers checked against the questions: one per question at most, the right kind, required ones given. */
export function checkAnswers(questions: readonly WorkshopSurveyQuestion[], answers: WorkshopSurveyAnswer[]): { answers: WorkshopSurveyAnswer[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, WorkshopSurveyAnswer>();
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const path = `answers.${i}`;
    const question = byId.get(a.questionId);
    if (!question) return problems.push({ path: `${path}.questionId`, message: 'is not a question of this survey' });
    if (seen.has(a.questionId)) return problems.push({ path: `${path}.questionId`, message: 'is answered twice' });
    seen.add(a.questionId);
    if (question.kind === 'rating') {
      if (a.text !== undefined) problems.push({ path: `${path}.text`, message: 'is for text questions; this one takes a rating' });
      if (a.rating === undefined || a.rating === null) {
        if (question.required) problems.push({ path: `${path}.rating`, message: 'is required' });
        return;
      }
      if (!Number.isInteger(a.rating) || a.rating < WORKSHOP_RATING_MIN || a.rating > WORKSHOP_RATING_MAX)
        return problems.push({ path: `${path}.rating`, message: `must be a whole number from ${WORKSHOP_RATING_MIN} to ${WORKSHOP_RATING_MAX}` });
      given.set(a.questionId, { questionId: a.questionId, rating: a.rating });
    } else {
      if (a.rating !== undefined) problems.push({ path: `${path}.rating`, message: 'is for rating questions; this one takes text' });
      const text = (a.text ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
      if (text.length > WORKSHOP_OUTCOME_LIMITS.textAnswer)
        return problems.push({ path: `${path}.text`, message: `must be at most ${WORKSHOP_OUTCOME_LIMITS.textAnswer} characters` });
      if (text) given.set(a.questionId, { questionId: a.questionId, text });
      else if (question.required) problems.push({ path: `${path}.text`, message: 'is required' });
    }
    return undefined;
  });
  for (const q of questions)
    if (q.required && !seen.has(q.id))
      problems.push({ path: `answers.${q.id}`, message: 'is required' });
  // Stored in the survey's order.
  return { answers: questions.flatMap((q) => given.get(q.id) ?? []), problems };
}

/** Results per question: for ratings the distribution 1..5, count and mean (2 decimals); for text the answers given. */
export function aggregateSurvey(
  questions: readonly WorkshopSurveyQuestion[],
  responses: { answers: WorkshopSurveyAnswer[] }[],
): (WorkshopRatingResult | WorkshopTextResult)[] {
  return questions.map((q) => {
    const answers = responses.flatMap((r) => r.answers.filter((a) => a.questionId === q.id));
    if (q.kind === 'text') {
      return { questionId: q.id, kind: 'text', prompt: q.prompt, answers: answers.map((a) => a.text ?? '').filter((t) => t) };
    }
    const distribution = Array.from({ length: WORKSHOP_RATING_MAX - WORKSHOP_RATING_MIN + 1 }, () => 0);
    let sum = 0;
    let count = 0;
    for (const a of answers) {
      if (typeof a.rating !== 'number') continue;
      distribution[a.rating - WORKSHOP_RATING_MIN]++;
      sum += a.rating;
      count++;
    }
    return { questionId: q.id, kind: 'rating', prompt: q.prompt, distribution, count, mean: count ? Math.round((sum / count) * 100) / 100 : null };
  });
}
