import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], prefix = ''): { path: string; message: string }[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, text]) => ({
      path,
      message: rule === 'whitelistValidation' ? 'is not an accepted field' : text.replace(new RegExp(`^${e.property} `), ''),
    }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * DTO validation at the edge: unknown fields are refused (no mass assignment), types are strict,
 * and the 400 names every offending field.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        message: `Invalid fields: ${[...new Set(fields.map((f) => f.path))].join(', ')}`,
        errors: fields,
      });
    },
  });
}
