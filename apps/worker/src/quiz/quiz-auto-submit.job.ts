import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { MaintenanceJobs } from '@aula/contracts';
import { QuizExpiryService } from '@aula/server/assessment';

export const QUIZ_AUTO_SUBMIT = 'quiz-auto-submit' satisfies keyof MaintenanceJobs;

/**
 * Submits quiz attempts whose time ran out (time limit or close time) even if nobody touches them
 * again, so grades and completion do not wait for the trainee to come back. Runs every minute on
 * the maintenance queue; several workers running it at once take different rows (SKIP LOCKED).
 */
@Injectable()
export class QuizAutoSubmitJob {
  private readonly logger = new Logger(QuizAutoSubmitJob.name);

  constructor(private readonly quizzes: QuizExpiryService) {}

  /** Keyed by id: several workers upserting it still yield one schedule. */
  async schedule(queue: Queue): Promise<void> {
    await queue.upsertJobScheduler(
      QUIZ_AUTO_SUBMIT,
      { every: 60_000 },
      { name: QUIZ_AUTO_SUBMIT, data: {} satisfies MaintenanceJobs[typeof QUIZ_AUTO_SUBMIT] },
    );
  }

  async run(): Promise<{ submitted: number }> {
    const submitted = await this.quizzes.sweepExpired();
    if (submitted > 0) this.logger.log(`submitted ${submitted} quiz attempts whose time ran out`);
    return { submitted };
  }
}
