import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import {
  CSV_IMPORT_COLUMNS,
  ENROLMENT_MODES,
  ENROLMENT_STATUSES,
  type AdminEnrolRequest,
  type CohortInput,
  type CohortUpdate,
  type EnrolmentMode,
  type EnrolmentStatus,
  type RosterQuery,
  type SetTutorsRequest,
} from '@aula/contracts';
import { isIsoDate } from '@aula/server/enrolment';
import { IsOptionalNotNull, IsPrintable, PageQueryDto, SearchText } from '../common/dto';

const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
      defaultMessage: () => 'must be a date written YYYY-MM-DD',
    },
  });

export const CAPACITY_MAX = 100_000;
const TUTORS_MAX = 50;

export class CreateCohortDto implements CohortInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  courseId: string;

  @ApiProperty({ example: 'Cohorte 2027-1 (Bogotá)', maxLength: 160 })
  @IsString()
  @MaxLength(160)
  @IsPrintable()
  name: string;

  @ApiProperty({ example: '2027-02-01', description: "Day in the cohort's time zone" })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2027-05-31', description: 'On or after startDate' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ example: 'America/Bogota' })
  @IsTimeZone({ message: 'must be an IANA time zone such as America/Bogota' })
  timeZone: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: CAPACITY_MAX,
    description: 'null: no limit',
  })
  @ValidateIf((o: CreateCohortDto) => o.capacity !== null)
  @IsInt()
  @Min(1)
  @Max(CAPACITY_MAX)
  capacity: number | null;

  @ApiProperty({ enum: ENROLMENT_MODES })
  @IsIn(ENROLMENT_MODES)
  enrolmentMode: EnrolmentMode;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'People holding the tutor role',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TUTORS_MAX)
  @IsUUID('all', { each: true, message: 'must contain UUIDs only' })
  tutorIds?: string[];
}

export class UpdateCohortDto implements CohortUpdate {
  @ApiPropertyOptional({ maxLength: 160 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(160)
  @IsPrintable()
  name?: string;

  @ApiPropertyOptional({ example: '2027-02-01' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2027-05-31' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo' })
  @IsOptionalNotNull()
  @IsTimeZone({ message: 'must be an IANA time zone such as America/Bogota' })
  timeZone?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: CAPACITY_MAX,
    description: 'null: no limit',
  })
  @ValidateIf((o: UpdateCohortDto) => o.capacity !== null && o.capacity !== undefined)
  @IsInt()
  @Min(1)
  @Max(CAPACITY_MAX)
  capacity?: number | null;

  @ApiPropertyOptional({ enum: ENROLMENT_MODES })
  @IsOptionalNotNull()
  @IsIn(ENROLMENT_MODES)
  enrolmentMode?: EnrolmentMode;
}

export class SetTutorsDto implements SetTutorsRequest {
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  @IsArray()
  @ArrayMaxSize(TUTORS_MAX)
  @IsUUID('all', { each: true, message: 'must contain UUIDs only' })
  tutorIds: string[];
}

export class AdminEnrolDto implements AdminEnrolRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  userId: string;
}

export class CohortListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  courseId?: string;
}

export class RosterQueryDto extends PageQueryDto implements RosterQuery {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;

  @ApiPropertyOptional({ description: 'Part of a name or email; accents and case ignored' })
  @SearchText(100)
  q?: string;
}

export class RosterCsvQueryDto {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;

  @ApiPropertyOptional()
  @SearchText(100)
  q?: string;
}

// ---- response shapes, for the OpenAPI document ----

export class CohortSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2027-02-01' }) startDate: string;
  @ApiProperty({ example: '2027-05-31' }) endDate: string;
  @ApiProperty({ example: 'America/Bogota' }) timeZone: string;
  @ApiProperty({ enum: ENROLMENT_MODES }) enrolmentMode: EnrolmentMode;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null: no limit' }) seatsLeft: number | null;
}

class TutorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

class StatusCountsDto {
  @ApiProperty() pending: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty() active: number;
  @ApiProperty() completed: number;
  @ApiProperty() withdrawn: number;
}

export class CohortViewDto extends CohortSummaryDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ description: "In the reader's language, else the course's default" }) courseTitle: string;
  @ApiProperty({ type: TutorDto, isArray: true }) tutors: TutorDto[];
  @ApiProperty({ type: StatusCountsDto }) counts: StatusCountsDto;
}

export class CohortPageDto {
  @ApiProperty({ type: CohortViewDto, isArray: true }) items: CohortViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class EnrolmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActivityAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
}

export class RosterEntryDto extends EnrolmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ format: 'date-time' }) enrolledAt: string;
}

export class RosterPageDto {
  @ApiProperty({ type: RosterEntryDto, isArray: true }) items: RosterEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class CsvRowReportDto {
  @ApiProperty({ description: 'Line in the file, the header being line 1' }) line: number;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['enrolled', 'invited-and-enrolled', 'waitlisted', 'already-enrolled', 'error'] })
  outcome: string;
  @ApiPropertyOptional() message?: string;
}

class CsvCountsDto {
  @ApiProperty() enrolled: number;
  @ApiProperty({ name: 'invited-and-enrolled' }) 'invited-and-enrolled': number;
  @ApiProperty() waitlisted: number;
  @ApiProperty({ name: 'already-enrolled' }) 'already-enrolled': number;
  @ApiProperty() error: number;
}

export class CsvImportReportDto {
  @ApiProperty({ type: CsvRowReportDto, isArray: true }) rows: CsvRowReportDto[];
  @ApiProperty({ type: CsvCountsDto }) counts: CsvCountsDto;
}

export const CSV_IMPORT_DESCRIPTION = `A \`text/csv\` body (UTF-8, optional BOM, at most 2 MB and 5,000 rows). The header row names the columns, any of: ${CSV_IMPORT_COLUMNS.join(', ')}; only email is required, display_name too for people without an account. For new people, organisation and region are matched to the directory (a text naming exactly one institution of the row's country, or one region, makes them a member of it or places them in it) and otherwise kept for an administrator to resolve. Each row is applied whole or not at all, in its own transaction; the answer reports every row.`;
