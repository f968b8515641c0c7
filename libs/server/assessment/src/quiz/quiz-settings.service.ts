import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QuizSettingsInput, QuizSettingsView } from '@aula/contracts';
import { fieldError } from '@aula/server/core';
import { GradeService } from '../grading/grade.service';
import { Quiz } from './quiz.entity';
import { QuizAccess, type QuizContext } from './quiz-access';

/** A quiz's settings (administrators): which questions, how many tries, what the review shows. */
@Injectable()
export class QuizSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grades: GradeService,
    private readonly access: QuizAccess,
  ) {}

  async settings(activityId: string): Promise<QuizSettingsView> {
    return this.dataSource.transaction(async (em) => {
      const ctx = await this.access.quizActivity(em, activityId);
      const quiz = await this.access.ensureQuiz(em, ctx);
      return this.settingsView(em, ctx, quiz);
    });
  }

  async saveSettings(activityId: string, input: QuizSettingsInput): Promise<QuizSettingsView> {
    return this.dataSource.transaction(async (em) => {
      const ctx = await this.access.quizActivity(em, activityId);
      const quiz = await this.access.ensureQuiz(em, ctx);
      const ids = input.questionIds ?? [];
      if (new Set(ids).size !== ids.length) throw fieldError('questionIds', 'must not name a question twice');
      if (ids.length > 0) {
        const found = (await em.query(`SELECT id FROM questions WHERE course_id = $1 AND id = ANY($2::uuid[])`, [
          ctx.courseId,
          ids,
        ])) as { id: string }[];
        const known = new Set(found.map((r) => r.id));
        const bad = ids.findIndex((id) => !known.has(id));
        if (bad >= 0) throw fieldError(`questionIds.${bad}`, "is not a question of this course's bank");
      }
      if (input.questionMode === 'random' && input.randomCount === null) {
        throw fieldError('randomCount', 'is required when questions are drawn at random');
      }
      Object.assign(quiz, {
        questionMode: input.questionMode,
        questionIds: ids,
        randomCount: input.randomCount,
        shuffleQuestions: input.shuffleQuestions,
        shuffleOptions: input.shuffleOptions,
        timeLimitMinutes: input.timeLimitMinutes,
        attemptsAllowed: input.attemptsAllowed,
        gradingMethod: input.gradingMethod,
        showCorrectAnswers: input.showCorrectAnswers,
        showFeedback: input.showFeedback,
      });
      await em.save(Quiz, quiz);
      await em.query(
        `INSERT INTO grade_items (activity_id, course_id, max_points) VALUES ($1, $2, $3)
         ON CONFLICT (activity_id) DO UPDATE SET max_points = EXCLUDED.max_points, course_id = EXCLUDED.course_id`,
        [ctx.activityId, ctx.courseId, input.maxPoints],
      );
      return this.settingsView(em, ctx, quiz);
    });
  }

  private async settingsView(em: EntityManager, ctx: QuizContext, quiz: Quiz): Promise<QuizSettingsView> {
    const [bank] = (await em.query(`SELECT count(*)::int AS n FROM questions WHERE course_id = $1 AND NOT archived`, [
      ctx.courseId,
    ])) as { n: number }[];
    return {
      activityId: quiz.activityId,
      courseId: ctx.courseId,
      questionMode: quiz.questionMode,
      questionIds: quiz.questionIds,
      randomCount: quiz.randomCount,
      shuffleQuestions: quiz.shuffleQuestions,
      shuffleOptions: quiz.shuffleOptions,
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      gradingMethod: quiz.gradingMethod,
      showCorrectAnswers: quiz.showCorrectAnswers,
      showFeedback: quiz.showFeedback,
      maxPoints: await this.grades.maxPoints(em, quiz.activityId),
      bankSize: bank.n,
    };
  }
}
