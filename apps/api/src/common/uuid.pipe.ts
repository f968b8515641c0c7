import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** A path id that is not a UUID is a 400 naming the parameter, never a database error. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadRequestException({ message: `${name} must be a UUID`, errors: [{ path: name, message: 'must be a UUID' }] }),
  });
