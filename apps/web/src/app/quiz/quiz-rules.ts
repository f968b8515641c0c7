import type { QUESTION_KINDS, QUIZ_GRADING_METHODS, QUIZ_LIMITS, QUIZ_REVIEW_WHEN } from '@aula/contracts';

// Contracts are imported for types only; `typeof` ties these copies to the API's lists.
export const QUESTION_KIND_LIST: typeof QUESTION_KINDS = ['single', 'multiple', 'true_false', 'short_answer', 'numeric'];
export const GRADING_METHOD_LIST: typeof QUIZ_GRADING_METHODS = ['highest', 'last', 'average'];
export const REVIEW_WHEN_LIST: typeof QUIZ_REVIEW_WHEN = ['after_submit', 'after_close', 'never'];
export const QUIZ_TEXT_LIMITS: Pick<typeof QUIZ_LIMITS, 'prompt' | 'optionText' | 'feedback'> = {
  prompt: 4000,
  optionText: 1000,
  feedback: 4000,
};
