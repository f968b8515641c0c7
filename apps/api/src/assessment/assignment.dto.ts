import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  ASSIGNMENT_FILE_TYPES,
  ASSIGNMENT_LATE_POLICIES,
  ASSIGNMENT_TEXT_MAX_LENGTH,
  type AssignmentFileType,
  type AssignmentLatePolicy,
  type AssignmentSettingsInput,
  type RubricDefinition,
} from '@aula/contracts';
import { IsOptionalNotNull } from '../common/dto';

/** Request shapes of assignments; the domain (assignment.rules.ts) checks ranges and the rubric. */

export class AssignmentSettingsDto implements AssignmentSettingsInput {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() acceptsText?: boolean;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() acceptsFiles?: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 20 }) @IsOptionalNotNull() @IsInt() maxFiles?: number;
  @ApiPropertyOptional({ description: 'Bytes per file' }) @IsOptionalNotNull() @IsInt() maxFileBytes?: number;

  @ApiPropertyOptional({ enum: ASSIGNMENT_FILE_TYPES, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(ASSIGNMENT_FILE_TYPES, { each: true })
  allowedFileTypes?: AssignmentFileType[];

  @ApiPropertyOptional({ enum: ASSIGNMENT_LATE_POLICIES })
  @IsOptionalNotNull()
  @IsIn(ASSIGNMENT_LATE_POLICIES)
  latePolicy?: AssignmentLatePolicy;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false }) latePenaltyPercentPerDay?: number;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() allowResubmission?: boolean;
  @ApiPropertyOptional({ description: 'Names hidden from tutors until release' }) @IsOptionalNotNull() @IsBoolean() blindMarking?: boolean;

  @ApiPropertyOptional({ description: 'Ignored when a rubric is set: the rubric decides it' })
  @IsOptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maxPoints?: number;

  @ApiPropertyOptional({
    nullable: true,
    description: 'criteria: [{id, title: {en, es, pt}, levels: [{id, title, points}]}]; null removes it',
  })
  @IsOptional()
  @IsObject()
  rubric?: RubricDefinition | null;
}

export class DraftDto {
  @ApiProperty({ type: String, nullable: true, description: 'Rich text (HTML); sanitised; empty or null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(ASSIGNMENT_TEXT_MAX_LENGTH)
  text: string | null;
}

export class SubmitDto {
  @ApiPropertyOptional({ description: 'The latest version number the trainee saw (0 before the first): a double submit becomes one' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}
