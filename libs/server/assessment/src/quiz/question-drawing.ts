import type { EntityManager } from 'typeorm';
import { Question } from './question.entity';
import type { Quiz } from './quiz.entity';
import type { QuizContext } from './quiz-access';
import { shuffled, type GradableQuestion } from './quiz-grading';

/** How many questions an attempt of this quiz would get now (archived questions are never drawn). */
export async function questionCount(em: EntityManager, ctx: QuizContext, quiz: Quiz): Promise<number> {
  if (quiz.questionMode === 'random') {
    const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM questions WHERE course_id = $1 AND NOT archived`, [
      ctx.courseId,
    ])) as { n: number }[];
    return Math.min(n, quiz.randomCount ?? 0);
  }
  if (quiz.questionIds.length === 0) return 0;
  const [{ n }] = (await em.query(
    `SELECT count(*)::int AS n FROM questions WHERE course_id = $1 AND NOT archived AND id = ANY($2::uuid[])`,
    [ctx.courseId, quiz.questionIds],
  )) as { n: number }[];
  return n;
}

/** The questions of a new attempt, copied with their answer key, shuffled as the settings say. */
export async function drawQuestions(em: EntityManager, ctx: QuizContext, quiz: Quiz): Promise<GradableQuestion[]> {
  let picked: Question[];
  if (quiz.questionMode === 'random') {
    picked = await em
      .createQueryBuilder(Question, 'q')
      .where('q.course_id = :courseId AND NOT q.archived', { courseId: ctx.courseId })
      .orderBy('random()')
      .limit(quiz.randomCount ?? 0)
      .getMany();
  } else {
    const rows = quiz.questionIds.length
      ? await em
          .createQueryBuilder(Question, 'q')
          .where('q.course_id = :courseId AND NOT q.archived AND q.id IN (:...ids)', {
            courseId: ctx.courseId,
            ids: quiz.questionIds,
          })
          .getMany()
      : [];
    const byId = new Map(rows.map((q) => [q.id, q]));
    picked = quiz.questionIds.map((id) => byId.get(id)).filter((q): q is Question => !!q);
  }
  const ordered = quiz.shuffleQuestions ? shuffled(picked) : picked;
  return ordered.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: (quiz.shuffleOptions ? shuffled(q.options) : q.options).map((o) => ({
      id: o.id,
      text: o.text,
      correct: o.correct,
      feedback: o.feedback ?? {},
    })),
    correctBoolean: q.correctBoolean,
    acceptedAnswers: q.acceptedAnswers,
    caseSensitive: q.caseSensitive,
    accentSensitive: q.accentSensitive,
    numericAnswer: q.numericAnswer,
    tolerance: q.tolerance,
    points: q.points,
    feedback: q.feedback,
    defaultLocale: ctx.defaultLocale,
  }));
}
