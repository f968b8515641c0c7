import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  MARKING_BULK_RELEASE_MAX,
  MARKING_FEEDBACK_MAX_LENGTH,
  MARKING_QUEUE_STATES,
  type BulkReleaseRequest,
  type MarkingQueueQuery,
  type MarkingQueueState,
  type ReleaseGradeRequest,
  type RubricMarks,
  type SaveMarkRequest,
} from '@aula/contracts';
import { HasDecimals, IsOptionalNotNull, IsPlainRecord, PageQueryDto, RequiredNullable } from '../common/dto';

/** Request shapes of marking; the domain (marking.service.ts, rubric-marks.ts) checks the rubric and ranges. */

const VERSION_MAX = 2_147_483_647;
const RUBRIC_CRITERIA_MAX = 100;
const RUBRIC_ID_MAX = 100;

/** `{criterionId: levelId}`: a plain object of short strings (which ids exist is the domain's question). */
const IsRubricMarks = () =>
  IsPlainRecord('isRubricMarks', {
    maxKeys: RUBRIC_CRITERIA_MAX,
    entry: (criterionId, levelId) =>
      criterionId.length > 0 &&
      criterionId.length <= RUBRIC_ID_MAX &&
      typeof levelId === 'string' &&
      levelId.length > 0 &&
      levelId.length <= RUBRIC_ID_MAX,
    message: 'must be an object of criterion id → level id',
  });

export class MarkingQueueQueryDto extends PageQueryDto implements MarkingQueueQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One assignment only' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  activityId?: string;

  @ApiPropertyOptional({ enum: MARKING_QUEUE_STATES })
  @IsOptional()
  @IsIn(MARKING_QUEUE_STATES)
  state?: MarkingQueueState;
}

export class SaveMarkDto implements SaveMarkRequest {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'With a rubric: criterion id → chosen level id; points are the sum of the levels',
  })
  @IsOptionalNotNull()
  @IsRubricMarks()
  rubricMarks?: RubricMarks;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    description: 'Without a rubric: points before any late penalty',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasDecimals(2)
  @Min(0)
  @Max(1_000_000)
  rawPoints?: number | null;

  @ApiProperty({
    maxLength: MARKING_FEEDBACK_MAX_LENGTH,
    description: 'Plain text (line breaks kept); empty for none',
  })
  @IsString()
  @MaxLength(MARKING_FEEDBACK_MAX_LENGTH)
  @Matches(/^(?:(?![\t\n\r])[^\p{Cc}\p{Cs}]|[\t\n\r])*$/u, {
    message: 'must be text without control characters other than tabs and line breaks',
  })
  feedback: string;

  @ApiProperty({ enum: ['draft', 'ready'] })
  @IsIn(['draft', 'ready'])
  status: 'draft' | 'ready';

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The grade version you read; null when there was none',
  })
  @RequiredNullable()
  @IsInt()
  @Min(1)
  @Max(VERSION_MAX)
  expectedVersion: number | null;
}

export class ReleaseGradeDto implements ReleaseGradeRequest {
  @ApiProperty({ description: 'The grade version you read' })
  @IsInt()
  @Min(1)
  @Max(VERSION_MAX)
  expectedVersion: number;
}

export class BulkReleaseDto implements BulkReleaseRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Every 'ready' grade of this assignment in the cohort",
  })
  @IsOptionalNotNull()
  @IsUUID('all', { message: 'must be a UUID' })
  activityId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Or exactly these grades (all of this cohort)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MARKING_BULK_RELEASE_MAX)
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  gradeIds?: string[];
}

/** `?expectedVersion=` of a feedback file change: the grade version read; absent when there was none. */
export class FeedbackFileQueryDto {
  @ApiPropertyOptional({ description: 'The grade version you read; leave out when there was no grade' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(VERSION_MAX)
  expectedVersion?: number;
}
