import { ApiProperty } from '@nestjs/swagger';
import {
  LOCALES,
  STAKEHOLDER_SECTORS,
  WORKSHOP_FORMATS,
  WORKSHOP_QUESTION_KINDS,
  WORKSHOP_KINDS,
  WORKSHOP_REGISTRATION_MODES,
  WORKSHOP_REGISTRATION_STATUSES,
  WORKSHOP_STATUSES,
  type InstitutionRef,
  type Locale,
  type MyWorkshopRegistration,
  type RegionRef,
  type StakeholderSector,
  type WorkshopQuestionKind,
  type WorkshopQuestionPublicView,
  type Translations,
  type WorkshopFormat,
  type WorkshopKind,
  type WorkshopOrganiserView,
  type WorkshopParticipant,
  type WorkshopPublicView,
  type WorkshopRegistrationMode,
  type WorkshopRegistrationRow,
  type WorkshopRegistrationStatus,
  type WorkshopRegistrationView,
  type WorkshopSessionPublicView,
  type WorkshopSessionView,
  type WorkshopSpeakerView,
  type WorkshopStatus,
  type WorkshopSummary,
  type WorkshopVenue,
  type WorkshopView,
} from '@aula/contracts';
import { InstitutionRefDto, RegionRefDto } from '../directory/directory.dto';
import { WorkshopVenueDto } from './workshops.dto';

/** Response shapes, for the OpenAPI document. */

const translations = { type: 'object', additionalProperties: { type: 'string' }, description: `Per language (${LOCALES.join(', ')})` } as const;

export class WorkshopSpeakerViewDto implements WorkshopSpeakerView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty() name: string;
}

export class WorkshopSessionViewDto implements WorkshopSessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(translations) title: Translations;
  @ApiProperty(translations) description: Translations;
  @ApiProperty({ type: WorkshopSpeakerViewDto, isArray: true }) speakers: WorkshopSpeakerView[];
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class WorkshopViewDto implements WorkshopView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: WORKSHOP_KINDS }) kind: WorkshopKind;
  @ApiProperty({ enum: WORKSHOP_STATUSES }) status: WorkshopStatus;
  @ApiProperty({ enum: LOCALES }) defaultLocale: Locale;
  @ApiProperty(translations) title: Translations;
  @ApiProperty(translations) summary: Translations;
  @ApiProperty(translations) objectives: Translations;
  @ApiProperty({ format: 'uuid' }) hostInstitutionId: string;
  @ApiProperty({ format: 'uuid' }) hostRegionId: string;
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) participatingRegionIds: string[];
  @ApiProperty({ enum: WORKSHOP_FORMATS }) format: WorkshopFormat;
  @ApiProperty({ type: WorkshopVenueDto, nullable: true }) venue: WorkshopVenue | null;
  @ApiProperty({ type: String, nullable: true }) onlineUrl: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ type: Number, nullable: true }) expectedHours: number | null;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty({ type: Number, nullable: true }) countryQuota: number | null;
  @ApiProperty({ enum: WORKSHOP_REGISTRATION_MODES }) registrationMode: WorkshopRegistrationMode;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registrationOpensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registrationClosesAt: string | null;
  @ApiProperty() holdHours: number;
  @ApiProperty() attendanceThreshold: number;
  @ApiProperty() seatsTaken: number;
  @ApiProperty({ type: String, nullable: true }) cancelledReason: string | null;
  @ApiProperty({ type: WorkshopSessionViewDto, isArray: true }) sessions: WorkshopSessionView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WorkshopViewPageDto {
  @ApiProperty({ type: WorkshopViewDto, isArray: true }) items: WorkshopView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class WorkshopRegistrationViewDto implements WorkshopRegistrationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) workshopId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: WORKSHOP_REGISTRATION_STATUSES }) status: WorkshopRegistrationStatus;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) motivation: string | null;
  @ApiProperty({ type: InstitutionRefDto, nullable: true }) institution: InstitutionRef | null;
  @ApiProperty({ type: String, nullable: true }) position: string | null;
  @ApiProperty({ enum: STAKEHOLDER_SECTORS, nullable: true }) sector: StakeholderSector | null;
  @ApiProperty({ type: RegionRefDto, nullable: true }) region: RegionRef | null;
  @ApiProperty({ type: String, nullable: true }) accessibilityNeeds: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'By question id' })
  answers: Record<string, string>;
  @ApiProperty({ description: 'Order of arrival: first come, first served' }) arrival: number;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) offerExpiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WorkshopRegistrationRowDto extends WorkshopRegistrationViewDto implements WorkshopRegistrationRow {
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
}

export class WorkshopRegistrationPageDto {
  @ApiProperty({ type: WorkshopRegistrationRowDto, isArray: true }) items: WorkshopRegistrationRow[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class WorkshopSummaryDto implements WorkshopSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: WORKSHOP_KINDS }) kind: WorkshopKind;
  @ApiProperty({ enum: WORKSHOP_STATUSES }) status: WorkshopStatus;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ enum: LOCALES, isArray: true }) locales: Locale[];
  @ApiProperty({ enum: WORKSHOP_FORMATS }) format: WorkshopFormat;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ type: InstitutionRefDto, nullable: true }) hostInstitution: InstitutionRef | null;
  @ApiProperty({ type: RegionRefDto, nullable: true }) hostRegion: RegionRef | null;
  @ApiProperty({ type: RegionRefDto, isArray: true }) participatingRegions: RegionRef[];
  @ApiProperty({ enum: WORKSHOP_REGISTRATION_MODES }) registrationMode: WorkshopRegistrationMode;
  @ApiProperty() registrationOpen: boolean;
  @ApiProperty({ type: Number, nullable: true }) seatsLeft: number | null;
}

export class WorkshopSummaryPageDto {
  @ApiProperty({ type: WorkshopSummaryDto, isArray: true }) items: WorkshopSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class WorkshopSessionPublicViewDto implements WorkshopSessionPublicView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: WorkshopSpeakerViewDto, isArray: true }) speakers: WorkshopSpeakerView[];
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Only for confirmed participants and organisers' }) link: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class WorkshopPublicViewDto extends WorkshopSummaryDto implements WorkshopPublicView {
  @ApiProperty() objectives: string;
  @ApiProperty({ type: Number, nullable: true }) expectedHours: number | null;
  @ApiProperty({ type: WorkshopVenueDto, nullable: true }) venue: WorkshopVenue | null;
  @ApiProperty({ type: String, nullable: true, description: 'Only for confirmed participants and organisers' }) onlineUrl: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registrationOpensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registrationClosesAt: string | null;
  @ApiProperty({ type: WorkshopSessionPublicViewDto, isArray: true }) sessions: WorkshopSessionPublicView[];
  @ApiProperty({ type: WorkshopRegistrationViewDto, nullable: true }) myRegistration: WorkshopRegistrationView | null;
  @ApiProperty({ type: () => WorkshopQuestionPublicViewDto, isArray: true }) questions: WorkshopQuestionPublicView[];
  @ApiProperty() organiser: boolean;
}

export class WorkshopParticipantDto implements WorkshopParticipant {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
}

export class WorkshopOrganiserViewDto implements WorkshopOrganiserView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
}

export class WorkshopQuestionOptionPublicViewDto {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
}

export class WorkshopQuestionPublicViewDto implements WorkshopQuestionPublicView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: WORKSHOP_QUESTION_KINDS }) kind: WorkshopQuestionKind;
  @ApiProperty() prompt: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: WorkshopQuestionOptionPublicViewDto, isArray: true }) options: { id: string; label: string }[];
}

export class MyWorkshopRegistrationDto implements MyWorkshopRegistration {
  @ApiProperty({ type: WorkshopRegistrationViewDto }) registration: WorkshopRegistrationView;
  @ApiProperty({ type: WorkshopSummaryDto }) workshop: WorkshopSummary;
}
