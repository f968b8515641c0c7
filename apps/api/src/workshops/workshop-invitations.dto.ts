import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsString, MaxLength } from 'class-validator';
import {
  LOCALES,
  WORKSHOP_INVITATION_BATCH_MAX,
  WORKSHOP_INVITATION_STATUSES,
  type AcceptWorkshopInvitationRequest,
  type AcceptWorkshopInvitationResult,
  type AuthSession,
  type Locale,
  type WorkshopInvitationRequest,
  type WorkshopInvitationStatus,
  type WorkshopInvitationView,
  type WorkshopRegistrationView,
} from '@aula/contracts';
import { IsOptionalNotNull } from '../common/dto';
import { WorkshopRegistrationViewDto } from './workshop-views.dto';

export class WorkshopInvitationDto implements WorkshopInvitationRequest {
  @ApiProperty({ type: String, isArray: true, example: ['ana@example.org'], maxItems: WORKSHOP_INVITATION_BATCH_MAX })
  @IsArray()
  @ArrayMinSize(1, { message: 'must hold at least one email address' })
  @ArrayMaxSize(WORKSHOP_INVITATION_BATCH_MAX)
  @MaxLength(254, { each: true })
  @IsEmail({}, { each: true, message: 'must hold valid email addresses' })
  emails: string[];
}

export class AcceptWorkshopInvitationDto implements AcceptWorkshopInvitationRequest {
  @ApiProperty() @IsString() @MaxLength(200) token: string;

  @ApiPropertyOptional({ description: 'Without an account: the name of the account made now' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ description: 'Without an account: its password' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNotNull()
  @IsIn(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;
}

export class WorkshopInvitationViewDto implements WorkshopInvitationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) workshopId: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ enum: WORKSHOP_INVITATION_STATUSES }) status: WorkshopInvitationStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) registrationId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AcceptWorkshopInvitationResultDto implements AcceptWorkshopInvitationResult {
  @ApiProperty({ type: WorkshopRegistrationViewDto }) registration: WorkshopRegistrationView;
  @ApiProperty() workshopSlug: string;
  @ApiProperty({ type: Object, nullable: true, description: 'A session when the account was made now' })
  session: AuthSession | null;
}
