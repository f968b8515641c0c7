import { BadRequestException } from '@nestjs/common';

/** A 400 naming the field, for rules that need the database to check (course exists, tutor role). */
export function fieldError(path: string, message: string, detail?: string): BadRequestException {
  return new BadRequestException({
    message: detail ?? `Invalid fields: ${path}`,
    errors: [{ path, message }],
  });
}
