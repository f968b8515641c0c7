import { ConflictException, ForbiddenException, HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';

export class InvalidCredentialsError extends UnauthorizedException {
  constructor() {
    super('The email or password is not correct.');
  }
}

export class TooManyAttemptsError extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed sign-in attempts. Try again later.', HttpStatus.TOO_MANY_REQUESTS);
  }
}

export class EmailTakenError extends ConflictException {
  constructor() {
    super({ message: 'An account with this email already exists.', errors: [{ path: 'email', message: 'is already registered' }] });
  }
}

export class RegistrationClosedError extends ForbiddenException {
  constructor() {
    super('Registration is closed on this platform. Ask an administrator for an invitation.');
  }
}

export class InvalidSessionError extends UnauthorizedException {
  constructor() {
    super('The session has ended. Sign in again.');
  }
}
