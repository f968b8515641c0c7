import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import type { ActivityDatesInput, ExtensionDatesInput } from '@aula/contracts';
import { RequiredNullable } from '../common/dto';

/** An instant with its offset (`2027-03-01T23:59:00-05:00` or `...Z`), as the web app sends it. */
const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
        !Number.isNaN(Date.parse(value)) &&
        Math.abs(Date.parse(value) - Date.now()) < 50 * 366 * 86400_000,
      defaultMessage: () => 'must be a date and time with its offset, e.g. 2027-03-01T23:59:00-05:00',
    },
  });

const nullable = { type: String, nullable: true, format: 'date-time' } as const;

export class ActivityDatesDto implements ActivityDatesInput {
  @ApiProperty({ ...nullable, description: 'Quiz: first moment an attempt may start' })
  @RequiredNullable()
  @IsInstant()
  opensAt: string | null;

  @ApiProperty({ ...nullable, description: 'Assignment: due date (late after it)' })
  @RequiredNullable()
  @IsInstant()
  dueAt: string | null;

  @ApiProperty({ ...nullable, description: 'Quiz: close time. Assignment: cut-off' })
  @RequiredNullable()
  @IsInstant()
  closesAt: string | null;
}

export class ExtensionDatesDto implements ExtensionDatesInput {
  @ApiProperty({ ...nullable, description: "Assignment: the trainee's due date, after the cohort's" })
  @RequiredNullable()
  @IsInstant()
  dueAt: string | null;

  @ApiProperty({ ...nullable, description: "The trainee's close time or cut-off, after the cohort's" })
  @RequiredNullable()
  @IsInstant()
  closesAt: string | null;
}
