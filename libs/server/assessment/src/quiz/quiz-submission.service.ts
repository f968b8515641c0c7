import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GradeStatus, QuizGradingMethod } from '@aula/contracts';
import { PreparedSql } from '@aula/server/database';
import { GradeService } from '../grading/grade.service';
import { Quiz } from './quiz.entity';
import { QuizAttempt } from './quiz-attempt.entity';
import { combineAttempts, gradeAttempt, scalePoints } from './quiz-grading';

/** What grading a submitted attempt needs, when the caller has read it already. */
export interface KnownGrading {
  gradingMethod: QuizGradingMethod;
  maxPoints: number;
  /** The quiz grade as it stands (read with the attempt; only quiz submits of this trainee write it). */
  grade: { status: GradeStatus; points: number | null; latePenaltyPercent: number } | null;
}

/**
 * Marks an attempt submitted and reads every submitted attempt's score, in one round trip (the
 * statement's own update is not visible to its SELECT, hence the UNION with what it returned).
 */
const SUBMIT_ATTEMPT = new PreparedSql(
  `WITH done AS (
         UPDATE quiz_attempts SET results = $2, score = $3, max_score = $4, submitted_at = $5, auto_submitted = $6
          WHERE id = $1
          RETURNING score, max_score, submitted_at, number)
       SELECT score::float AS score, max_score::float AS "maxScore" FROM (
         SELECT score, max_score, submitted_at, number FROM quiz_attempts
          WHERE activity_id = $7 AND enrolment_id = $8 AND submitted_at IS NOT NULL AND id <> $1
         UNION ALL
         SELECT score, max_score, submitted_at, number FROM done) submitted
       ORDER BY submitted_at, number`,
);

/**
 * Submitting an attempt, by the trainee or by the clock: it is graded at once and the quiz grade
 * released through {@link GradeService}.
 */
@Injectable()
export class QuizSubmissionService {
  constructor(private readonly grades: GradeService) {}

  /** Grades a locked attempt, marks it submitted, and records the quiz grade per its grading method. */
  async finalize(em: EntityManager, attempt: QuizAttempt, at: Date, auto: boolean, known?: KnownGrading): Promise<QuizAttempt> {
    const result = gradeAttempt(attempt.questions, attempt.answers);
    attempt.results = result.results;
    attempt.score = result.score;
    attempt.maxScore = result.maxScore;
    attempt.submittedAt = at;
    attempt.autoSubmitted = auto;
    const rows = await SUBMIT_ATTEMPT.run<{ score: number; maxScore: number }>(em, [attempt.id, JSON.stringify(result.results), result.score, result.maxScore, at, auto, attempt.activityId, attempt.enrolmentId]);
    const gradingMethod =
      known?.gradingMethod ?? (await em.findOneBy(Quiz, { activityId: attempt.activityId }))?.gradingMethod ?? 'highest';
    const maxPoints = known?.maxPoints ?? (await this.grades.maxPoints(em, attempt.activityId));
    const points = combineAttempts(
      rows.map((r) => scalePoints(r.score, r.maxScore, maxPoints)),
      gradingMethod,
    );
    // A retake that does not change the released grade (a lower score when the best counts) leaves
    // the grade and its audit trail alone.
    const unchanged =
      known?.grade?.status === 'released' && known.grade.points === (points ?? 0) && known.grade.latePenaltyPercent === 0;
    if (!unchanged) {
      await this.grades.recordAutomatic(
        em,
        { activityId: attempt.activityId, enrolmentId: attempt.enrolmentId },
        points ?? 0,
        { release: true },
      );
    }
    return attempt;
  }
}
