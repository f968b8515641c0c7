import { ConflictException, NotFoundException } from '@nestjs/common';
import type { WorkshopStatus, WorkshopSurveyResponseView } from '@aula/contracts';

/** A material or outcome entry absent from this workshop (or not visible to the reader). */
export class WorkshopItemNotFoundError extends NotFoundException {
  constructor(what: 'material' | 'outcome' | 'report') {
    super(`No such ${what}.`);
  }
}

/** The survey opens once the workshop is held. */
export class SurveyNotOpenError extends ConflictException {
  constructor(status: WorkshopStatus) {
    super({ message: `The feedback survey opens once the workshop is held; it is ${status}.`, extensions: { currentStatus: status } });
  }
}

/** A second answer: the 409 carries the first (`response`), or says it was given anonymously. */
export class SurveyAlreadyAnsweredError extends ConflictException {
  constructor(response: WorkshopSurveyResponseView | null) {
    super({
      message: response ? 'You have already answered this survey.' : 'You have already answered this survey, anonymously.',
      extensions: { response, anonymous: !response },
    });
  }
}

/** Questions cannot change once answers came in: they would no longer match them. */
export class SurveyHasAnswersError extends ConflictException {
  constructor(responses: number) {
    super({ message: `The survey has ${responses} answers already; its questions can no longer change.`, extensions: { responses } });
  }
}
