// POST /api/quiz-attempts/:id/submit from 200 trainees at the same moment, each with an attempt in
// progress and its answers saved: QuizAttemptService.submit (row lock, grading, GradeService.recordAutomatic
// with release) under a burst (issue 4: no errors, p99 < 500 ms). Runner: lib/quiz-burst.mjs.
export default {
  name: 'quiz-burst',
  group: 'quiz-burst',
  description: '200 trainees submitting a quiz attempt at the same second, POST /api/quiz-attempts/:id/submit',
};
