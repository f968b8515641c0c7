import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  LOCALES,
  QUESTION_KINDS,
  QUIZ_GRADING_METHODS,
  QUIZ_LIMITS,
  QUIZ_QUESTION_MODES,
  QUIZ_REVIEW_WHEN,
  type Locale,
  type QuestionInput,
  type QuestionKind,
  type QuestionOptionInput,
  type QuestionUpdate,
  type QuizAnswers,
  type QuizGradingMethod,
  type QuizQuestionMode,
  type QuizReviewWhen,
  type QuizSettingsInput,
  type QuizUnavailableReason,
  type SaveAnswersRequest,
  type Translations,
} from '@aula/contracts';
import { HasDecimals, IsOptionalNotNull, IsOptionalOrNull, RequiredNullable } from '../common/dto';

const Text = (max: number) =>
  applyDecorators(ApiPropertyOptional({ type: String, maxLength: max }), IsOptionalNotNull(), IsString(), MaxLength(max));

export class PromptTextDto implements Translations {
  @Text(QUIZ_LIMITS.prompt) en?: string;
  @Text(QUIZ_LIMITS.prompt) es?: string;
  @Text(QUIZ_LIMITS.prompt) pt?: string;
}

export class OptionTextDto implements Translations {
  @Text(QUIZ_LIMITS.optionText) en?: string;
  @Text(QUIZ_LIMITS.optionText) es?: string;
  @Text(QUIZ_LIMITS.optionText) pt?: string;
}

export class FeedbackTextDto implements Translations {
  @Text(QUIZ_LIMITS.feedback) en?: string;
  @Text(QUIZ_LIMITS.feedback) es?: string;
  @Text(QUIZ_LIMITS.feedback) pt?: string;
}

const Translated = (cls: typeof PromptTextDto | typeof OptionTextDto | typeof FeedbackTextDto, required: boolean) =>
  applyDecorators(
    required
      ? ApiProperty({ type: cls, description: `Per language (${LOCALES.join(', ')})` })
      : ApiPropertyOptional({ type: cls, description: `Per language (${LOCALES.join(', ')})` }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsObject({ message: `must be an object keyed by language (${LOCALES.join(', ')})` }),
    ValidateNested(),
    Type(() => cls),
  );

export class QuestionOptionDto implements QuestionOptionInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'Keep it when editing; generated when left out' })
  @IsOptionalNotNull()
  @IsUUID()
  id?: string;

  @Translated(OptionTextDto, true) text: Translations;

  @ApiProperty() @IsBoolean() correct: boolean;

  @Translated(FeedbackTextDto, false) feedback?: Translations;
}

class QuestionFieldsDto {
  @Translated(FeedbackTextDto, false) feedback?: Translations;

  @ApiPropertyOptional({ type: QuestionOptionDto, isArray: true, description: 'single / multiple choice' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(QUIZ_LIMITS.options)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options?: QuestionOptionDto[];

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'true_false: the right answer' })
  @IsOptionalOrNull()
  @IsBoolean()
  correctBoolean?: boolean | null;

  @ApiPropertyOptional({ type: String, isArray: true, description: 'short_answer: answers that count as right' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(QUIZ_LIMITS.acceptedAnswers)
  @IsString({ each: true })
  @MaxLength(QUIZ_LIMITS.acceptedAnswer, { each: true })
  acceptedAnswers?: string[];

  @ApiPropertyOptional({ description: 'short_answer: "Lima" and "lima" differ' })
  @IsOptionalNotNull()
  @IsBoolean()
  caseSensitive?: boolean;

  @ApiPropertyOptional({ description: 'short_answer: "Bogotá" and "Bogota" differ' })
  @IsOptionalNotNull()
  @IsBoolean()
  accentSensitive?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'numeric: the answer' })
  @IsOptionalOrNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  numericAnswer?: number | null;

  @ApiPropertyOptional({ minimum: 0, description: 'numeric: how far off still counts' })
  @IsOptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  tolerance?: number;

  @ApiPropertyOptional({ minimum: 0.01, maximum: QUIZ_LIMITS.questionPoints, default: 1 })
  @IsOptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasDecimals(2)
  @Min(0.01)
  @Max(QUIZ_LIMITS.questionPoints)
  points?: number;
}

export class CreateQuestionDto extends QuestionFieldsDto implements QuestionInput {
  @ApiProperty({ enum: QUESTION_KINDS }) @IsIn(QUESTION_KINDS) kind: QuestionKind;
  @Translated(PromptTextDto, true) prompt: Translations;
}

export class UpdateQuestionDto extends QuestionFieldsDto implements QuestionUpdate {
  @ApiPropertyOptional({ enum: QUESTION_KINDS }) @IsOptionalNotNull() @IsIn(QUESTION_KINDS) kind?: QuestionKind;
  @Translated(PromptTextDto, false) prompt?: Translations;
  @ApiPropertyOptional({ description: 'false brings an archived question back to the bank' })
  @IsOptionalNotNull()
  @IsBoolean()
  archived?: boolean;
}

export class QuestionListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Include archived questions' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeArchived?: 'true' | 'false';
}

export class QuizSettingsDto implements QuizSettingsInput {
  @ApiProperty({ enum: QUIZ_QUESTION_MODES }) @IsIn(QUIZ_QUESTION_MODES) questionMode: QuizQuestionMode;

  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'fixed: the questions, in order' })
  @IsArray()
  @ArrayMaxSize(QUIZ_LIMITS.fixedQuestions)
  @IsUUID('all', { each: true })
  questionIds: string[];

  @ApiProperty({ type: Number, nullable: true, minimum: 1, description: 'random: how many to draw' })
  @RequiredNullable()
  @IsInt()
  @Min(1)
  @Max(QUIZ_LIMITS.randomCount)
  randomCount: number | null;

  @ApiProperty() @IsBoolean() shuffleQuestions: boolean;
  @ApiProperty() @IsBoolean() shuffleOptions: boolean;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: QUIZ_LIMITS.timeLimitMinutes })
  @RequiredNullable()
  @IsInt()
  @Min(1)
  @Max(QUIZ_LIMITS.timeLimitMinutes)
  timeLimitMinutes: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, description: 'null: unlimited' })
  @RequiredNullable()
  @IsInt()
  @Min(1)
  @Max(QUIZ_LIMITS.attemptsAllowed)
  attemptsAllowed: number | null;

  @ApiProperty({ enum: QUIZ_GRADING_METHODS }) @IsIn(QUIZ_GRADING_METHODS) gradingMethod: QuizGradingMethod;
  @ApiProperty({ enum: QUIZ_REVIEW_WHEN }) @IsIn(QUIZ_REVIEW_WHEN) showCorrectAnswers: QuizReviewWhen;
  @ApiProperty({ enum: QUIZ_REVIEW_WHEN }) @IsIn(QUIZ_REVIEW_WHEN) showFeedback: QuizReviewWhen;

  @ApiProperty({ minimum: 0.01, maximum: QUIZ_LIMITS.maxPoints })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasDecimals(2)
  @Min(0.01)
  @Max(QUIZ_LIMITS.maxPoints)
  maxPoints: number;
}

export class SaveAnswersDto implements SaveAnswersRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Question id → answer: option id (single), option ids (multiple), boolean, text, number; null clears',
    example: { '5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44': true },
  })
  @IsObject({ message: 'must be an object of question id → answer' })
  answers: QuizAnswers;
}

// ---- response shapes, for the OpenAPI document ----

class QuestionOptionViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: OptionTextDto }) text: Translations;
  @ApiProperty() correct: boolean;
  @ApiProperty({ type: FeedbackTextDto }) feedback: Translations;
}

export class QuestionAdminViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty({ type: PromptTextDto }) prompt: Translations;
  @ApiProperty({ type: QuestionOptionViewDto, isArray: true }) options: QuestionOptionViewDto[];
  @ApiProperty({ type: Boolean, nullable: true }) correctBoolean: boolean | null;
  @ApiProperty({ type: String, isArray: true }) acceptedAnswers: string[];
  @ApiProperty() caseSensitive: boolean;
  @ApiProperty() accentSensitive: boolean;
  @ApiProperty({ type: Number, nullable: true }) numericAnswer: number | null;
  @ApiProperty() tolerance: number;
  @ApiProperty() points: number;
  @ApiProperty({ type: FeedbackTextDto }) feedback: Translations;
  @ApiProperty() archived: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class QuestionDeleteResultDto {
  @ApiProperty() deleted: boolean;
  @ApiProperty() archived: boolean;
}

export class QuizSettingsViewDto extends QuizSettingsDto {
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() bankSize: number;
}

class QuizAttemptSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty() autoSubmitted: boolean;
  @ApiProperty({ type: Number, nullable: true }) points: number | null;
  @ApiProperty() maxPoints: number;
  @ApiProperty() reviewAvailable: boolean;
}

class QuizGradeDto {
  @ApiProperty({ type: Number, nullable: true }) points: number | null;
  @ApiProperty() maxPoints: number;
}

export class QuizOverviewDto {
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) opensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) timeLimitMinutes: number | null;
  @ApiProperty({ type: Number, nullable: true }) attemptsAllowed: number | null;
  @ApiProperty() attemptsUsed: number;
  @ApiProperty({ enum: QUIZ_GRADING_METHODS }) gradingMethod: QuizGradingMethod;
  @ApiProperty() questionCount: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) inProgressAttemptId: string | null;
  @ApiProperty() canStart: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['not_enrolled', 'not_open', 'closed', 'no_attempts_left', 'no_questions'] })
  unavailableReason: QuizUnavailableReason | null;
  @ApiProperty({ type: QuizGradeDto, nullable: true }) grade: QuizGradeDto | null;
  @ApiProperty({ type: QuizAttemptSummaryDto, isArray: true }) attempts: QuizAttemptSummaryDto[];
}

class AttemptOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
}

class AttemptQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty() prompt: string;
  @ApiProperty({ type: AttemptOptionDto, isArray: true }) options: AttemptOptionDto[];
  @ApiProperty() points: number;
}

export class QuizAttemptViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadlineAt: string | null;
  @ApiProperty({ format: 'date-time' }) serverNow: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty() autoSubmitted: boolean;
  @ApiProperty({ type: AttemptQuestionDto, isArray: true }) questions: AttemptQuestionDto[];
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: QuizAnswers;
  @ApiProperty({ type: Number, nullable: true }) points: number | null;
  @ApiProperty() maxPoints: number;
}

class ReviewQuestionDto extends AttemptQuestionDto {
  @ApiProperty({ nullable: true, description: 'The answer given' }) answer: unknown;
  @ApiProperty({ type: Number, nullable: true }) earned: number | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) correct: unknown;
  @ApiProperty({ type: String, nullable: true }) feedback: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: { type: 'string' } })
  optionFeedback: Record<string, string> | null;
}

export class QuizReviewDto {
  @ApiProperty({ format: 'uuid' }) attemptId: string;
  @ApiProperty() points: number;
  @ApiProperty() maxPoints: number;
  @ApiProperty() correctAnswersShown: boolean;
  @ApiProperty() feedbackShown: boolean;
  @ApiProperty({ type: ReviewQuestionDto, isArray: true }) questions: ReviewQuestionDto[];
}
