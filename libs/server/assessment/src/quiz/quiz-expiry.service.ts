import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ScheduleService } from '../schedule/schedule.service';
import { QuizAccess } from './quiz-access';
import { QuizAttempt } from './quiz-attempt.entity';
import { earliest, EFFECTIVE_CLOSE_SQL, SCHEDULE_JOINS } from './quiz-deadline';
import { QuizSubmissionService } from './quiz-submission.service';

/**
 * The server owns the clock: an attempt past its deadline is submitted with what was saved —
 * lazily whenever it is touched, and by the worker's sweep.
 */
@Injectable()
export class QuizExpiryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schedule: ScheduleService,
    private readonly access: QuizAccess,
    private readonly submission: QuizSubmissionService,
  ) {}

  /**
   * Submits attempts whose deadline (or the trainee's close time) has passed. Safe with several
   * workers: each takes rows the others have not locked (SKIP LOCKED). Returns how many it submitted.
   */
  async sweepExpired(limit = 500, batch = 25): Promise<number> {
    let total = 0;
    while (total < limit) {
      const n = await this.dataSource.transaction(async (tx) => {
        const rows = (await tx.query(
          `SELECT qa.id, least(qa.deadline_at, ${EFFECTIVE_CLOSE_SQL}) AS deadline
             FROM quiz_attempts qa ${SCHEDULE_JOINS}
            WHERE qa.submitted_at IS NULL
              AND least(qa.deadline_at, ${EFFECTIVE_CLOSE_SQL}) <= now()
            ORDER BY qa.started_at
            LIMIT $1
              FOR UPDATE OF qa SKIP LOCKED`,
          [Math.min(batch, limit - total)],
        )) as { id: string; deadline: Date }[];
        for (const row of rows) {
          const attempt = await tx.findOneByOrFail(QuizAttempt, { id: row.id });
          await this.submission.finalize(tx, attempt, new Date(row.deadline), true);
        }
        return rows.length;
      });
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  /** The touched attempt is past its deadline: submit it now, in its own transaction. */
  async expireIfDue(attemptId: string): Promise<void> {
    // Most touches find nothing due: ask without a transaction or a lock first.
    const due = (await this.dataSource.query(
      `SELECT 1 FROM quiz_attempts qa ${SCHEDULE_JOINS}
        WHERE qa.id = $1 AND qa.submitted_at IS NULL AND least(qa.deadline_at, ${EFFECTIVE_CLOSE_SQL}) <= now()`,
      [attemptId],
    )) as unknown[];
    if (due.length === 0) return;
    await this.dataSource.transaction(async (tx) => {
      const attempt = await this.lockAttempt(tx, attemptId);
      if (attempt.submittedAt) return;
      const deadline = await this.currentDeadline(tx, attempt);
      if (deadline && deadline.getTime() <= Date.now()) await this.submission.finalize(tx, attempt, deadline, true);
    });
  }

  /** The enrolment's attempt in progress, submitted if its time ran out. */
  async expireOpenAttempt(activityId: string, enrolmentId: string): Promise<void> {
    const open = await this.access.openAttempt(this.dataSource.manager, activityId, enrolmentId);
    if (open) await this.expireIfDue(open.id);
  }

  /** The attempt's own deadline, brought forward if the trainee's close time is now earlier. */
  private async currentDeadline(em: EntityManager, attempt: QuizAttempt): Promise<Date | null> {
    const dates = await this.schedule.effective(em, attempt.activityId, attempt.enrolmentId);
    return earliest(attempt.deadlineAt, dates.closesAt ? new Date(dates.closesAt) : null);
  }

  private async lockAttempt(em: EntityManager, attemptId: string): Promise<QuizAttempt> {
    const attempt = await em
      .createQueryBuilder(QuizAttempt, 'qa')
      .setLock('pessimistic_write')
      .where('qa.id = :attemptId', { attemptId })
      .getOne();
    if (!attempt) throw new NotFoundException();
    return attempt;
  }
}
