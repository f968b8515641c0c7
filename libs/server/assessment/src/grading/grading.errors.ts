import { ConflictException } from '@nestjs/common';

/** Someone else saved this grade since the caller read it: reload, compare, save again. */
export class GradeChangedError extends ConflictException {
  constructor(readonly currentVersion: number) {
    super(
      `This grade was changed by someone else since you opened it (now version ${currentVersion}). Reload it and save again.`,
    );
  }
}

export class GradeNotReleasableError extends ConflictException {
  constructor() {
    super('A grade without points cannot be released.');
  }
}
