import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  ACTIVITY_KINDS,
  LOCALES,
  PAGE_LIMIT_MAX,
  type ActivityKind,
  type CatalogueQuery,
  type Locale,
} from '@aula/contracts';
import { CohortSummaryDto, EnrolmentSummaryDto } from '../enrolment/enrolment.dto';
import { IsCursor, SearchText } from '../common/dto';

export class LocaleQueryDto {
  @ApiPropertyOptional({
    enum: LOCALES,
    description:
      "Language to read in; default: the reader's profile, then Accept-Language, then the course's default",
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class CatalogueQueryDto extends LocaleQueryDto implements CatalogueQuery {
  @ApiPropertyOptional({ description: 'Words of a title or summary, any language; accents and case ignored' })
  @SearchText(100)
  q?: string;

  @ApiPropertyOptional({ example: 'planning' })
  @SearchText(60)
  topic?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @IsCursor()
  cursor?: string;
}

// ---- response shapes, for the OpenAPI document ----

export class CatalogueCourseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: LOCALES, description: 'Language of title and summary' }) locale: Locale;
  @ApiProperty({ enum: LOCALES, isArray: true }) locales: Locale[];
  @ApiProperty({ type: String, isArray: true }) topics: string[];
  @ApiProperty() programmeTitle: string;
  @ApiProperty({ type: Number, nullable: true }) estimatedHours: number | null;
  @ApiProperty({ type: CohortSummaryDto, isArray: true }) openCohorts: CohortSummaryDto[];
}

export class CataloguePageDto {
  @ApiProperty({ type: CatalogueCourseDto, isArray: true }) items: CatalogueCourseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ActivitySummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
  @ApiProperty() title: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ description: 'Only for a reader with an active or completed enrolment' })
  done?: boolean;
}

class ModuleOutlineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ActivitySummaryDto, isArray: true }) activities: ActivitySummaryDto[];
}

export class CoursePageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ enum: LOCALES, isArray: true }) locales: Locale[];
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ description: 'Sanitised HTML' }) description: string;
  @ApiProperty({ type: String, isArray: true }) topics: string[];
  @ApiProperty({ type: Number, nullable: true }) estimatedHours: number | null;
  @ApiProperty() programmeTitle: string;
  @ApiProperty({ type: ModuleOutlineDto, isArray: true }) modules: ModuleOutlineDto[];
  @ApiProperty({ type: CohortSummaryDto, isArray: true }) openCohorts: CohortSummaryDto[];
  @ApiProperty({ type: EnrolmentSummaryDto, nullable: true }) enrolment: EnrolmentSummaryDto | null;
}

class StoredFileDto {
  @ApiProperty() name: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
}

export class ActivityViewDto extends ActivitySummaryDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ type: String, nullable: true, description: 'Sanitised HTML (pages)' }) body: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: StoredFileDto, nullable: true }) file: StoredFileDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) previousId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nextId: string | null;
}

class DashboardCourseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
}

class NextActivityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

class DashboardCohortDto {
  @ApiProperty({ type: EnrolmentSummaryDto }) enrolment: EnrolmentSummaryDto;
  @ApiProperty({ type: CohortSummaryDto }) cohort: CohortSummaryDto;
  @ApiProperty({ type: DashboardCourseDto }) course: DashboardCourseDto;
  @ApiProperty({ type: NextActivityDto, nullable: true }) nextActivity: NextActivityDto | null;
}

class UpcomingDateDto {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: ['cohort-start', 'cohort-end'] }) kind: 'cohort-start' | 'cohort-end';
  @ApiProperty({ example: '2027-02-01', description: "Day in the cohort's time zone" }) date: string;
  @ApiProperty({ example: 'America/Bogota' }) timeZone: string;
  @ApiProperty() title: string;
}

export class LearnerDashboardDto {
  @ApiProperty({ type: DashboardCohortDto, isArray: true }) cohorts: DashboardCohortDto[];
  @ApiProperty({ type: UpcomingDateDto, isArray: true }) upcoming: UpcomingDateDto[];
}
