import { Body, Controller, Headers, HttpCode, NotFoundException, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  SLUG_PATTERN,
  workshopsApi,
  type CheckInBatchResponse,
  type Locale,
  type WorkshopAttendanceSheet,
  type WorkshopAttendanceView,
  type WorkshopCheckInCode,
  type WorkshopRollEntry,
} from '@aula/contracts';
import { AttendanceService, BadgeService } from '@aula/server/workshops';
import type { Actor } from '@aula/server/identity';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import { DirectoryReaderLocale } from '../directory/reader-locale';
import { WorkshopLocaleQueryDto } from './workshops.dto';
import {
  CheckInBatchDto,
  CheckInBatchResponseDto,
  CheckInDto,
  MarkAttendanceDto,
  WorkshopAttendanceSheetDto,
  WorkshopAttendanceViewDto,
  WorkshopCheckInCodeDto,
  WorkshopRollEntryDto,
} from './attendance.dto';

const slugOf = (slug: string): string => {
  if (!SLUG_PATTERN.test(slug)) throw new NotFoundException('No such workshop.');
  return slug;
};
const INERT = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' };

/**
 * Attendance: a participant's own check-in code and badge; organisers' check-in by code per
 * session (single and offline batches), roll lists for online sessions, the attendance sheet and
 * the workshop's badges.
 */
@ApiTags('workshops')
@ApiBearerAuth()
@Controller()
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly badges: BadgeService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  private async locale(actor: Actor, query: WorkshopLocaleQueryDto, acceptLanguage: string | undefined): Promise<Locale> {
    return (await this.reader.of(actor, query.locale, acceptLanguage)) ?? 'en';
  }

  @Route(workshopsApi.myCheckInCode)
  @ApiOperation({ summary: 'The reader’s own check-in code (confirmed participants)' })
  @ApiOkResponse({ type: WorkshopCheckInCodeDto })
  @ApiNotFoundResponse({ description: 'No confirmed registration' })
  myCode(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<WorkshopCheckInCode> {
    return this.attendance.myCode(actor, slugOf(slug));
  }

  @Route(workshopsApi.registrationCheckInCode)
  @ApiOperation({ summary: 'A registration’s check-in code: its holder and the organisers; 404 for anyone else' })
  @ApiOkResponse({ type: WorkshopCheckInCodeDto })
  code(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopCheckInCode> {
    return this.attendance.codeOf(actor, id);
  }

  @Route(workshopsApi.registrationBadge)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'A printable name badge with the check-in QR code: its holder and the organisers' })
  async badge(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: WorkshopLocaleQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const pdf = await this.badges.badge(actor, id, await this.locale(actor, query, acceptLanguage));
    void reply.headers(INERT);
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length, disposition: 'attachment; filename="badge.pdf"' });
  }

  @Route(workshopsApi.workshopBadges)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Every confirmed participant’s badge, four to an A4 page (organisers)' })
  async workshopBadges(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: WorkshopLocaleQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const pdf = await this.badges.workshopBadges(actor, id, await this.locale(actor, query, acceptLanguage));
    void reply.headers(INERT);
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length, disposition: 'attachment; filename="badges.pdf"' });
  }

  @Route(workshopsApi.checkIn)
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a participant in at a session by QR token or typed code; a second time answers the first' })
  @ApiOkResponse({ type: WorkshopAttendanceViewDto })
  @ApiNotFoundResponse({ description: 'Unknown code, or no such session' })
  @ApiConflictResponse({ description: 'A code of another workshop, or a registration that is not confirmed' })
  checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('sessionId', uuidParam()) sessionId: string,
    @Body() body: CheckInDto,
  ): Promise<WorkshopAttendanceView> {
    return this.attendance.checkIn(actor, id, sessionId, body);
  }

  @Route(workshopsApi.checkInBatch)
  @HttpCode(200)
  @ApiOperation({ summary: 'Scans kept offline: each recorded once (by client id), answered one by one' })
  @ApiOkResponse({ type: CheckInBatchResponseDto })
  batch(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: CheckInBatchDto): Promise<CheckInBatchResponse> {
    return this.attendance.checkInBatch(actor, id, body.items);
  }

  @Route(workshopsApi.rollList)
  @ApiOperation({ summary: 'A session’s roll list: every confirmed participant, present or not' })
  @ApiOkResponse({ type: WorkshopRollEntryDto, isArray: true })
  roll(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('sessionId', uuidParam()) sessionId: string,
  ): Promise<WorkshopRollEntry[]> {
    return this.attendance.rollList(actor, id, sessionId);
  }

  @Route(workshopsApi.markAttendance)
  @ApiOperation({ summary: 'Mark a participant present or absent at a session from the roll list' })
  @ApiOkResponse({ type: WorkshopRollEntryDto })
  mark(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('sessionId', uuidParam()) sessionId: string,
    @Param('registrationId', uuidParam()) registrationId: string,
    @Body() body: MarkAttendanceDto,
  ): Promise<WorkshopRollEntry> {
    return this.attendance.markFromRoll(actor, id, sessionId, registrationId, body.present);
  }

  @Route(workshopsApi.attendanceSheet)
  @ApiOperation({ summary: 'Each session’s count and each confirmed participant’s share of session hours' })
  @ApiOkResponse({ type: WorkshopAttendanceSheetDto })
  sheet(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopAttendanceSheet> {
    return this.attendance.sheet(actor, id);
  }
}
