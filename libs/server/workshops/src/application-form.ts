import {
  WORKSHOP_LIMITS,
  type Locale,
  type WorkshopQuestion,
  type WorkshopQuestionPublicView,
} from '@aula/contracts';
import { pickText } from '@aula/server/core';
import { fieldsError, type FieldProblem } from './workshop-input';

const hasText = (value: string | undefined): boolean => typeof value === 'string' && value.trim().length > 0;

/**
 * The organisers' questions as a whole: ids unique, a prompt in the workshop's language, a choice
 * with at least two options of unique ids and labelled in that language, a text question without
 * options. Returns them cleaned (trimmed texts, options only on choices).
 */
export function checkQuestions(questions: WorkshopQuestion[], defaultLocale: Locale): WorkshopQuestion[] {
  const problems: FieldProblem[] = [];
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (ids.has(q.id)) problems.push({ path: `${at}.id`, message: 'is used by another question' });
    ids.add(q.id);
    if (!hasText(q.prompt[defaultLocale]))
      problems.push({ path: `${at}.prompt.${defaultLocale}`, message: "is needed in the workshop's language" });
    if (q.kind === 'choice') {
      const options = q.options ?? [];
      if (options.length < 2) problems.push({ path: `${at}.options`, message: 'needs at least two options' });
      const optionIds = new Set<string>();
      options.forEach((o, j) => {
        if (optionIds.has(o.id)) problems.push({ path: `${at}.options.${j}.id`, message: 'is used by another option' });
        optionIds.add(o.id);
        if (!hasText(o.label[defaultLocale]))
          problems.push({ path: `${at}.options.${j}.label.${defaultLocale}`, message: "is needed in the workshop's language" });
      });
    } else if (q.options && q.options.length > 0) {
      problems.push({ path: `${at}.options`, message: 'are only for choice questions' });
    }
  });
  if (problems.length) throw fieldsError(problems);
  const clean = (t: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(t).flatMap(([k, v]) => (hasText(v) ? [[k, (v as string).trim()]] : [])));
  return questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: clean(q.prompt),
    required: q.required,
    ...(q.kind === 'choice' ? { options: (q.options ?? []).map((o) => ({ id: o.id, label: clean(o.label) })) } : {}),
  }));
}

/**
 * An applicant's answers against the workshop's questions: each problem named as
 * `answers.<questionId>` (unknown question, a choice not among the options, a required answer
 * missing, too long). Returns the answers kept (trimmed, empty ones left out).
 */
export function checkAnswers(questions: WorkshopQuestion[], answers: Record<string, string> | undefined): {
  answers: Record<string, string>;
  problems: FieldProblem[];
} {
  const given = answers ?? {};
  const problems: FieldProblem[] = [];
  const kept: Record<string, string> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(given)) {
    const q = byId.get(id);
    if (!q) {
      problems.push({ path: `answers.${id}`, message: 'is not a question of this workshop' });
      continue;
    }
    if (typeof value !== 'string') {
      problems.push({ path: `answers.${id}`, message: 'must be a string' });
      continue;
    }
    const text = value.trim();
    if (!text) continue;
    if (q.kind === 'choice' && !(q.options ?? []).some((o) => o.id === text))
      problems.push({ path: `answers.${id}`, message: 'is not one of the options' });
    else if (text.length > WORKSHOP_LIMITS.answer)
      problems.push({ path: `answers.${id}`, message: `must be at most ${WORKSHOP_LIMITS.answer} characters` });
    else kept[id] = text;
  }
  for (const q of questions)
    if (q.required && !(q.id in kept) && !problems.some((p) => p.path === `answers.${q.id}`))
      problems.push({ path: `answers.${q.id}`, message: 'is required' });
  return { answers: kept, problems };
}

/** The questions as an applicant reads them, in their language with the catalogue's fallback. */
export function questionViews(questions: WorkshopQuestion[], locale: Locale | null, defaultLocale: Locale): WorkshopQuestionPublicView[] {
  return questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: pickText(q.prompt, locale, defaultLocale).text,
    required: q.required,
    options: (q.options ?? []).map((o) => ({ id: o.id, label: pickText(o.label, locale, defaultLocale).text })),
  }));
}
