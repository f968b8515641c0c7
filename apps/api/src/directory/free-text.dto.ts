import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  FREE_TEXT_ACTIONS,
  FREE_TEXT_FIELDS,
  FREE_TEXT_STATUSES,
  LOCALES,
  type FreeTextAction,
  type FreeTextField,
  type FreeTextQuery,
  type FreeTextStatus,
  type InstitutionInput,
  type InstitutionRef,
  type Locale,
  type RegionInput,
  type RegionRef,
  type ResolveFreeTextRequest,
} from '@aula/contracts';
import { IsOptionalNotNull, PageQueryDto } from '../common/dto';
import { CreateInstitutionDto, CreateRegionDto, InstitutionRefDto, RegionRefDto } from './directory.dto';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

export class FreeTextQueryDto extends PageQueryDto implements FreeTextQuery {
  @ApiPropertyOptional({ enum: FREE_TEXT_FIELDS })
  @IsOptional()
  @IsIn(FREE_TEXT_FIELDS, oneOf(FREE_TEXT_FIELDS))
  field?: FreeTextField;

  @ApiPropertyOptional({ enum: FREE_TEXT_STATUSES, description: 'Default: open (waiting for a home)' })
  @IsOptional()
  @IsIn(FREE_TEXT_STATUSES, oneOf(FREE_TEXT_STATUSES))
  status?: FreeTextStatus;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of the candidates’ names' })
  @IsOptional()
  @IsIn(LOCALES, oneOf(LOCALES))
  locale?: Locale;
}

export class ResolveFreeTextDto implements ResolveFreeTextRequest {
  @ApiProperty({ enum: FREE_TEXT_FIELDS })
  @IsIn(FREE_TEXT_FIELDS, oneOf(FREE_TEXT_FIELDS))
  field: FreeTextField;

  @ApiProperty({ description: 'The folded key of the group, as the list gives it', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(/^[^\p{Cc}\p{Cs}]*$/u, { message: 'must be text without control characters' })
  key: string;

  @ApiProperty({ enum: FREE_TEXT_ACTIONS })
  @IsIn(FREE_TEXT_ACTIONS, oneOf(FREE_TEXT_ACTIONS))
  action: FreeTextAction;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For `pick`: the institution (organisation) or region (region)',
  })
  @IsOptionalNotNull()
  @IsUUID('all', { message: 'must be a UUID' })
  targetId?: string;

  @ApiPropertyOptional({ type: CreateInstitutionDto, description: 'For `create` on organisation' })
  @IsOptionalNotNull()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => CreateInstitutionDto)
  institution?: InstitutionInput;

  @ApiPropertyOptional({ type: CreateRegionDto, description: 'For `create` on region' })
  @IsOptionalNotNull()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => CreateRegionDto)
  region?: RegionInput;
}

export class FreeTextLocaleQueryDto {
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES, oneOf(LOCALES))
  locale?: Locale;
}

// ---- response shapes, for the OpenAPI document ----

export class FreeTextValueViewDto {
  @ApiProperty({ enum: FREE_TEXT_FIELDS }) field: FreeTextField;
  @ApiProperty({ description: 'The folded key the group is known by' }) key: string;
  @ApiProperty({ type: String, isArray: true, description: 'Spellings seen, most frequent first' })
  spellings: string[];
  @ApiProperty() people: number;
  @ApiProperty({ enum: FREE_TEXT_STATUSES }) status: FreeTextStatus;
  @ApiProperty({
    description:
      'Institutions (organisation) or regions (region) whose names are closest, best first; the home of a settled group',
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(InstitutionRefDto) }, { $ref: getSchemaPath(RegionRefDto) }] },
  })
  candidates: (InstitutionRef | RegionRef)[];
}

export class FreeTextPageDto {
  @ApiProperty({ type: FreeTextValueViewDto, isArray: true }) items: FreeTextValueViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class FreeTextMatchReportDto {
  @ApiProperty({ description: 'Values given a home by this run' }) matched: number;
  @ApiProperty({ description: 'Values still waiting for one' }) open: number;
}
