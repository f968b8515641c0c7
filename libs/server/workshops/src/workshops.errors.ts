import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { WorkshopRegistrationStatus, WorkshopRegistrationView, WorkshopStatus } from '@aula/contracts';

export type WorkshopRecord = 'workshop' | 'session' | 'registration' | 'person' | 'certificate';

/** Absent, or not visible to the reader: the same answer, so ids cannot be probed. */
export class WorkshopNotFoundError extends NotFoundException {
  constructor(what: WorkshopRecord = 'workshop') {
    super(`No such ${what}.`);
  }
}

/** An illegal lifecycle step: the 409 names the current state (also as the `status` member). */
export class WorkshopTransitionError extends ConflictException {
  constructor(from: WorkshopStatus, to: WorkshopStatus) {
    super({
      message: `This workshop is ${from}; it cannot become ${to}.`,
      extensions: { currentStatus: from },
    });
  }
}

export class WorkshopSlugTakenError extends ConflictException {
  constructor() {
    super({
      message: 'Another workshop already uses this slug.',
      errors: [{ path: 'slug', message: 'is already in use' }],
    });
  }
}

/** Registering twice: the 409 carries the registration that exists (`registration`). */
export class AlreadyRegisteredError extends ConflictException {
  constructor(registration: WorkshopRegistrationView) {
    super({
      message: `You are already registered for this workshop (${registration.status}).`,
      extensions: { registration },
    });
  }
}

export class RegistrationClosedError extends ConflictException {
  constructor(status: WorkshopStatus) {
    super({
      message:
        status === 'published'
          ? 'Registration for this workshop is not open at this time.'
          : `Registration is closed: this workshop is ${status}.`,
      extensions: { currentStatus: status },
    });
  }
}

export class InvitationOnlyError extends ForbiddenException {
  constructor() {
    super('This workshop takes participants by invitation only.');
  }
}

export class RegistrationTransitionError extends ConflictException {
  constructor(action: string, from: WorkshopRegistrationStatus) {
    super({ message: `A registration that is ${from} cannot be ${action}.`, extensions: { currentStatus: from } });
  }
}

export class OfferExpiredError extends ConflictException {
  constructor(expiredAt: Date) {
    super({
      message: `This seat offer expired at ${expiredAt.toISOString()}.`,
      extensions: { offerExpiresAt: expiredAt.toISOString() },
    });
  }
}

export class WorkshopStartedError extends ConflictException {
  constructor(status: WorkshopStatus) {
    super({ message: `This workshop has begun (${status}): a registration can no longer be withdrawn.`, extensions: { currentStatus: status } });
  }
}

/** Check-in with a code no registration has (mistyped, or not an Aula code). */
export class UnknownCheckInCodeError extends NotFoundException {
  constructor() {
    super('No participant has this check-in code. Check the code and try again.');
  }
}

/** Check-in with the code of a registration that holds no seat now (withdrawn, declined, waitlisted...). */
export class CheckInNotConfirmedError extends ConflictException {
  constructor(displayName: string, status: WorkshopRegistrationStatus) {
    super({
      message: `${displayName}'s registration is ${status}, not confirmed: they cannot be checked in.`,
      extensions: { currentStatus: status },
    });
  }
}

/** Check-in with a code that belongs to another workshop's participant. */
export class CheckInOtherWorkshopError extends ConflictException {
  constructor() {
    super('This check-in code belongs to another workshop, not this one.');
  }
}

/** An offline scan sent again after the person it checked in was marked absent on the roll: not applied again. */
export class ScanSupersededError extends ConflictException {
  constructor() {
    super('This scan was recorded before, and the participant has been marked absent since: it is not applied again.');
  }
}
