import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsString, IsUrl, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  LOCALES,
  WORKSHOP_OUTCOME_KINDS,
  WORKSHOP_OUTCOME_LIMITS,
  WORKSHOP_RATING_MAX,
  WORKSHOP_RATING_MIN,
  WORKSHOP_SURVEY_QUESTION_KINDS,
  type Locale,
  type Translations,
  type WorkshopMaterialFileQuery,
  type WorkshopMaterialLinkInput,
  type WorkshopOutcomeInput,
  type WorkshopOutcomeKind,
  type WorkshopOutcomeUpdate,
  type WorkshopSurveyAnswer,
  type WorkshopSurveyInput,
  type WorkshopSurveyQuestion,
  type WorkshopSurveyQuestionKind,
  type WorkshopSurveyResponseInput,
} from '@aula/contracts';
import { IsOptionalNotNull, IsOptionalOrNull, IsPrintable } from '../common/dto';

const Enum = <T extends readonly string[]>(values: T, required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ enum: values }) : ApiPropertyOptional({ enum: values }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsIn(values, { message: `must be one of: ${values.join(', ')}` }),
  );

const Title = () =>
  applyDecorators(
    ApiProperty({ maxLength: WORKSHOP_OUTCOME_LIMITS.materialTitle }),
    IsString(),
    MaxLength(WORKSHOP_OUTCOME_LIMITS.materialTitle),
    IsPrintable(),
  );

const Uuid = () => IsUUID('all', { message: 'must be a UUID' });

// ---- materials ----

export class MaterialLinkDto implements WorkshopMaterialLinkInput {
  @Title() title: string;

  @ApiProperty({ maxLength: WORKSHOP_OUTCOME_LIMITS.url })
  @IsString()
  @MaxLength(WORKSHOP_OUTCOME_LIMITS.url)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'must be an http(s) address' })
  url: string;

  @Enum(LOCALES, true) language: Locale;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A session of the workshop; left out: the workshop as a whole' })
  @IsOptionalOrNull()
  @Uuid()
  sessionId?: string | null;
}

export class MaterialFileQueryDto implements WorkshopMaterialFileQuery {
  @Title() title: string;
  @Enum(LOCALES, true) language: Locale;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @Uuid()
  sessionId?: string;
}

// ---- survey ----

const Prompt = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: WORKSHOP_OUTCOME_LIMITS.prompt }),
    IsOptionalNotNull(),
    IsString(),
    MaxLength(WORKSHOP_OUTCOME_LIMITS.prompt),
  );

class PromptDto implements Translations {
  @Prompt() en?: string;
  @Prompt() es?: string;
  @Prompt() pt?: string;
}

export class SurveyQuestionDto implements WorkshopSurveyQuestion {
  @ApiProperty({ example: 'venue', description: 'Lower-case letters, digits and dashes; answers refer to it' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'must be lower-case letters, digits and dashes (at most 40)' })
  id: string;

  @Enum(WORKSHOP_SURVEY_QUESTION_KINDS, true) kind: WorkshopSurveyQuestionKind;

  @ApiProperty({ type: PromptDto, description: `Per language (${LOCALES.join(', ')})` })
  @IsObject({ message: `must be an object keyed by language (${LOCALES.join(', ')})` })
  @ValidateNested()
  @Type(() => PromptDto)
  prompt: Translations;

  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  required: boolean;
}

export class SaveSurveyDto implements WorkshopSurveyInput {
  @ApiProperty({ type: [SurveyQuestionDto], description: 'An empty list brings back the default survey' })
  @IsArray()
  @ArrayMaxSize(WORKSHOP_OUTCOME_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions: SurveyQuestionDto[];
}

export class SurveyAnswerDto implements WorkshopSurveyAnswer {
  @ApiProperty() @IsString() @MaxLength(40) questionId: string;

  @ApiPropertyOptional({ minimum: WORKSHOP_RATING_MIN, maximum: WORKSHOP_RATING_MAX })
  @IsOptionalNotNull()
  @IsInt({ message: `must be a whole number from ${WORKSHOP_RATING_MIN} to ${WORKSHOP_RATING_MAX}` })
  rating?: number;

  @ApiPropertyOptional({ maxLength: WORKSHOP_OUTCOME_LIMITS.textAnswer })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(WORKSHOP_OUTCOME_LIMITS.textAnswer)
  text?: string;
}

export class SurveyResponseDto implements WorkshopSurveyResponseInput {
  @ApiProperty({ type: [SurveyAnswerDto] })
  @IsArray()
  @ArrayMaxSize(WORKSHOP_OUTCOME_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerDto)
  answers: SurveyAnswerDto[];

  @ApiPropertyOptional({ description: 'Stored without your id; you still answer only once' })
  @IsOptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  anonymous?: boolean;
}

// ---- outcomes ----

const Topic = (required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ maxLength: WORKSHOP_OUTCOME_LIMITS.topic }) : ApiPropertyOptional({ maxLength: WORKSHOP_OUTCOME_LIMITS.topic }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsString(),
    MaxLength(WORKSHOP_OUTCOME_LIMITS.topic),
    IsPrintable(),
  );

const Description = (required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ maxLength: WORKSHOP_OUTCOME_LIMITS.description }) : ApiPropertyOptional({ maxLength: WORKSHOP_OUTCOME_LIMITS.description }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsString(),
    MaxLength(WORKSHOP_OUTCOME_LIMITS.description),
    Matches(/\S/, { message: 'is required' }),
  );

export class OutcomeDto implements WorkshopOutcomeInput {
  @Enum(WORKSHOP_OUTCOME_KINDS, true) kind: WorkshopOutcomeKind;
  @ApiProperty({ format: 'uuid', description: 'A directory region' }) @Uuid() regionId: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Offers and requests: the region addressed; null: any region' })
  @IsOptionalOrNull()
  @Uuid()
  toRegionId?: string | null;
  @Topic(true) topic: string;
  @Description(true) description: string;
}

export class UpdateOutcomeDto implements WorkshopOutcomeUpdate {
  @Enum(WORKSHOP_OUTCOME_KINDS, false) kind?: WorkshopOutcomeKind;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptionalNotNull() @Uuid() regionId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptionalOrNull()
  @Uuid()
  toRegionId?: string | null;
  @Topic(false) topic?: string;
  @Description(false) description?: string;
}
