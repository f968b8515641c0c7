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
  GRADEBOOK_CATEGORY_MAX_LENGTH,
  GRADEBOOK_PAGE_LIMIT_MAX,
  GRADEBOOK_WEIGHT_MAX,
  LOCALES,
  type CourseGradingInput,
  type Locale,
} from '@aula/contracts';
import { HasDecimals, IsCursor, IsPlainRecord, IsPrintable, RequiredNullable } from '../common/dto';

const ITEMS_MAX = 500;

const CATEGORIES_MAX = 50;

export class GradebookQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: GRADEBOOK_PAGE_LIMIT_MAX,
    description: 'Rows per page; leave out for the whole cohort',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(GRADEBOOK_PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(600)
  @IsCursor()
  cursor?: string;
}

export class GradebookCsvQueryDto {
  @ApiPropertyOptional({
    enum: LOCALES,
    description: "Language of the item titles in the header (default: the course's)",
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class GradeItemSettingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  activityId: string;

  @ApiProperty({
    minimum: 0,
    maximum: GRADEBOOK_WEIGHT_MAX,
    description: 'Within its category, or in the course when it has none',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasDecimals(3)
  @Min(0)
  @Max(GRADEBOOK_WEIGHT_MAX)
  weight: number;

  @ApiProperty({ type: String, nullable: true, maxLength: GRADEBOOK_CATEGORY_MAX_LENGTH })
  @RequiredNullable()
  @IsString()
  @MaxLength(GRADEBOOK_CATEGORY_MAX_LENGTH)
  @IsPrintable()
  category: string | null;
}

const IsCategoryWeights = () =>
  IsPlainRecord('isCategoryWeights', {
    maxKeys: CATEGORIES_MAX,
    entry: (name, weight) =>
      name.trim().length > 0 &&
      name.length <= GRADEBOOK_CATEGORY_MAX_LENGTH &&
      typeof weight === 'number' &&
      Number.isFinite(weight) &&
      weight >= 0 &&
      weight <= GRADEBOOK_WEIGHT_MAX,
    message: `must map up to ${CATEGORIES_MAX} category names (1–${GRADEBOOK_CATEGORY_MAX_LENGTH} characters) to weights from 0 to ${GRADEBOOK_WEIGHT_MAX}`,
  });

export class CourseGradingDto implements CourseGradingInput {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: 'Course total (percent) needed to pass; null: none',
  })
  @RequiredNullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasDecimals(2)
  @Min(0)
  @Max(100)
  passPercent: number | null;

  @ApiProperty({ description: 'Completing the course also needs the pass mark' })
  @IsBoolean()
  completionRequiresPass: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { quizzes: 1, project: 3 },
  })
  @IsObject()
  @IsCategoryWeights()
  categoryWeights: Record<string, number>;

  @ApiProperty({
    type: [GradeItemSettingDto],
    description: 'Items not listed keep their weight and category',
  })
  @IsArray()
  @ArrayMaxSize(ITEMS_MAX)
  @ValidateNested({ each: true })
  @Type(() => GradeItemSettingDto)
  items: GradeItemSettingDto[];
}
