import type { Translations } from './catalog';
import type { Locale } from './identity';

/**
 * Quizzes: the question bank of a course, the settings of a quiz activity, and attempts.
 * Correct answers and feedback never reach a trainee before the quiz's review options allow.
 */

export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'short_answer', 'numeric'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUIZ_GRADING_METHODS = ['highest', 'last', 'average'] as const;
export type QuizGradingMethod = (typeof QUIZ_GRADING_METHODS)[number];

/** When a trainee sees correct answers / feedback of a submitted attempt. */
export const QUIZ_REVIEW_WHEN = ['after_submit', 'after_close', 'never'] as const;
export type QuizReviewWhen = (typeof QUIZ_REVIEW_WHEN)[number];

export const QUIZ_QUESTION_MODES = ['fixed', 'random'] as const;
export type QuizQuestionMode = (typeof QUIZ_QUESTION_MODES)[number];

export const QUIZ_LIMITS = {
  prompt: 4000,
  optionText: 1000,
  feedback: 4000,
  options: 20,
  acceptedAnswers: 20,
  acceptedAnswer: 200,
  shortAnswer: 500,
  maxPoints: 10000,
  questionPoints: 1000,
  fixedQuestions: 200,
  randomCount: 200,
  timeLimitMinutes: 24 * 60,
  attemptsAllowed: 100,
} as const;

// ---- question bank (administrators, every language at once) ----

export interface QuestionOptionInput {
  /** Stable id of the option; generated when left out. */
  id?: string;
  text: Translations;
  correct: boolean;
  /** Shown next to this option in the review when the trainee picked it. */
  feedback?: Translations;
}

export interface QuestionInput {
  kind: QuestionKind;
  prompt: Translations;
  /** single / multiple choice only. */
  options?: QuestionOptionInput[];
  /** true_false only. */
  correctBoolean?: boolean | null;
  /** short_answer only: any of these counts as right. */
  acceptedAnswers?: string[];
  caseSensitive?: boolean;
  accentSensitive?: boolean;
  /** numeric only: the answer and how far off still counts (absolute). */
  numericAnswer?: number | null;
  tolerance?: number;
  points?: number;
  /** Shown after the attempt, whatever was answered. */
  feedback?: Translations;
}

export type QuestionUpdate = Partial<QuestionInput> & { archived?: boolean };

export interface QuestionOptionView {
  id: string;
  text: Translations;
  correct: boolean;
  feedback: Translations;
}

export interface QuestionAdminView {
  id: string;
  courseId: string;
  kind: QuestionKind;
  prompt: Translations;
  options: QuestionOptionView[];
  correctBoolean: boolean | null;
  acceptedAnswers: string[];
  caseSensitive: boolean;
  accentSensitive: boolean;
  numericAnswer: number | null;
  tolerance: number;
  points: number;
  feedback: Translations;
  /** Kept for attempts that used it; no longer offered to new attempts. */
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface QuestionDeleteResult {
  /** true: removed for good; false: used by attempts or a quiz, so archived instead. */
  deleted: boolean;
  archived: boolean;
}

// ---- quiz settings ----

export interface QuizSettingsInput {
  questionMode: QuizQuestionMode;
  /** fixed: the questions, in order. */
  questionIds: string[];
  /** random: how many questions to draw from the course's bank (not archived). */
  randomCount: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** null: no limit. */
  timeLimitMinutes: number | null;
  /** null: unlimited. */
  attemptsAllowed: number | null;
  gradingMethod: QuizGradingMethod;
  showCorrectAnswers: QuizReviewWhen;
  showFeedback: QuizReviewWhen;
  /** Points in the gradebook (the quiz's score is scaled to these). */
  maxPoints: number;
}

export interface QuizSettingsView extends QuizSettingsInput {
  activityId: string;
  courseId: string;
  /** Questions of the course's bank not archived (what a random draw picks from). */
  bankSize: number;
}

// ---- trainees ----

export type QuizUnavailableReason =
  | 'not_enrolled'
  | 'not_open'
  | 'closed'
  | 'no_attempts_left'
  | 'no_questions';

export interface QuizOverview {
  activityId: string;
  title: string;
  locale: Locale;
  opensAt: string | null;
  closesAt: string | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  attemptsUsed: number;
  gradingMethod: QuizGradingMethod;
  questionCount: number;
  /** The attempt to resume, if one is in progress. */
  inProgressAttemptId: string | null;
  canStart: boolean;
  /** Why a new attempt cannot start (null when it can). */
  unavailableReason: QuizUnavailableReason | null;
  /** The quiz grade, once released (points out of maxPoints). */
  grade: { points: number | null; maxPoints: number } | null;
  attempts: QuizAttemptSummary[];
}

export interface QuizAttemptSummary {
  id: string;
  number: number;
  startedAt: string;
  submittedAt: string | null;
  autoSubmitted: boolean;
  /** Points of the quiz's maxPoints; null while in progress. */
  points: number | null;
  maxPoints: number;
  /** Review (answers/feedback) available now. */
  reviewAvailable: boolean;
}

/** An answer: option id (single), option ids (multiple), boolean, text, or number. */
export type QuizAnswer = string | string[] | boolean | number | null;
export type QuizAnswers = Record<string, QuizAnswer>;

export interface AttemptQuestionView {
  id: string;
  kind: QuestionKind;
  prompt: string;
  /** Choice questions: options in this attempt's order, without correctness. */
  options: { id: string; text: string }[];
  points: number;
}

export interface QuizAttemptView {
  id: string;
  activityId: string;
  number: number;
  locale: Locale;
  startedAt: string;
  /** The server refuses answers after this moment and submits the attempt itself. */
  deadlineAt: string | null;
  /** Server time when this answer was made (for a countdown immune to a wrong device clock). */
  serverNow: string;
  submittedAt: string | null;
  autoSubmitted: boolean;
  questions: AttemptQuestionView[];
  answers: QuizAnswers;
  /** Once submitted: points of the quiz's maxPoints. */
  points: number | null;
  maxPoints: number;
}

export interface SaveAnswersRequest {
  /** Question id → answer; null clears it. Questions not named keep their answer. */
  answers: QuizAnswers;
}

export interface QuizReviewQuestion extends AttemptQuestionView {
  answer: QuizAnswer;
  /** Points earned on this question; null unless correct answers are shown (it would tell them). */
  earned: number | null;
  /** null unless the review options show correct answers now. */
  correct: {
    optionIds?: string[];
    boolean?: boolean;
    acceptedAnswers?: string[];
    numericAnswer?: number;
    tolerance?: number;
  } | null;
  /** null unless the review options show feedback now. */
  feedback: string | null;
  /** Feedback of the options the trainee picked (choice questions), when feedback is shown. */
  optionFeedback: Record<string, string> | null;
}

export interface QuizReview {
  attemptId: string;
  points: number;
  maxPoints: number;
  correctAnswersShown: boolean;
  feedbackShown: boolean;
  questions: QuizReviewQuestion[];
}
