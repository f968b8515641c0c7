import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsByteLength,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTIVITY_KINDS,
  CATALOG_TEXT_LIMITS,
  COURSE_STATUSES,
  LOCALES,
  REMINDER_OFFSETS_LIMITS,
  SLUG_PATTERN,
  type ActivityInput,
  type ActivityKind,
  type ActivityUpdate,
  type CourseAdminQuery,
  type CourseInput,
  type CourseStatus,
  type CourseStatusRequest,
  type CourseUpdate,
  type DuplicateCourseRequest,
  type Locale,
  type ModuleInput,
  type ModuleUpdate,
  type ProgrammeInput,
  type ProgrammeUpdate,
  type ReorderRequest,
  type Translations,
} from '@aula/contracts';
import { IsOptionalNotNull, PageQueryDto, SearchText } from '../common/dto';

/** May be left out or sent as null (cleared). */
const IsOptionalOrNull = () =>
  ValidateIf((_: object, value: unknown) => value !== undefined && value !== null);

// ---- translatable text: an object keyed by language; any other key is refused as `title.fr` ----

const PlainText = (max: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: max }),
    IsOptionalNotNull(),
    IsString(),
    MaxLength(max),
  );

const RichText = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      description: 'HTML, sanitised on save',
      maxLength: CATALOG_TEXT_LIMITS.richTextBytes,
    }),
    IsOptionalNotNull(),
    IsString(),
    IsByteLength(0, CATALOG_TEXT_LIMITS.richTextBytes, {
      message: `must be at most ${CATALOG_TEXT_LIMITS.richTextBytes / 1024} kB`,
    }),
  );

export class TitleTranslationsDto implements Translations {
  @PlainText(CATALOG_TEXT_LIMITS.title) en?: string;
  @PlainText(CATALOG_TEXT_LIMITS.title) es?: string;
  @PlainText(CATALOG_TEXT_LIMITS.title) pt?: string;
}

export class SummaryTranslationsDto implements Translations {
  @PlainText(CATALOG_TEXT_LIMITS.summary) en?: string;
  @PlainText(CATALOG_TEXT_LIMITS.summary) es?: string;
  @PlainText(CATALOG_TEXT_LIMITS.summary) pt?: string;
}

export class RichTextTranslationsDto implements Translations {
  @RichText() en?: string;
  @RichText() es?: string;
  @RichText() pt?: string;
}

type TranslationsClass =
  typeof TitleTranslationsDto | typeof SummaryTranslationsDto | typeof RichTextTranslationsDto;

const Translated = (cls: TranslationsClass, options: { required: boolean; example?: Translations }) =>
  applyDecorators(
    options.required
      ? ApiProperty({
          type: cls,
          example: options.example,
          description: `Per language (${LOCALES.join(', ')})`,
        })
      : ApiPropertyOptional({
          type: cls,
          example: options.example,
          description: `Per language (${LOCALES.join(', ')}); replaces every language`,
        }),
    ...(options.required ? [] : [IsOptionalNotNull()]),
    IsObject({ message: `must be an object keyed by language (${LOCALES.join(', ')})` }),
    ValidateNested(),
    Type(() => cls),
  );

const Slug = (required: boolean) =>
  applyDecorators(
    required
      ? ApiProperty({ pattern: SLUG_PATTERN.source, example: 'regional-planning-2027' })
      : ApiPropertyOptional({ pattern: SLUG_PATTERN.source }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsString(),
    Matches(SLUG_PATTERN, {
      message: 'must be 3–80 lower-case letters, digits and hyphens, not starting or ending with a hyphen',
    }),
  );

const DefaultLocale = (required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ enum: LOCALES }) : ApiPropertyOptional({ enum: LOCALES }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsIn(LOCALES),
  );

const Topics = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, isArray: true, example: ['territorial planning', 'governance'] }),
    IsOptionalNotNull(),
    IsArray(),
    ArrayMaxSize(CATALOG_TEXT_LIMITS.topics),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(CATALOG_TEXT_LIMITS.topic, { each: true }),
  );

const EstimatedHours = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1000 }),
    IsOptionalOrNull(),
    IsInt(),
    Min(1),
    Max(1000),
  );

const { minHours, maxHours, maxCount } = REMINDER_OFFSETS_LIMITS;
const ReminderOffsetsHours = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: Number,
      isArray: true,
      nullable: true,
      minItems: 1,
      maxItems: maxCount,
      uniqueItems: true,
      items: { type: 'integer', minimum: minHours, maximum: maxHours },
      description: `Hours before an assignment's due time at which trainees are reminded; null for the platform's default`,
      example: [72, 24],
    }),
    IsOptionalOrNull(),
    IsArray({ message: `must be a list of whole hours, or null for the platform's default` }),
    ArrayMinSize(1, { message: `must hold at least one value, or be null for the platform's default` }),
    ArrayMaxSize(maxCount, { message: `must hold at most ${maxCount} values` }),
    ArrayUnique(undefined, { message: 'must not repeat a value' }),
    IsInt({ each: true, message: 'must hold whole numbers of hours' }),
    Min(minHours, { each: true, message: `must hold hours from ${minHours} to ${maxHours}` }),
    Max(maxHours, { each: true, message: `must hold hours from ${minHours} to ${maxHours}` }),
  );

const ProgrammeId = (required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ format: 'uuid' }) : ApiPropertyOptional({ format: 'uuid' }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsUUID('all', { message: 'must be a UUID' }),
  );

const LinkUrl = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      description: 'For link activities: http(s) address of the page or video',
    }),
    IsOptionalOrNull(),
    IsString(),
    MaxLength(2048),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true },
      { message: 'must be an http or https address' },
    ),
  );

// ---- programmes ----

export class CreateProgrammeDto implements ProgrammeInput {
  @Slug(true) slug: string;
  @DefaultLocale(true) defaultLocale: Locale;
  @Translated(TitleTranslationsDto, {
    required: true,
    example: { en: 'Regional development management', es: 'Gestión del desarrollo regional' },
  })
  title: Translations;
  @Translated(RichTextTranslationsDto, { required: false }) description?: Translations;
}

export class UpdateProgrammeDto implements ProgrammeUpdate {
  @Slug(false) slug?: string;
  @DefaultLocale(false) defaultLocale?: Locale;
  @Translated(TitleTranslationsDto, { required: false }) title?: Translations;
  @Translated(RichTextTranslationsDto, { required: false }) description?: Translations;
}

// ---- courses ----

export class CreateCourseDto implements CourseInput {
  @ProgrammeId(true) programmeId: string;
  @Slug(true) slug: string;
  @DefaultLocale(true) defaultLocale: Locale;
  @Translated(TitleTranslationsDto, {
    required: true,
    example: { en: 'Territorial planning', es: 'Planificación territorial' },
  })
  title: Translations;
  @Translated(SummaryTranslationsDto, { required: false }) summary?: Translations;
  @Translated(RichTextTranslationsDto, { required: false }) description?: Translations;
  @Topics() topics?: string[];
  @EstimatedHours() estimatedHours?: number | null;
  @ReminderOffsetsHours() reminderOffsetsHours?: number[] | null;
}

export class UpdateCourseDto implements CourseUpdate {
  @ProgrammeId(false) programmeId?: string;
  @Slug(false) slug?: string;
  @DefaultLocale(false) defaultLocale?: Locale;
  @Translated(TitleTranslationsDto, { required: false }) title?: Translations;
  @Translated(SummaryTranslationsDto, { required: false }) summary?: Translations;
  @Translated(RichTextTranslationsDto, { required: false }) description?: Translations;
  @Topics() topics?: string[];
  @EstimatedHours() estimatedHours?: number | null;
  @ReminderOffsetsHours() reminderOffsetsHours?: number[] | null;
}

export class CourseStatusDto implements CourseStatusRequest {
  @ApiProperty({ enum: COURSE_STATUSES })
  @IsIn(COURSE_STATUSES)
  status: CourseStatus;
}

export class DuplicateCourseDto implements DuplicateCourseRequest {
  @Slug(true) slug: string;
}

export class ReorderDto implements ReorderRequest {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Every child id, in the new order',
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'must hold UUIDs only' })
  ids: string[];
}

export class CourseQueryDto extends PageQueryDto implements CourseAdminQuery {
  @ApiPropertyOptional({
    description: 'Part of a title, summary (any language; accents and case ignored) or slug',
  })
  @SearchText()
  q?: string;

  @ApiPropertyOptional({ enum: COURSE_STATUSES })
  @IsOptional()
  @IsIn(COURSE_STATUSES)
  status?: CourseStatus;
}

// ---- modules and activities ----

export class CreateModuleDto implements ModuleInput {
  @Translated(TitleTranslationsDto, { required: true, example: { en: 'Diagnosis', es: 'Diagnóstico' } })
  title: Translations;
}

export class UpdateModuleDto implements ModuleUpdate {
  @Translated(TitleTranslationsDto, { required: false }) title?: Translations;
}

export class CreateActivityDto implements ActivityInput {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @Translated(TitleTranslationsDto, { required: true }) title: Translations;
  @Translated(RichTextTranslationsDto, { required: false }) body?: Translations;
  @LinkUrl() url?: string | null;

  @ApiPropertyOptional({ default: true, description: 'Counts toward completing the course' })
  @IsOptionalNotNull()
  @IsBoolean()
  required?: boolean;
}

export class UpdateActivityDto implements ActivityUpdate {
  @Translated(TitleTranslationsDto, { required: false }) title?: Translations;
  @Translated(RichTextTranslationsDto, { required: false }) body?: Translations;
  @LinkUrl() url?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  required?: boolean;
}

// ---- response shapes, for the OpenAPI document ----

export class StoredFileViewDto {
  @ApiProperty() name: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
}

export class ActivityAdminViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
  @ApiProperty({ type: TitleTranslationsDto }) title: Translations;
  @ApiProperty({ type: RichTextTranslationsDto }) body: Translations;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: StoredFileViewDto, nullable: true }) file: StoredFileViewDto | null;
  @ApiProperty() required: boolean;
}

export class ModuleAdminViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ type: TitleTranslationsDto }) title: Translations;
  @ApiProperty({ type: ActivityAdminViewDto, isArray: true }) activities: ActivityAdminViewDto[];
}

export class CourseAdminViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: COURSE_STATUSES }) status: CourseStatus;
  @ApiProperty({ enum: LOCALES }) defaultLocale: Locale;
  @ApiProperty({ type: TitleTranslationsDto }) title: Translations;
  @ApiProperty({ type: SummaryTranslationsDto }) summary: Translations;
  @ApiProperty({ type: RichTextTranslationsDto }) description: Translations;
  @ApiProperty({ type: String, isArray: true }) topics: string[];
  @ApiProperty({ enum: LOCALES, isArray: true, description: 'Languages with a title' }) locales: Locale[];
  @ApiProperty({ type: Number, nullable: true }) estimatedHours: number | null;
  @ApiProperty({
    type: Number,
    isArray: true,
    nullable: true,
    description: "Largest first; null: the platform's default (`reminderOffsetsHours` of `GET /api/platform`)",
  })
  reminderOffsetsHours: number[] | null;
  @ApiProperty({ type: ModuleAdminViewDto, isArray: true, description: 'Empty in lists' })
  modules: ModuleAdminViewDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CourseAdminPageDto {
  @ApiProperty({ type: CourseAdminViewDto, isArray: true }) items: CourseAdminViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ProgrammeViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: LOCALES }) defaultLocale: Locale;
  @ApiProperty({ type: TitleTranslationsDto }) title: Translations;
  @ApiProperty({ type: RichTextTranslationsDto }) description: Translations;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProgrammePageDto {
  @ApiProperty({ type: ProgrammeViewDto, isArray: true }) items: ProgrammeViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
