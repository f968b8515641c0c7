import { ConflictException, ForbiddenException } from '@nestjs/common';
import type { SubmitBlock } from '@aula/contracts';

const MESSAGES: Record<SubmitBlock, string> = {
  'not-enrolled': 'Only trainees enrolled in this course can submit work.',
  'not-active': 'Your enrolment is no longer active: you can read your submission but not change it.',
  closed: 'The cut-off date has passed: this assignment no longer accepts submissions.',
  'late-refused': 'The due date has passed and this assignment does not accept late submissions.',
  'no-resubmission': 'You have already submitted this assignment and it does not accept a new submission.',
};

/** The trainee may not submit (or change their draft) now; the message says why. */
export class SubmissionClosedError extends ConflictException {
  constructor(readonly reason: SubmitBlock) {
    super({ message: MESSAGES[reason], reason });
  }
}

/** Someone who is not a trainee of the course (a tutor or administrator previewing) tried to submit. */
export class NotASubmitterError extends ForbiddenException {
  constructor(reason: Extract<SubmitBlock, 'not-enrolled' | 'not-active'>) {
    super(MESSAGES[reason]);
  }
}

/** The submission changed since the trainee loaded it (submitted in another tab): reload first. */
export class SubmissionChangedError extends ConflictException {
  constructor(readonly latestVersion: number) {
    super({
      message: `This assignment was already submitted from elsewhere (now version ${latestVersion}). Reload to see it.`,
      latestVersion,
    });
  }
}
