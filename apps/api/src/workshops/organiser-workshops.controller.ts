import { Body, Controller, HttpCode, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  workshopsApi,
  type Page,
  type WorkshopQuestion,
  type WorkshopRegistrationRow,
  type WorkshopRegistrationView,
  type WorkshopSessionView,
  type WorkshopView,
} from '@aula/contracts';
import { attachmentDisposition } from '@aula/server/core';
import { RegistrationCsvService, RegistrationService, WorkshopService, WorkshopSessionService } from '@aula/server/workshops';
import type { Actor } from '@aula/server/identity';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import {
  CreateSessionDto,
  CreateWorkshopDto,
  DeclineDto,
  ExportRegistrationsQueryDto,
  OrganiserWorkshopQueryDto,
  RegistrationQueryDto,
  UpdateSessionDto,
  UpdateWorkshopDto,
  WorkshopQuestionDto,
  WorkshopQuestionsDto,
  WorkshopStatusDto,
} from './workshops.dto';
import {
  WorkshopRegistrationPageDto,
  WorkshopRegistrationViewDto,
  WorkshopSessionViewDto,
  WorkshopViewDto,
  WorkshopViewPageDto,
} from './workshop-views.dto';

/**
 * Organisers' workshops: administrators, and people an administrator granted a workshop (the
 * domain's policy decides; anyone else gets a 404). Creating a workshop is for administrators.
 */
@ApiTags('organiser: workshops')
@ApiBearerAuth()
@Controller()
export class OrganiserWorkshopsController {
  constructor(
    private readonly workshops: WorkshopService,
    private readonly sessions: WorkshopSessionService,
    private readonly registrations: RegistrationService,
    private readonly registrationsCsv: RegistrationCsvService,
  ) {}

  @Route(workshopsApi.organiserWorkshops)
  @ApiOkResponse({ type: WorkshopViewPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: OrganiserWorkshopQueryDto): Promise<Page<WorkshopView>> {
    return this.workshops.list(actor, query);
  }

  @Route(workshopsApi.createWorkshop)
  @ApiOperation({ summary: 'A new workshop, as a draft (administrators)' })
  @ApiCreatedResponse({ type: WorkshopViewDto })
  @ApiConflictResponse({ description: 'The slug is taken' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateWorkshopDto): Promise<WorkshopView> {
    return this.workshops.create(actor, body);
  }

  @Route(workshopsApi.organiserWorkshop)
  @ApiOkResponse({ type: WorkshopViewDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopView> {
    return this.workshops.get(actor, id);
  }

  @Route(workshopsApi.updateWorkshop)
  @ApiOperation({ summary: 'Change fields; more seats go to the waiting list at once' })
  @ApiOkResponse({ type: WorkshopViewDto })
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: UpdateWorkshopDto): Promise<WorkshopView> {
    return this.workshops.update(actor, id, body);
  }

  @Route(workshopsApi.setWorkshopStatus)
  @HttpCode(200)
  @ApiOperation({ summary: 'One lifecycle step: draft → published → registration-closed → in-progress → held → report-published; cancelled before held' })
  @ApiOkResponse({ type: WorkshopViewDto })
  @ApiConflictResponse({ description: 'Not allowed from the current state (named in the answer, and as `status`)' })
  setStatus(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: WorkshopStatusDto): Promise<WorkshopView> {
    return this.workshops.setStatus(actor, id, body);
  }

  @Route(workshopsApi.addSession)
  @ApiCreatedResponse({ type: WorkshopSessionViewDto })
  addSession(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: CreateSessionDto): Promise<WorkshopSessionView> {
    return this.sessions.add(actor, id, body);
  }

  @Route(workshopsApi.updateSession)
  @ApiOkResponse({ type: WorkshopSessionViewDto })
  updateSession(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: UpdateSessionDto,
  ): Promise<WorkshopSessionView> {
    return this.sessions.update(actor, id, sessionId, body);
  }

  @Route(workshopsApi.deleteSession)
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteSession(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<void> {
    return this.sessions.delete(actor, id, sessionId);
  }

  @Route(workshopsApi.registrations)
  @ApiOperation({ summary: 'Registrations in arrival order (the order seats and the waiting list follow)' })
  @ApiOkResponse({ type: WorkshopRegistrationPageDto })
  registrationsOf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: RegistrationQueryDto,
  ): Promise<Page<WorkshopRegistrationRow>> {
    return this.registrations.list(actor, id, query);
  }

  @Route(workshopsApi.approveRegistration)
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an application: a seat, or the waiting list when none is free' })
  @ApiOkResponse({ type: WorkshopRegistrationViewDto })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopRegistrationView> {
    return this.registrations.approve(actor, id);
  }

  @Route(workshopsApi.declineRegistration)
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an application, waiting-list place or seat offer, with a reason' })
  @ApiOkResponse({ type: WorkshopRegistrationViewDto })
  decline(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: DeclineDto): Promise<WorkshopRegistrationView> {
    return this.registrations.decline(actor, id, body.reason);
  }

  @Route(workshopsApi.exportRegistrations)
  @ApiOperation({
    summary:
      'Registrations as CSV in arrival order (UTF-8 with BOM; cells that would run as formulas start with an apostrophe)',
  })
  @ApiProduces('text/csv')
  async exportRegistrations(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: ExportRegistrationsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.registrationsCsv.export(actor, id, query);
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', attachmentDisposition(file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store');
    return file.content;
  }

  @Route(workshopsApi.workshopQuestions)
  @ApiOperation({ summary: "The application form's own questions, every language" })
  @ApiOkResponse({ type: WorkshopQuestionDto, isArray: true })
  questions(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopQuestion[]> {
    return this.registrations.questions(actor, id);
  }

  @Route(workshopsApi.setWorkshopQuestions)
  @ApiOperation({ summary: 'Replace the questions (text or choice, required or not), in the order shown' })
  @ApiOkResponse({ type: WorkshopQuestionDto, isArray: true })
  setQuestions(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: WorkshopQuestionsDto,
  ): Promise<WorkshopQuestion[]> {
    return this.registrations.setQuestions(actor, id, body.questions);
  }
}
