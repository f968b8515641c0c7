import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  ATTENDANCE_LIMITS,
  ATTENDANCE_METHODS,
  CHECK_IN_OUTCOMES,
  type AttendanceMethod,
  type CheckInBatchItem,
  type CheckInBatchRequest,
  type CheckInBatchResponse,
  type CheckInBatchResult,
  type CheckInOutcome,
  type CheckInRequest,
  type MarkAttendanceRequest,
  type Translations,
  type WorkshopAttendanceRate,
  type WorkshopAttendanceSessionSummary,
  type WorkshopAttendanceSheet,
  type WorkshopAttendanceView,
  type WorkshopCheckInCode,
  type WorkshopRollEntry,
} from '@aula/contracts';
import { IsOptionalNotNull } from '../common/dto';

type ScanMethod = Exclude<AttendanceMethod, 'roll'>;
const SCAN_METHODS = ATTENDANCE_METHODS.filter((m) => m !== 'roll');

export class CheckInDto implements CheckInRequest {
  @ApiProperty({ maxLength: ATTENDANCE_LIMITS.code, description: 'The QR token or the typed code (dashes, spaces and case ignored)' })
  @IsString()
  @MaxLength(ATTENDANCE_LIMITS.code)
  @Matches(/\S/, { message: 'must not be blank' })
  code: string;

  @ApiPropertyOptional({ enum: SCAN_METHODS })
  @IsOptionalNotNull()
  @IsIn(SCAN_METHODS)
  method?: ScanMethod;
}

export class CheckInBatchItemDto implements CheckInBatchItem {
  @ApiProperty({ maxLength: ATTENDANCE_LIMITS.clientId, description: "The check-in screen's id for the scan: sent again, it counts once" })
  @IsString()
  @MaxLength(ATTENDANCE_LIMITS.clientId)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be letters, digits, dashes or underscores' })
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId: string;

  @ApiProperty({ maxLength: ATTENDANCE_LIMITS.code })
  @IsString()
  @MaxLength(ATTENDANCE_LIMITS.code)
  @Matches(/\S/, { message: 'must not be blank' })
  code: string;

  @ApiPropertyOptional({ enum: SCAN_METHODS })
  @IsOptionalNotNull()
  @IsIn(SCAN_METHODS)
  method?: ScanMethod;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true })
  scannedAt?: string;
}

export class CheckInBatchDto implements CheckInBatchRequest {
  @ApiProperty({ type: [CheckInBatchItemDto], maxItems: ATTENDANCE_LIMITS.batch })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ATTENDANCE_LIMITS.batch)
  @ValidateNested({ each: true })
  @Type(() => CheckInBatchItemDto)
  items: CheckInBatchItemDto[];
}

export class MarkAttendanceDto implements MarkAttendanceRequest {
  @ApiProperty()
  @IsBoolean()
  present: boolean;
}

// ---- answers ----

export class WorkshopCheckInCodeDto implements WorkshopCheckInCode {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) workshopId: string;
  @ApiProperty({ description: 'What the QR code holds' }) token: string;
  @ApiProperty({ example: 'K7M2Q-9XH4T', description: 'For typing' }) code: string;
  @ApiProperty({
    description: 'The QR code of the token: modules a side, and the dark modules as an SVG path',
    type: 'object',
    properties: { size: { type: 'integer' }, path: { type: 'string' } },
  })
  qr: { size: number; path: string };
}

export class WorkshopAttendanceViewDto implements WorkshopAttendanceView {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ enum: ATTENDANCE_METHODS }) method: AttendanceMethod;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'true: recorded before (a second scan changes nothing)' }) alreadyRecorded: boolean;
}

export class WorkshopRollEntryDto implements WorkshopRollEntry {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty() present: boolean;
  @ApiProperty({ enum: ATTENDANCE_METHODS, nullable: true }) method: AttendanceMethod | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt: string | null;
}

export class CheckInBatchResultDto implements CheckInBatchResult {
  @ApiProperty() clientId: string;
  @ApiProperty({ enum: CHECK_IN_OUTCOMES }) outcome: CheckInOutcome;
  @ApiProperty() status: number;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ type: WorkshopAttendanceViewDto, nullable: true }) attendance: WorkshopAttendanceView | null;
}

export class CheckInBatchResponseDto implements CheckInBatchResponse {
  @ApiProperty({ type: [CheckInBatchResultDto] }) results: CheckInBatchResult[];
}

export class WorkshopAttendanceRateDto implements WorkshopAttendanceRate {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty() attendedHours: number;
  @ApiProperty() totalHours: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) rate: number;
  @ApiProperty() meetsThreshold: boolean;
  @ApiProperty({ type: [String] }) sessionIds: string[];
}

export class WorkshopAttendanceSessionSummaryDto implements WorkshopAttendanceSessionSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) title: Translations;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() present: number;
}

export class WorkshopAttendanceSheetDto implements WorkshopAttendanceSheet {
  @ApiProperty({ format: 'uuid' }) workshopId: string;
  @ApiProperty({ description: 'Percent' }) threshold: number;
  @ApiProperty() totalHours: number;
  @ApiProperty() confirmed: number;
  @ApiProperty({ type: [WorkshopAttendanceSessionSummaryDto] }) sessions: WorkshopAttendanceSessionSummary[];
  @ApiProperty({ type: [WorkshopAttendanceRateDto] }) participants: WorkshopAttendanceRate[];
}
