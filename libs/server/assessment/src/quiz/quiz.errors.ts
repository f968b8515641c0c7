import { ConflictException } from '@nestjs/common';
import type { QuizUnavailableReason } from '@aula/contracts';

const MESSAGES: Record<QuizUnavailableReason, string> = {
  not_enrolled: 'Only trainees with an active enrolment can take this quiz.',
  not_open: 'This quiz is not open yet.',
  closed: 'This quiz is closed.',
  no_attempts_left: 'You have used every attempt this quiz allows.',
  no_questions: 'This quiz has no questions yet.',
};

/** A new attempt cannot start now; `reason` says why (the web app words it in the reader's language). */
export class QuizUnavailableError extends ConflictException {
  constructor(readonly reason: QuizUnavailableReason) {
    super({ message: MESSAGES[reason], reason });
  }
}

/** The attempt was submitted (by the trainee or because time ran out): answers can no longer change. */
export class AttemptClosedError extends ConflictException {
  constructor(autoSubmitted: boolean) {
    super(
      autoSubmitted
        ? 'Time is up: this attempt was submitted automatically with the answers saved before the deadline.'
        : 'This attempt was already submitted.',
    );
  }
}

/** A review needs a submitted attempt. */
export class AttemptInProgressError extends ConflictException {
  constructor() {
    super('This attempt is still in progress: its review opens once it is submitted.');
  }
}
