import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsObject,
  IsTimeZone,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  DIRECTORY_LIMITS,
  DISPLAY_NAME_MAX_LENGTH,
  LOCALES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type ChangePasswordRequest,
  type Locale,
  type ProposedInstitution,
  type RegisterRequest,
  type Role,
  type SignInRequest,
  type UpdateProfileRequest,
  type UpdateRolesRequest,
} from '@aula/contracts';
import { IsOptionalNotNull, IsPrintable, PageQueryDto, SearchText } from '../common/dto';
import { ProposedInstitutionDto } from '../directory/directory.dto';

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'jose.nunez@example.org' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'José Ñúñez', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsString()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  @IsPrintable()
  displayName: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'America/Bogota', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone({ message: 'must be an IANA time zone such as America/Bogota' })
  timeZone?: string;

  @ApiPropertyOptional({ example: 'CO', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'must be a two-letter country code' })
  country?: string;

  @ApiPropertyOptional({
    maxLength: 160,
    deprecated: true,
    description:
      'Free text from older clients: matched to the directory where unambiguous, otherwise kept for an administrator',
  })
  @IsOptional()
  @IsString()
  @MaxLength(160)
  @IsPrintable()
  organisation?: string;

  @ApiPropertyOptional({
    maxLength: 120,
    example: 'Bogotá-Cundinamarca',
    deprecated: true,
    description: 'Free text from older clients: matched to a region of the directory where unambiguous',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @IsPrintable()
  region?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The person’s institution, picked from the directory' })
  @IsOptionalNotNull()
  @IsUUID('all', { message: 'must be a UUID' })
  institutionId?: string;

  @ApiPropertyOptional({
    type: ProposedInstitutionDto,
    description: '“My institution is not listed”: a pending institution an administrator confirms',
  })
  @IsOptionalNotNull()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ProposedInstitutionDto)
  proposedInstitution?: ProposedInstitution;

  @ApiPropertyOptional({ maxLength: DIRECTORY_LIMITS.position, description: 'Position at that institution' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(DIRECTORY_LIMITS.position)
  @IsPrintable()
  position?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The person’s region, from the directory' })
  @IsOptionalNotNull()
  @IsUUID('all', { message: 'must be a UUID' })
  regionId?: string;
}

export class SignInDto implements SignInRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  @IsPrintable()
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNotNull()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo' })
  @IsOptionalNotNull()
  @IsTimeZone({ message: 'must be an IANA time zone such as America/Bogota' })
  timeZone?: string;

  @ApiPropertyOptional({ nullable: true, example: 'BR' })
  @ValidateIf((o: UpdateProfileDto) => o.country !== null && o.country !== undefined)
  @IsISO31661Alpha2({ message: 'must be a two-letter country code' })
  country?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    deprecated: true,
    description:
      'Free text from older clients: matched to the directory where unambiguous (see /api/me/memberships)',
  })
  @ValidateIf((o: UpdateProfileDto) => o.organisation !== null && o.organisation !== undefined)
  @IsString()
  @MaxLength(160)
  @IsPrintable()
  organisation?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    deprecated: true,
    description:
      'Free text from older clients: matched to a region of the directory where unambiguous (see /api/me/network-profile)',
  })
  @ValidateIf((o: UpdateProfileDto) => o.region !== null && o.region !== undefined)
  @IsString()
  @MaxLength(120)
  @IsPrintable()
  region?: string | null;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class UpdateRolesDto implements UpdateRolesRequest {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name or email; accents and case ignored' })
  @SearchText()
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

// ---- response shapes, for the OpenAPI document ----

export class UserViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: 'Nguyễn Thị Minh' }) displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'What older accounts typed; new values go to the directory',
  })
  organisation: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'What older accounts typed; new values go to the directory',
  })
  region: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuthSessionDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken: string;
  @ApiProperty({ format: 'date-time' }) accessTokenExpiresAt: string;
  @ApiProperty({ type: UserViewDto }) user: UserViewDto;
}

export class UserPageDto {
  @ApiProperty({ type: UserViewDto, isArray: true }) items: UserViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
