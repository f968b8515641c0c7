import { ConflictException, ForbiddenException } from '@nestjs/common';
import type { EnrolmentStatus } from '@aula/contracts';

export class AlreadyEnrolledError extends ConflictException {
  constructor(status: EnrolmentStatus, who: 'you' | 'they' = 'you') {
    super(
      `${who === 'you' ? 'You already have' : 'This person already has'} an enrolment in this cohort (${status}).`,
    );
  }
}

export class InviteOnlyError extends ForbiddenException {
  constructor() {
    super('This cohort takes people by invitation only.');
  }
}

export class CohortEndedError extends ConflictException {
  constructor() {
    super('This cohort has ended.');
  }
}

export class TransitionRefusedError extends ConflictException {
  constructor(action: string, from: EnrolmentStatus) {
    super(`An enrolment that is ${from} cannot be ${action}.`);
  }
}
