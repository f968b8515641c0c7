import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  DIRECTORY_LIMITS,
  LOCALES,
  SLUG_PATTERN,
  STAKEHOLDER_SECTORS,
  WORKSHOP_QUESTION_KINDS,
  WORKSHOP_FORMATS,
  WORKSHOP_KINDS,
  WORKSHOP_LIMITS,
  WORKSHOP_REGISTRATION_MODES,
  WORKSHOP_REGISTRATION_STATUSES,
  WORKSHOP_STATUSES,
  type DeclineRegistrationRequest,
  type Locale,
  type MyWorkshopsQuery,
  type ProposedInstitution,
  type StakeholderSector,
  type Translations,
  type WorkshopQuestion,
  type WorkshopQuestionKind,
  type WorkshopQuestionOption,
  type WorkshopQuestionsRequest,
  type WorkshopFormat,
  type WorkshopInput,
  type WorkshopKind,
  type WorkshopOrganiserQuery,
  type WorkshopQuery,
  type WorkshopRegistrationMode,
  type WorkshopRegistrationQuery,
  type WorkshopRegistrationRequest,
  type WorkshopRegistrationStatus,
  type WorkshopSessionInput,
  type WorkshopSessionUpdate,
  type WorkshopStatus,
  type WorkshopStatusRequest,
  type WorkshopUpdate,
  type WorkshopVenue,
} from '@aula/contracts';
import { HasDecimals, IsOptionalNotNull, IsOptionalOrNull, IsPrintable, PageQueryDto } from '../common/dto';
import { IsCountry, ProposedInstitutionDto } from '../directory/directory.dto';

// ---- pieces ----

const Text = (max: number) =>
  applyDecorators(ApiPropertyOptional({ type: String, maxLength: max }), IsOptionalNotNull(), IsString(), MaxLength(max));

class TitleDto implements Translations {
  @Text(WORKSHOP_LIMITS.title) en?: string;
  @Text(WORKSHOP_LIMITS.title) es?: string;
  @Text(WORKSHOP_LIMITS.title) pt?: string;
}
class SummaryDto implements Translations {
  @Text(WORKSHOP_LIMITS.summary) en?: string;
  @Text(WORKSHOP_LIMITS.summary) es?: string;
  @Text(WORKSHOP_LIMITS.summary) pt?: string;
}
class ObjectivesDto implements Translations {
  @Text(WORKSHOP_LIMITS.objectives) en?: string;
  @Text(WORKSHOP_LIMITS.objectives) es?: string;
  @Text(WORKSHOP_LIMITS.objectives) pt?: string;
}
class SessionTitleDto implements Translations {
  @Text(WORKSHOP_LIMITS.sessionTitle) en?: string;
  @Text(WORKSHOP_LIMITS.sessionTitle) es?: string;
  @Text(WORKSHOP_LIMITS.sessionTitle) pt?: string;
}
class SessionDescriptionDto implements Translations {
  @Text(WORKSHOP_LIMITS.sessionDescription) en?: string;
  @Text(WORKSHOP_LIMITS.sessionDescription) es?: string;
  @Text(WORKSHOP_LIMITS.sessionDescription) pt?: string;
}

/** Text per language (en, es, pt); any other key is refused as `title.fr`. */
const Translated = (cls: new () => Translations, required: boolean) =>
  applyDecorators(
    required
      ? ApiProperty({ type: cls, description: `Per language (${LOCALES.join(', ')})` })
      : ApiPropertyOptional({ type: cls, description: `Per language (${LOCALES.join(', ')}); replaces every language` }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsObject({ message: `must be an object keyed by language (${LOCALES.join(', ')})` }),
    ValidateNested(),
    Type(() => cls),
  );

const Enum = <T extends readonly string[]>(values: T, required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ enum: values }) : ApiPropertyOptional({ enum: values }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsIn(values, { message: `must be one of: ${values.join(', ')}` }),
  );

const isCalendarDate = (value: unknown): boolean => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const IsCalendarDate = () =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => 'must be a date written YYYY-MM-DD' } });

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
/** An ISO 8601 instant with its offset (`2027-03-01T14:00:00Z`): a time without a zone is ambiguous. */
const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
      defaultMessage: () => 'must be an ISO 8601 instant with its offset, such as 2027-03-01T14:00:00Z',
    },
  });

const Url = () =>
  IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'must be an http(s) address' });

const Uuid = (each = false) => IsUUID('all', { each, message: each ? 'must contain UUIDs only' : 'must be a UUID' });

const Count = (max: number) => applyDecorators(IsInt({ message: 'must be a whole number' }), Min(1), Max(max));

export class WorkshopVenueDto implements WorkshopVenue {
  @ApiProperty({ maxLength: WORKSHOP_LIMITS.address }) @IsString() @MaxLength(WORKSHOP_LIMITS.address) @IsPrintable() address: string;
  @ApiProperty({ maxLength: WORKSHOP_LIMITS.city }) @IsString() @MaxLength(WORKSHOP_LIMITS.city) @IsPrintable() city: string;
  @ApiProperty({ example: 'CO' }) @IsCountry() country: string;
}

// ---- workshops ----

export class CreateWorkshopDto implements WorkshopInput {
  @ApiProperty({ pattern: SLUG_PATTERN.source, example: 'interregional-exchange-2027' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'must be 3–80 lower-case letters, digits and hyphens, not starting or ending with a hyphen' })
  slug: string;

  @Enum(WORKSHOP_KINDS, true) kind: WorkshopKind;
  @Enum(LOCALES, true) defaultLocale: Locale;
  @Translated(TitleDto, true) title: Translations;
  @Translated(SummaryDto, false) summary?: Translations;
  @Translated(ObjectivesDto, false) objectives?: Translations;

  @ApiProperty({ format: 'uuid', description: 'A directory institution' }) @Uuid() hostInstitutionId: string;
  @ApiProperty({ format: 'uuid', description: 'A directory region' }) @Uuid() hostRegionId: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'Exactly one for a region-specific workshop' })
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.participatingRegions)
  @Uuid(true)
  participatingRegionIds: string[];

  @Enum(WORKSHOP_FORMATS, true) format: WorkshopFormat;

  @ApiPropertyOptional({ type: WorkshopVenueDto, nullable: true, description: 'Required in person and hybrid' })
  @IsOptionalOrNull()
  @IsObject({ message: 'must be an object with address, city and country' })
  @ValidateNested()
  @Type(() => WorkshopVenueDto)
  venue?: WorkshopVenue | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required online and hybrid; shown only to confirmed participants' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(2000)
  @Url()
  onlineUrl?: string | null;

  @ApiProperty({ example: 'America/Bogota' })
  @IsTimeZone({ message: 'must be an IANA time zone such as America/Bogota' })
  timeZone: string;

  @ApiProperty({ example: '2027-03-01', description: "First day, in the workshop's time zone" }) @IsCalendarDate() startDate: string;
  @ApiProperty({ example: '2027-03-03', description: 'On or after startDate' }) @IsCalendarDate() endDate: string;

  @ApiPropertyOptional({ type: Number, nullable: true, maximum: WORKSHOP_LIMITS.expectedHours })
  @IsOptionalOrNull()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of hours' })
  @HasDecimals(1)
  @Min(0.5)
  @Max(WORKSHOP_LIMITS.expectedHours)
  expectedHours?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: WORKSHOP_LIMITS.capacity, description: 'null: no limit' })
  @IsOptionalOrNull()
  @Count(WORKSHOP_LIMITS.capacity)
  capacity?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, description: 'Seats at most per country; null: no quota' })
  @IsOptionalOrNull()
  @Count(WORKSHOP_LIMITS.capacity)
  countryQuota?: number | null;

  @Enum(WORKSHOP_REGISTRATION_MODES, true) registrationMode: WorkshopRegistrationMode;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) @IsOptionalOrNull() @IsInstant() registrationOpensAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) @IsOptionalOrNull() @IsInstant() registrationClosesAt?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: WORKSHOP_LIMITS.holdHours, description: 'Hours to confirm an offered seat' })
  @IsOptionalNotNull()
  @Count(WORKSHOP_LIMITS.holdHours)
  holdHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'Percent of session hours for a participation certificate' })
  @IsOptionalNotNull()
  @Count(100)
  attendanceThreshold?: number;
}

/** Every field optional; the rules between fields are checked on the result. */
export class UpdateWorkshopDto implements WorkshopUpdate {
  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source })
  @IsOptionalNotNull()
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'must be 3–80 lower-case letters, digits and hyphens, not starting or ending with a hyphen' })
  slug?: string;

  @Enum(WORKSHOP_KINDS, false) kind?: WorkshopKind;
  @Enum(LOCALES, false) defaultLocale?: Locale;
  @Translated(TitleDto, false) title?: Translations;
  @Translated(SummaryDto, false) summary?: Translations;
  @Translated(ObjectivesDto, false) objectives?: Translations;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptionalNotNull() @Uuid() hostInstitutionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptionalNotNull() @Uuid() hostRegionId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.participatingRegions)
  @Uuid(true)
  participatingRegionIds?: string[];

  @Enum(WORKSHOP_FORMATS, false) format?: WorkshopFormat;

  @ApiPropertyOptional({ type: WorkshopVenueDto, nullable: true })
  @IsOptionalOrNull()
  @IsObject({ message: 'must be an object with address, city and country' })
  @ValidateNested()
  @Type(() => WorkshopVenueDto)
  venue?: WorkshopVenue | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptionalOrNull() @IsString() @MaxLength(2000) @Url() onlineUrl?: string | null;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo' })
  @IsOptionalNotNull()
  @IsTimeZone({ message: 'must be an IANA time zone such as America/Bogota' })
  timeZone?: string;

  @ApiPropertyOptional({ example: '2027-03-01' }) @IsOptionalNotNull() @IsCalendarDate() startDate?: string;
  @ApiPropertyOptional({ example: '2027-03-03' }) @IsOptionalNotNull() @IsCalendarDate() endDate?: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptionalOrNull()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of hours' })
  @HasDecimals(1)
  @Min(0.5)
  @Max(WORKSHOP_LIMITS.expectedHours)
  expectedHours?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptionalOrNull() @Count(WORKSHOP_LIMITS.capacity) capacity?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptionalOrNull() @Count(WORKSHOP_LIMITS.capacity) countryQuota?: number | null;
  @Enum(WORKSHOP_REGISTRATION_MODES, false) registrationMode?: WorkshopRegistrationMode;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) @IsOptionalOrNull() @IsInstant() registrationOpensAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) @IsOptionalOrNull() @IsInstant() registrationClosesAt?: string | null;
  @ApiPropertyOptional() @IsOptionalNotNull() @Count(WORKSHOP_LIMITS.holdHours) holdHours?: number;
  @ApiPropertyOptional() @IsOptionalNotNull() @Count(100) attendanceThreshold?: number;
}

export class WorkshopStatusDto implements WorkshopStatusRequest {
  @Enum(WORKSHOP_STATUSES, true) to: WorkshopStatus;

  @ApiPropertyOptional({ maxLength: WORKSHOP_LIMITS.reason, description: 'Told to everyone registered when cancelling' })
  @IsOptional()
  @IsString()
  @MaxLength(WORKSHOP_LIMITS.reason)
  reason?: string;
}

// ---- sessions ----

export class WorkshopSpeakerDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A person with an account; or give `name`' })
  @IsOptional()
  @Uuid()
  userId?: string;

  @ApiPropertyOptional({ maxLength: WORKSHOP_LIMITS.speakerName, description: 'A name as typed; or give `userId`' })
  @IsOptional()
  @IsString()
  @MaxLength(WORKSHOP_LIMITS.speakerName)
  @IsPrintable()
  name?: string;
}

const Speakers = () =>
  applyDecorators(
    ApiPropertyOptional({ type: WorkshopSpeakerDto, isArray: true }),
    IsOptionalNotNull(),
    IsArray(),
    ArrayMaxSize(WORKSHOP_LIMITS.speakers),
    ValidateBy({
      name: 'oneOfUserIdOrName',
      validator: {
        validate: (value: unknown) =>
          !Array.isArray(value) ||
          value.every((s: { userId?: unknown; name?: unknown }) => typeof s !== 'object' || s === null || (s.userId === undefined) !== (s.name === undefined)),
        defaultMessage: () => 'must give each speaker a userId or a name, not both',
      },
    }),
    ValidateNested({ each: true }),
    Type(() => WorkshopSpeakerDto),
  );

export class CreateSessionDto implements WorkshopSessionInput {
  @Translated(SessionTitleDto, true) title: Translations;
  @Translated(SessionDescriptionDto, false) description?: Translations;
  @Speakers() speakers?: WorkshopSpeakerDto[];
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: WORKSHOP_LIMITS.room }) @IsOptionalOrNull() @IsString() @MaxLength(WORKSHOP_LIMITS.room) @IsPrintable() room?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptionalOrNull() @IsString() @MaxLength(2000) @Url() link?: string | null;
  @ApiProperty({ format: 'date-time', example: '2027-03-01T14:00:00Z' }) @IsInstant() startsAt: string;
  @ApiProperty({ format: 'date-time', example: '2027-03-01T16:00:00Z' }) @IsInstant() endsAt: string;
}

export class UpdateSessionDto implements WorkshopSessionUpdate {
  @Translated(SessionTitleDto, false) title?: Translations;
  @Translated(SessionDescriptionDto, false) description?: Translations;
  @Speakers() speakers?: WorkshopSpeakerDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptionalOrNull() @IsString() @MaxLength(WORKSHOP_LIMITS.room) @IsPrintable() room?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptionalOrNull() @IsString() @MaxLength(2000) @Url() link?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptionalNotNull() @IsInstant() startsAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptionalNotNull() @IsInstant() endsAt?: string;
}

// ---- registrations ----

export class WorkshopRegisterDto implements WorkshopRegistrationRequest {
  @ApiPropertyOptional({ example: 'AR', description: "ISO 3166-1 alpha-2; the account's country when left out" })
  @IsOptionalNotNull()
  @IsCountry()
  country?: string;

  @ApiPropertyOptional({ maxLength: WORKSHOP_LIMITS.motivation })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(WORKSHOP_LIMITS.motivation)
  motivation?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The person's institution, from the directory" })
  @IsOptionalNotNull()
  @IsUUID('all', { message: 'must be a UUID' })
  institutionId?: string;

  @ApiPropertyOptional({ type: ProposedInstitutionDto, description: '“My institution is not listed”: a pending institution an administrator confirms' })
  @IsOptionalNotNull()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ProposedInstitutionDto)
  proposedInstitution?: ProposedInstitution;

  @ApiPropertyOptional({ maxLength: DIRECTORY_LIMITS.position })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(DIRECTORY_LIMITS.position)
  @IsPrintable()
  position?: string;

  @ApiPropertyOptional({ enum: STAKEHOLDER_SECTORS })
  @IsOptionalNotNull()
  @IsIn(STAKEHOLDER_SECTORS, { message: `must be one of ${STAKEHOLDER_SECTORS.join(', ')}` })
  sector?: StakeholderSector;

  @ApiPropertyOptional({ format: 'uuid', description: "The person's region, from the directory" })
  @IsOptionalNotNull()
  @IsUUID('all', { message: 'must be a UUID' })
  regionId?: string;

  @ApiPropertyOptional({ maxLength: WORKSHOP_LIMITS.accessibilityNeeds })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(WORKSHOP_LIMITS.accessibilityNeeds)
  accessibilityNeeds?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "Answers to the workshop's questions by question id: text, or the chosen option's id",
  })
  @IsOptionalNotNull()
  @IsObject({ message: 'must be an object of answers by question id' })
  answers?: Record<string, string>;
}

// ---- the application form's questions ----

const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const QuestionId = () =>
  applyDecorators(
    ApiProperty({ example: 'role-in-team', pattern: QUESTION_ID.source }),
    IsString(),
    Matches(QUESTION_ID, { message: 'must be 1 to 40 lowercase letters, digits and hyphens' }),
  );

class PromptDto implements Translations {
  @Text(WORKSHOP_LIMITS.questionPrompt) en?: string;
  @Text(WORKSHOP_LIMITS.questionPrompt) es?: string;
  @Text(WORKSHOP_LIMITS.questionPrompt) pt?: string;
}
class OptionLabelDto implements Translations {
  @Text(WORKSHOP_LIMITS.optionLabel) en?: string;
  @Text(WORKSHOP_LIMITS.optionLabel) es?: string;
  @Text(WORKSHOP_LIMITS.optionLabel) pt?: string;
}

export class WorkshopQuestionOptionDto implements WorkshopQuestionOption {
  @QuestionId() id: string;
  @Translated(OptionLabelDto, true) label: Translations;
}

export class WorkshopQuestionDto implements WorkshopQuestion {
  @QuestionId() id: string;

  @ApiProperty({ enum: WORKSHOP_QUESTION_KINDS })
  @IsIn(WORKSHOP_QUESTION_KINDS, { message: `must be one of ${WORKSHOP_QUESTION_KINDS.join(', ')}` })
  kind: WorkshopQuestionKind;

  @Translated(PromptDto, true) prompt: Translations;

  @ApiProperty()
  @ValidateBy({ name: 'isBoolean', validator: { validate: (v: unknown) => typeof v === 'boolean', defaultMessage: () => 'must be true or false' } })
  required: boolean;

  @ApiPropertyOptional({ type: WorkshopQuestionOptionDto, isArray: true, description: 'Choice questions: at least two' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.questionOptions)
  @ValidateNested({ each: true })
  @Type(() => WorkshopQuestionOptionDto)
  options?: WorkshopQuestionOption[];
}

export class WorkshopQuestionsDto implements WorkshopQuestionsRequest {
  @ApiProperty({ type: WorkshopQuestionDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => WorkshopQuestionDto)
  questions: WorkshopQuestion[];
}

export class MyWorkshopsQueryDto implements MyWorkshopsQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'] })
  @IsOptional()
  @IsIn(['upcoming', 'past'], { message: 'must be upcoming or past' })
  when?: 'upcoming' | 'past';

  @Enum(LOCALES, false) locale?: Locale;
}

export class DeclineDto implements DeclineRegistrationRequest {
  @ApiProperty({ maxLength: WORKSHOP_LIMITS.reason, description: 'Told to the person' })
  @IsString()
  @MaxLength(WORKSHOP_LIMITS.reason)
  @Matches(/\S/, { message: 'must not be blank' })
  reason: string;
}

// ---- queries ----

export class WorkshopQueryDto extends PageQueryDto implements WorkshopQuery {
  @Enum(WORKSHOP_KINDS, false) kind?: WorkshopKind;
  @Enum(WORKSHOP_FORMATS, false) format?: WorkshopFormat;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Uuid() regionId?: string;
  @Enum(['upcoming', 'past'] as const, false) when?: 'upcoming' | 'past';
  @ApiPropertyOptional({ example: '2027-03', description: 'Workshops with at least one day in this month' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month written YYYY-MM' })
  month?: string;
  @Enum(LOCALES, false) locale?: Locale;
}

export class WorkshopLocaleQueryDto {
  @Enum(LOCALES, false) locale?: Locale;
}

export class OrganiserWorkshopQueryDto extends PageQueryDto implements WorkshopOrganiserQuery {
  @Enum(WORKSHOP_STATUSES, false) status?: WorkshopStatus;
}

export class RegistrationQueryDto extends PageQueryDto implements WorkshopRegistrationQuery {
  @Enum(WORKSHOP_REGISTRATION_STATUSES, false) status?: WorkshopRegistrationStatus;
}

export class ExportRegistrationsQueryDto {
  @Enum(WORKSHOP_REGISTRATION_STATUSES, false) status?: WorkshopRegistrationStatus;
}
