import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  DELIVERY_MODES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type DeliveryMode,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type UpdateNotificationPreferencesRequest,
} from '@aula/contracts';
import { PageQueryDto } from '../common/dto';

const mode = () => [ApiPropertyOptional({ enum: DELIVERY_MODES }), IsOptional(), IsIn(DELIVERY_MODES)] as const;
const apply = (decorators: readonly PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

/** Every kind is optional; unknown kinds (and `account`, which cannot change) are a 400 naming them. */
export class UpdateNotificationPreferencesDto implements UpdateNotificationPreferencesRequest {
  @apply(mode()) enrolment?: DeliveryMode;
  @apply(mode()) 'submission-receipt'?: DeliveryMode;
  @apply(mode()) 'grade-released'?: DeliveryMode;
  @apply(mode()) 'certificate-issued'?: DeliveryMode;
  @apply(mode()) 'cohort-starting'?: DeliveryMode;
  @apply(mode()) 'deadline-reminder'?: DeliveryMode;
  @apply(mode()) 'inactivity-reminder'?: DeliveryMode;
  @apply(mode()) 'marking-reminder'?: DeliveryMode;
}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'jose.nunez@example.org' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class UnsubscribeQueryDto {
  @ApiProperty()
  @IsString()
  @MaxLength(300)
  token: string;
}
