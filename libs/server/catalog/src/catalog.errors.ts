import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { Locale } from '@aula/contracts';

type FieldErrors = { path: string; message: string }[];

export class CatalogNotFoundError extends NotFoundException {
  constructor(what: 'programme' | 'course' | 'module' | 'activity' | 'file') {
    super(what === 'file' ? 'This activity has no file.' : `No such ${what}.`);
  }
}

export class SlugTakenError extends ConflictException {
  constructor(what: 'programme' | 'course') {
    super({
      message: `Another ${what} already uses this slug.`,
      errors: [{ path: 'slug', message: 'is already in use' }],
    });
  }
}

/** The default language is the fallback of every reader, so its title must exist. */
export class DefaultTitleMissingError extends BadRequestException {
  constructor(locale: Locale, prefix = '') {
    super({
      message: `A title in the default language (${locale}) is required.`,
      errors: [{ path: `${prefix}title.${locale}`, message: 'is required in the default language' }],
    });
  }
}

export class InvalidFieldError extends BadRequestException {
  constructor(path: string, message: string, detail?: string) {
    super({ message: detail ?? `${path} ${message}`, errors: [{ path, message }] });
  }
}

/** Publishing needs content a learner can follow; the errors say what is missing where. */
export class CourseNotPublishableError extends ConflictException {
  constructor(errors: FieldErrors) {
    super({
      message: `The course cannot be published yet: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`,
      errors,
    });
  }
}

export class WrongActivityKindError extends ConflictException {
  constructor(message: string) {
    super({ message, errors: [{ path: 'kind', message }] });
  }
}
