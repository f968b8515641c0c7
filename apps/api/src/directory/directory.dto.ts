import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import {
  DIRECTORY_LIMITS,
  INSTITUTION_KINDS,
  INSTITUTION_NAME_TYPES,
  INSTITUTION_RELATIONSHIP_TYPES,
  INSTITUTION_STATUSES,
  LOCALES,
  REGION_STATUSES,
  SLUG_PATTERN,
  STAKEHOLDER_SECTORS,
  WORLD_REGIONS,
  type GeoPoint,
  type InstitutionIdentifiers,
  type InstitutionInput,
  type InstitutionKind,
  type InstitutionName,
  type InstitutionNameType,
  type InstitutionQuery,
  type InstitutionRelationshipInput,
  type InstitutionRelationshipType,
  type InstitutionStatus,
  type InstitutionSuggestQuery,
  type InstitutionUpdate,
  type Locale,
  type MembershipInput,
  type MembershipUpdate,
  type MergeInstitutionsRequest,
  type NetworkProfileInput,
  type PeopleQuery,
  type ProposedInstitution,
  type RegionInput,
  type RegionQuery,
  type RegionStatus,
  type RegionUpdate,
  type SetInstitutionStatusRequest,
  type StakeholderSector,
  type Translations,
  type WorldRegion,
} from '@aula/contracts';
import {
  CODE_MESSAGES,
  isCountryCode,
  isLanguageCode,
  isOrgId,
  isRor,
  isSubdivisionOf,
  isWikidata,
} from '@aula/server/directory';
import { IsOptionalNotNull, IsOptionalOrNull, IsPrintable, PageQueryDto, SearchText } from '../common/dto';

// ---- codes ----

const codeRule = (name: string, test: (value: string) => boolean, message: string) =>
  ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && test(value),
      defaultMessage: () => message,
    },
  });

/** ISO 3166-1 alpha-2, a country that exists. */
export const IsCountry = () => codeRule('isCountry', isCountryCode, CODE_MESSAGES.country);
export const IsLanguage = (each = false) =>
  ValidateBy(
    {
      name: 'isLanguage',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isLanguageCode(value),
        defaultMessage: () =>
          each ? `must hold ISO 639-1 language codes such as es` : CODE_MESSAGES.language,
      },
    },
    { each },
  );

/** ISO 3166-2 code of a subdivision of the body's `country` (when the body has none, the service checks it against the record's). */
const IsSubdivisionOfCountry = () =>
  ValidateBy({
    name: 'isSubdivisionOfCountry',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        if (typeof value !== 'string' || !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(value)) return false;
        const country = (args?.object as { country?: unknown })?.country;
        return typeof country === 'string'
          ? !isCountryCode(country) || isSubdivisionOf(country, value)
          : true;
      },
      defaultMessage: () => CODE_MESSAGES.subdivision,
    },
  });

const Enum = <T extends readonly string[]>(values: T, required: boolean, nullable = false) =>
  applyDecorators(
    required ? ApiProperty({ enum: values }) : ApiPropertyOptional({ enum: values, nullable }),
    ...(required ? [] : [nullable ? IsOptionalOrNull() : IsOptionalNotNull()]),
    IsIn(values, { message: `must be one of ${values.join(', ')}` }),
  );

const Uuid = (required: boolean, nullable = false) =>
  applyDecorators(
    required ? ApiProperty({ format: 'uuid' }) : ApiPropertyOptional({ format: 'uuid', nullable }),
    ...(required ? [] : [nullable ? IsOptionalOrNull() : IsOptionalNotNull()]),
    IsUUID('all', { message: 'must be a UUID' }),
  );

const Line = (max: number, required: boolean, nullable = false) =>
  applyDecorators(
    required
      ? ApiProperty({ maxLength: max })
      : ApiPropertyOptional({ type: String, maxLength: max, nullable }),
    ...(required ? [] : [nullable ? IsOptionalOrNull() : IsOptionalNotNull()]),
    IsString(),
    MaxLength(max),
    IsPrintable(),
  );

const IsoDate = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', nullable: true }),
    IsOptionalOrNull(),
    IsString(),
    ValidateBy({
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(value) &&
          !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
          new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
        defaultMessage: () => 'must be a date (YYYY-MM-DD)',
      },
    }),
  );

const Nested = (
  cls: new () => object,
  required: boolean,
  options: { nullable?: boolean; description?: string } = {},
) =>
  applyDecorators(
    required
      ? ApiProperty({ type: cls, description: options.description })
      : ApiPropertyOptional({ type: cls, nullable: options.nullable, description: options.description }),
    ...(required ? [] : [options.nullable ? IsOptionalOrNull() : IsOptionalNotNull()]),
    IsObject({ message: 'must be an object' }),
    ValidateNested(),
    Type(() => cls),
  );

const NestedList = (cls: new () => object, max: number, required: boolean, min = 0) =>
  applyDecorators(
    required
      ? ApiProperty({ type: cls, isArray: true, maxItems: max })
      : ApiPropertyOptional({ type: cls, isArray: true, maxItems: max }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsArray({ message: 'must be a list' }),
    ...(min ? [ArrayMinSize(min, { message: `must hold at least ${min}` })] : []),
    ArrayMaxSize(max, { message: `must hold at most ${max}` }),
    IsObject({ each: true, message: 'must hold objects' }),
    ValidateNested({ each: true }),
    Type(() => cls),
  );

// ---- translatable text ----

const Translation = (max: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: max }),
    IsOptionalNotNull(),
    IsString(),
    MaxLength(max),
  );

export class RegionNameDto implements Translations {
  @Translation(DIRECTORY_LIMITS.name) en?: string;
  @Translation(DIRECTORY_LIMITS.name) es?: string;
  @Translation(DIRECTORY_LIMITS.name) pt?: string;
}

export class DescriptionDto implements Translations {
  @Translation(DIRECTORY_LIMITS.description) en?: string;
  @Translation(DIRECTORY_LIMITS.description) es?: string;
  @Translation(DIRECTORY_LIMITS.description) pt?: string;
}

// ---- regions ----

export class GeoPointDto implements GeoPoint {
  @ApiProperty({ minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon: number;
}

const Slug = (required: boolean) =>
  applyDecorators(
    required
      ? ApiProperty({ pattern: SLUG_PATTERN.source, example: 'bogota-cundinamarca' })
      : ApiPropertyOptional({ pattern: SLUG_PATTERN.source }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsString(),
    Matches(SLUG_PATTERN, {
      message: 'must be 3–80 lower-case letters, digits and hyphens, not starting or ending with a hyphen',
    }),
  );

const Country = (required: boolean) =>
  applyDecorators(
    required
      ? ApiProperty({ example: 'CO', description: 'ISO 3166-1 alpha-2' })
      : ApiPropertyOptional({ example: 'CO', description: 'ISO 3166-1 alpha-2' }),
    ...(required ? [] : [IsOptionalNotNull()]),
    IsString(),
    IsCountry(),
  );

const Subdivision = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      example: 'CO-ANT',
      description: 'ISO 3166-2 subdivision of the country',
    }),
    IsOptionalOrNull(),
    IsString(),
    IsSubdivisionOfCountry(),
  );

export class CreateRegionDto implements RegionInput {
  @Slug(true) slug: string;
  @Nested(RegionNameDto, true, { description: `Per language (${LOCALES.join(', ')}), at least one` })
  name: Translations;
  @Country(true) country: string;
  @Subdivision() subdivision?: string | null;
  @Enum(WORLD_REGIONS, true) worldRegion: WorldRegion;
  @Nested(DescriptionDto, false) description?: Translations;
  @Nested(GeoPointDto, false, { nullable: true }) location?: GeoPoint | null;
  @Enum(REGION_STATUSES, true) status: RegionStatus;
  @IsoDate() joinedOn?: string | null;
  @ApiPropertyOptional({ default: true }) @IsOptionalNotNull() @IsBoolean() public?: boolean;
}

export class UpdateRegionDto implements RegionUpdate {
  @Slug(false) slug?: string;
  @Nested(RegionNameDto, false) name?: Translations;
  @Country(false) country?: string;
  @Subdivision() subdivision?: string | null;
  @Enum(WORLD_REGIONS, false) worldRegion?: WorldRegion;
  @Nested(DescriptionDto, false) description?: Translations;
  @Nested(GeoPointDto, false, { nullable: true }) location?: GeoPoint | null;
  @Enum(REGION_STATUSES, false) status?: RegionStatus;
  @IsoDate() joinedOn?: string | null;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() public?: boolean;
}

// ---- institutions ----

export class InstitutionNameDto implements InstitutionName {
  @Line(DIRECTORY_LIMITS.name, true) value: string;

  @ApiProperty({ type: String, nullable: true, example: 'es', description: 'ISO 639-1, or null' })
  @IsOptionalOrNull()
  @IsString()
  @IsLanguage()
  lang: string | null;

  @Enum(INSTITUTION_NAME_TYPES, true) type: InstitutionNameType;
}

export class InstitutionRelationshipDto implements InstitutionRelationshipInput {
  @Enum(INSTITUTION_RELATIONSHIP_TYPES, true) type: InstitutionRelationshipType;
  @Uuid(true) institutionId: string;
}

const Identifier = (name: string, test: (v: string) => boolean, message: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example }),
    IsOptionalOrNull(),
    IsString(),
    MaxLength(80),
    codeRule(name, test, message),
  );

export class InstitutionIdentifiersDto implements InstitutionIdentifiers {
  @Identifier('isRor', (v) => isRor(v.toLowerCase()), CODE_MESSAGES.ror, '05dxps055') ror?: string | null;
  @Identifier('isOrgId', isOrgId, CODE_MESSAGES.orgId, 'CO-NIT-8999990902') orgId?: string | null;
  @Identifier('isWikidata', (v) => isWikidata(v.toUpperCase()), CODE_MESSAGES.wikidata, 'Q1124591')
  wikidata?: string | null;
}

const Website = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: DIRECTORY_LIMITS.website }),
    IsOptionalOrNull(),
    IsString(),
    MaxLength(DIRECTORY_LIMITS.website),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true },
      { message: 'must be an http or https address' },
    ),
  );

const Established = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, minimum: 1000 }),
    IsOptionalOrNull(),
    IsInt({ message: 'must be a year' }),
    Min(1000, { message: 'must be a year from 1000' }),
    ValidateBy({
      name: 'notInTheFuture',
      validator: {
        validate: (value: unknown) => typeof value !== 'number' || value <= new Date().getUTCFullYear(),
        defaultMessage: () => 'must not be a year to come',
      },
    }),
  );

export class CreateInstitutionDto implements InstitutionInput {
  @NestedList(InstitutionNameDto, DIRECTORY_LIMITS.names, true, 1) names: InstitutionName[];
  @Enum(INSTITUTION_KINDS, true) kind: InstitutionKind;
  @Enum(STAKEHOLDER_SECTORS, false, true) sector?: StakeholderSector | null;
  @Country(true) country: string;
  @Uuid(false, true) regionId?: string | null;
  @Website() website?: string | null;
  @Established() established?: number | null;
  @NestedList(InstitutionRelationshipDto, DIRECTORY_LIMITS.relationships, false)
  relationships?: InstitutionRelationshipInput[];
  @Nested(InstitutionIdentifiersDto, false) identifiers?: InstitutionIdentifiers;
  @ApiPropertyOptional({ default: true }) @IsOptionalNotNull() @IsBoolean() public?: boolean;
}

export class UpdateInstitutionDto implements InstitutionUpdate {
  @NestedList(InstitutionNameDto, DIRECTORY_LIMITS.names, false, 1) names?: InstitutionName[];
  @Enum(INSTITUTION_KINDS, false) kind?: InstitutionKind;
  @Enum(STAKEHOLDER_SECTORS, false, true) sector?: StakeholderSector | null;
  @Country(false) country?: string;
  @Uuid(false, true) regionId?: string | null;
  @Website() website?: string | null;
  @Established() established?: number | null;
  @NestedList(InstitutionRelationshipDto, DIRECTORY_LIMITS.relationships, false)
  relationships?: InstitutionRelationshipInput[];
  @Nested(InstitutionIdentifiersDto, false) identifiers?: InstitutionIdentifiers;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() public?: boolean;
}

export class SetInstitutionStatusDto implements SetInstitutionStatusRequest {
  @Enum(INSTITUTION_STATUSES, true) status: InstitutionStatus;
}

export class MergeInstitutionsDto implements MergeInstitutionsRequest {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    minItems: 1,
    maxItems: DIRECTORY_LIMITS.mergeAtOnce,
  })
  @IsArray({ message: 'must be a list of institution ids' })
  @ArrayMinSize(1, { message: 'must name at least one institution' })
  @ArrayMaxSize(DIRECTORY_LIMITS.mergeAtOnce, {
    message: `must name at most ${DIRECTORY_LIMITS.mergeAtOnce} institutions`,
  })
  @IsUUID('all', { each: true, message: 'must hold UUIDs only' })
  duplicateIds: string[];
}

export class ImportInstitutionsQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Report what would happen without saving anything',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  dryRun?: 'true' | 'false';
}

/** "My institution is not listed". */
export class ProposedInstitutionDto implements ProposedInstitution {
  @Line(DIRECTORY_LIMITS.name, true) name: string;
  @Country(true) country: string;
  @Enum(INSTITUTION_KINDS, false) kind?: InstitutionKind;
}

// ---- memberships and profiles ----

/** One of `institutionId` and `proposedInstitution` (the service says so, naming `institutionId`, when both or neither come). */
export class MembershipInputDto implements MembershipInput {
  @Uuid(false) institutionId?: string;
  @Nested(ProposedInstitutionDto, false) proposedInstitution?: ProposedInstitution;
  @Line(DIRECTORY_LIMITS.position, false, true) position?: string | null;
  @IsoDate() startedOn?: string | null;
  @IsoDate() endedOn?: string | null;
}

export class MembershipUpdateDto implements MembershipUpdate {
  @Line(DIRECTORY_LIMITS.position, false, true) position?: string | null;
  @IsoDate() startedOn?: string | null;
  @IsoDate() endedOn?: string | null;
}

export class NetworkProfileDto implements NetworkProfileInput {
  @ApiProperty({ description: 'Shown to anyone while true; false hides it at once' })
  @IsBoolean()
  published: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DIRECTORY_LIMITS.bio })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(DIRECTORY_LIMITS.bio)
  @Matches(/^(?:[^\p{Cc}\p{Cs}]|[\t\n\r])*$/u, {
    message: 'must be text without control characters other than line breaks',
  })
  bio?: string | null;

  @ApiPropertyOptional({ type: String, isArray: true, maxItems: DIRECTORY_LIMITS.topics })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(DIRECTORY_LIMITS.topics)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(DIRECTORY_LIMITS.topic, { each: true })
  @Matches(/^[^\p{Cc}\p{Cs}]*\S[^\p{Cc}\p{Cs}]*$/u, {
    each: true,
    message: 'must hold printable text without line breaks',
  })
  topics?: string[];

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: DIRECTORY_LIMITS.languages,
    example: ['es', 'pt'],
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(DIRECTORY_LIMITS.languages)
  @IsLanguage(true)
  languages?: string[];

  @Uuid(false, true) institutionId?: string | null;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean() showPhoto?: boolean;

  @Uuid(false, true) regionId?: string | null;
}

// ---- queries ----

export class DirectoryLocaleQueryDto {
  @ApiPropertyOptional({
    enum: LOCALES,
    description: "Language to read in; default: the reader's profile, then Accept-Language, then English",
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

const QueryCountry = () =>
  applyDecorators(ApiPropertyOptional({ example: 'CO' }), IsOptional(), IsString(), IsCountry());
const QueryEnum = <T extends readonly string[]>(values: T) =>
  applyDecorators(
    ApiPropertyOptional({ enum: values }),
    IsOptional(),
    IsIn(values, { message: `must be one of ${values.join(', ')}` }),
  );
const QueryUuid = () =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid' }),
    IsOptional(),
    IsUUID('all', { message: 'must be a UUID' }),
  );
const QueryTopic = () =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: DIRECTORY_LIMITS.topic }),
    SearchText(DIRECTORY_LIMITS.topic),
  );

export class RegionQueryDto extends PageQueryDto implements RegionQuery {
  @ApiPropertyOptional({ description: 'Part of a name in any language; accents and case ignored' })
  @SearchText()
  q?: string;
  @QueryEnum(WORLD_REGIONS) worldRegion?: WorldRegion;
  @QueryCountry() country?: string;
  @QueryEnum(REGION_STATUSES) status?: RegionStatus;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class InstitutionQueryDto extends PageQueryDto implements InstitutionQuery {
  @ApiPropertyOptional({ description: 'Part of any name or acronym; accents and case ignored' })
  @SearchText()
  q?: string;
  @QueryCountry() country?: string;
  @QueryUuid() regionId?: string;
  @QueryEnum(WORLD_REGIONS) worldRegion?: WorldRegion;
  @QueryEnum(INSTITUTION_KINDS) kind?: InstitutionKind;
  @QueryEnum(STAKEHOLDER_SECTORS) sector?: StakeholderSector;
  @QueryTopic() topic?: string;
  @ApiPropertyOptional({ enum: INSTITUTION_STATUSES, description: 'Admin list only' })
  @IsOptional()
  @IsIn(INSTITUTION_STATUSES)
  status?: InstitutionStatus;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

/** The public list: active institutions only, so no status filter. */
export class PublicInstitutionQueryDto extends PageQueryDto implements Omit<InstitutionQuery, 'status'> {
  @ApiPropertyOptional({ description: 'Part of any name or acronym; accents and case ignored' })
  @SearchText()
  q?: string;
  @QueryCountry() country?: string;
  @QueryUuid() regionId?: string;
  @QueryEnum(WORLD_REGIONS) worldRegion?: WorldRegion;
  @QueryEnum(INSTITUTION_KINDS) kind?: InstitutionKind;
  @QueryEnum(STAKEHOLDER_SECTORS) sector?: StakeholderSector;
  @QueryTopic() topic?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class SuggestQueryDto implements InstitutionSuggestQuery {
  @ApiProperty({ description: 'What the person typed so far', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[^\p{Cc}\p{Cs}]*$/u, { message: 'must be text without control characters' })
  q: string;
  @QueryCountry() country?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: DIRECTORY_LIMITS.suggestions })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DIRECTORY_LIMITS.suggestions)
  limit?: number;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class PeopleQueryDto extends PageQueryDto implements PeopleQuery {
  @ApiPropertyOptional({ description: 'Part of a name; accents and case ignored' }) @SearchText() q?: string;
  @QueryCountry() country?: string;
  @QueryTopic() topic?: string;
  @QueryUuid() institutionId?: string;
  @QueryUuid() regionId?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

// ---- response shapes, for the OpenAPI document ----

export class GeoPointViewDto {
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
}

export class RegionRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() displayName: string;
}

export class RegionViewDto extends RegionRefDto {
  @ApiProperty({ type: RegionNameDto }) name: Translations;
  @ApiProperty() country: string;
  @ApiProperty({ type: String, nullable: true }) subdivision: string | null;
  @ApiProperty({ enum: WORLD_REGIONS }) worldRegion: WorldRegion;
  @ApiProperty({ type: DescriptionDto }) description: Translations;
  @ApiProperty({ type: GeoPointViewDto, nullable: true }) location: GeoPoint | null;
  @ApiProperty({ enum: REGION_STATUSES }) status: RegionStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) joinedOn: string | null;
  @ApiProperty() public: boolean;
  @ApiProperty() institutionCount: number;
}

export class RegionPageDto {
  @ApiProperty({ type: RegionViewDto, isArray: true }) items: RegionViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class InstitutionRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) acronym: string | null;
  @ApiProperty() country: string;
  @ApiProperty({ enum: INSTITUTION_STATUSES }) status: InstitutionStatus;
}

export class InstitutionRelationshipViewDto {
  @ApiProperty({ enum: INSTITUTION_RELATIONSHIP_TYPES }) type: InstitutionRelationshipType;
  @ApiProperty({ type: InstitutionRefDto }) institution: InstitutionRefDto;
}

export class InstitutionIdentifiersViewDto {
  @ApiProperty({ type: String, nullable: true }) ror: string | null;
  @ApiProperty({ type: String, nullable: true }) orgId: string | null;
  @ApiProperty({ type: String, nullable: true }) wikidata: string | null;
}

export class InstitutionViewDto extends InstitutionRefDto {
  @ApiProperty({ type: InstitutionNameDto, isArray: true }) names: InstitutionName[];
  @ApiProperty({ enum: INSTITUTION_KINDS }) kind: InstitutionKind;
  @ApiProperty({ enum: STAKEHOLDER_SECTORS, nullable: true }) sector: StakeholderSector | null;
  @ApiProperty({ type: RegionRefDto, nullable: true }) region: RegionRefDto | null;
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ type: Number, nullable: true }) established: number | null;
  @ApiProperty({ type: InstitutionRelationshipViewDto, isArray: true })
  relationships: InstitutionRelationshipViewDto[];
  @ApiProperty({ type: InstitutionIdentifiersViewDto }) identifiers: InstitutionIdentifiersViewDto;
  @ApiProperty() public: boolean;
  @ApiProperty() memberCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class InstitutionPageDto {
  @ApiProperty({ type: InstitutionViewDto, isArray: true }) items: InstitutionViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class PublicPersonViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
  @ApiProperty({ type: String, isArray: true }) topics: string[];
  @ApiProperty({ type: String, isArray: true }) languages: string[];
  @ApiProperty({ type: InstitutionRefDto, nullable: true }) institution: InstitutionRefDto | null;
  @ApiProperty({ type: RegionRefDto, nullable: true }) region: RegionRefDto | null;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) photoUrl: string | null;
}

export class PeoplePageDto {
  @ApiProperty({ type: PublicPersonViewDto, isArray: true }) items: PublicPersonViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RegionWithPeopleDto {
  @ApiProperty({ type: RegionViewDto }) region: RegionViewDto;
  @ApiProperty({ type: InstitutionRefDto, isArray: true }) institutions: InstitutionRefDto[];
  @ApiProperty({ type: PublicPersonViewDto, isArray: true }) people: PublicPersonViewDto[];
}

export class InstitutionWithPeopleDto {
  @ApiProperty({ type: InstitutionViewDto }) institution: InstitutionViewDto;
  @ApiProperty({ type: PublicPersonViewDto, isArray: true }) people: PublicPersonViewDto[];
}

export class MembershipViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: InstitutionRefDto }) institution: InstitutionRefDto;
  @ApiProperty({ type: String, nullable: true }) position: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty() current: boolean;
}

export class MyNetworkProfileDto {
  @ApiProperty() published: boolean;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
  @ApiProperty({ type: String, isArray: true }) topics: string[];
  @ApiProperty({ type: String, isArray: true }) languages: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) institutionId: string | null;
  @ApiProperty() showPhoto: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) regionId: string | null;
  @ApiProperty() hasPhoto: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
}

export class MergeReportDto {
  @ApiProperty({ type: InstitutionViewDto }) survivor: InstitutionViewDto;
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) merged: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'What moved, per kind of reference',
  })
  moved: Record<string, number>;
}

export class DirectoryImportRowDto {
  @ApiProperty() line: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'failed'] }) outcome: string;
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional() message?: string;
}

export class DirectoryImportReportDto {
  @ApiProperty({ type: DirectoryImportRowDto, isArray: true }) rows: DirectoryImportRowDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) counts: Record<string, number>;
}
