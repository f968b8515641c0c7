import { BadRequestException, Body, Controller, Headers, HttpCode, NotFoundException, Param, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ACTIVITY_FILE_EXTENSIONS,
  ACTIVITY_FILE_MAX_BYTES,
  SLUG_PATTERN,
  workshopsApi,
  type WorkshopMaterialView,
  type WorkshopOutcomeView,
  type WorkshopReportView,
  type WorkshopSurveyPublicView,
  type WorkshopSurveyResponseView,
  type WorkshopSurveyResults,
  type WorkshopSurveyView,
} from '@aula/contracts';
import { WorkshopMaterialService, WorkshopOutcomeService, WorkshopSurveyService } from '@aula/server/workshops';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, OptionalActor, Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import { UploadErrorsInterceptor } from '../catalog/upload-errors.interceptor';
import { DirectoryReaderLocale } from '../directory/reader-locale';
import { WorkshopLocaleQueryDto } from './workshops.dto';
import { MaterialFileQueryDto, MaterialLinkDto, OutcomeDto, SaveSurveyDto, SurveyResponseDto, UpdateOutcomeDto } from './workshop-outcomes.dto';

const slugOf = (slug: string): string => {
  if (!SLUG_PATTERN.test(slug)) throw new NotFoundException('No such workshop.');
  return slug;
};

/** Materials and the feedback survey, for a workshop's confirmed participants and organisers (404 for anyone else). */
@ApiTags('workshops')
@ApiBearerAuth()
@Controller()
export class WorkshopParticipantOutcomesController {
  constructor(
    private readonly materials: WorkshopMaterialService,
    private readonly surveys: WorkshopSurveyService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  @Route(workshopsApi.materials)
  @ApiOperation({ summary: "The workshop's files and links, with title, kind and language" })
  @ApiOkResponse({ description: 'Materials, oldest first' })
  @ApiNotFoundResponse({ description: 'No such workshop, or the reader is neither a confirmed participant nor an organiser' })
  listMaterials(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<WorkshopMaterialView[]> {
    return this.materials.listForParticipant(actor, slugOf(slug));
  }

  @Route(workshopsApi.materialFile)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  async materialFile(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Param('materialId', uuidParam('materialId')) materialId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const download = await this.materials.open(actor, slugOf(slug), materialId);
    void reply.headers(download.headers);
    return new StreamableFile(download.stream, {
      type: download.headers['Content-Type'],
      length: Number(download.headers['Content-Length']),
      disposition: download.headers['Content-Disposition'],
    });
  }

  @Route(workshopsApi.survey)
  @ApiOperation({ summary: 'The feedback survey in the reader’s language, and whether they answered' })
  @ApiOkResponse({ description: 'The survey' })
  async survey(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: WorkshopLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<WorkshopSurveyPublicView> {
    return this.surveys.forParticipant(actor, slugOf(slug), await this.reader.of(actor, query.locale, acceptLanguage));
  }

  @Route(workshopsApi.answerSurvey)
  @ApiOperation({ summary: 'Answer the survey once the workshop is held, once, optionally anonymously' })
  @ApiCreatedResponse({ description: 'The answer as stored' })
  @ApiConflictResponse({ description: 'Not held yet, or answered already (the first answer in `response` unless anonymous)' })
  answer(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Body() body: SurveyResponseDto): Promise<WorkshopSurveyResponseView> {
    return this.surveys.answer(actor, slugOf(slug), body);
  }
}

/** The workshop report (its outcomes record), public once the workshop is report-published. */
@ApiTags('workshops')
@Public()
@Controller()
export class WorkshopReportController {
  constructor(
    private readonly outcomes: WorkshopOutcomeService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  @Route(workshopsApi.report)
  @ApiOperation({ summary: 'Outcomes of a workshop whose report is published, regions named in the reader’s language' })
  @ApiOkResponse({ description: 'The report' })
  @ApiNotFoundResponse({ description: 'No such workshop, or its report is not published' })
  async report(
    @OptionalActor() actor: Actor | null,
    @Param('slug') slug: string,
    @Query() query: WorkshopLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<WorkshopReportView> {
    return this.outcomes.report(slugOf(slug), await this.reader.of(actor, query.locale, acceptLanguage));
  }
}

/** Organisers: materials, the survey's questions and results, the outcomes record. */
@ApiTags('organiser: workshops')
@ApiBearerAuth()
@Controller()
export class OrganiserWorkshopOutcomesController {
  constructor(
    private readonly materials: WorkshopMaterialService,
    private readonly surveys: WorkshopSurveyService,
    private readonly outcomes: WorkshopOutcomeService,
  ) {}

  @Route(workshopsApi.organiserMaterials)
  @ApiOkResponse({ description: 'Materials, oldest first' })
  listMaterials(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopMaterialView[]> {
    return this.materials.listForOrganiser(actor, id);
  }

  @Route(workshopsApi.addMaterialLink)
  @ApiCreatedResponse({ description: 'The link' })
  addLink(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: MaterialLinkDto): Promise<WorkshopMaterialView> {
    return this.materials.addLink(actor, id, body);
  }

  @Route(workshopsApi.uploadMaterial)
  @UseInterceptors(
    UploadErrorsInterceptor,
    FileInterceptor('file', {
      limits: { fileSize: ACTIVITY_FILE_MAX_BYTES, files: 1, fields: 0, parts: 1 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    description: `One file, at most ${ACTIVITY_FILE_MAX_BYTES / 1024 / 1024} MB, judged by its content: ${ACTIVITY_FILE_EXTENSIONS.join(', ')}; title, language and session in the query`,
  })
  @ApiCreatedResponse({ description: 'The file material' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than the limit' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Content of a type not accepted (e.g. HTML or SVG, whatever the name says)' })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: MaterialFileQueryDto,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<WorkshopMaterialView> {
    if (!file?.buffer)
      throw new BadRequestException({ message: 'Send the file in the form field "file".', errors: [{ path: 'file', message: 'is required' }] });
    return this.materials.upload(actor, id, query, file.buffer, file.originalname);
  }

  @Route(workshopsApi.deleteMaterial)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed, with its file' })
  deleteMaterial(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('materialId', uuidParam('materialId')) materialId: string,
  ): Promise<void> {
    return this.materials.remove(actor, id, materialId);
  }

  @Route(workshopsApi.organiserSurvey)
  @ApiOkResponse({ description: 'The questions (the default ones when none were defined) and how many answered' })
  survey(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopSurveyView> {
    return this.surveys.forOrganiser(actor, id);
  }

  @Route(workshopsApi.saveSurvey)
  @ApiOkResponse({ description: 'The questions as saved' })
  @ApiConflictResponse({ description: 'Answers exist already' })
  saveSurvey(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: SaveSurveyDto): Promise<WorkshopSurveyView> {
    return this.surveys.save(actor, id, body);
  }

  @Route(workshopsApi.surveyResults)
  @ApiOkResponse({ description: 'Per rating question the distribution 1–5 and the mean; text answers listed' })
  results(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopSurveyResults> {
    return this.surveys.results(actor, id);
  }

  @Route(workshopsApi.organiserOutcomes)
  @ApiOkResponse({ description: 'The outcomes record, by kind' })
  listOutcomes(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopOutcomeView[]> {
    return this.outcomes.list(actor, id);
  }

  @Route(workshopsApi.addOutcome)
  @ApiCreatedResponse({ description: 'The entry' })
  addOutcome(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: OutcomeDto): Promise<WorkshopOutcomeView> {
    return this.outcomes.add(actor, id, body);
  }

  @Route(workshopsApi.updateOutcome)
  @ApiOkResponse({ description: 'The entry' })
  updateOutcome(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('outcomeId', uuidParam('outcomeId')) outcomeId: string,
    @Body() body: UpdateOutcomeDto,
  ): Promise<WorkshopOutcomeView> {
    return this.outcomes.update(actor, id, outcomeId, body);
  }

  @Route(workshopsApi.deleteOutcome)
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteOutcome(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('outcomeId', uuidParam('outcomeId')) outcomeId: string,
  ): Promise<void> {
    return this.outcomes.remove(actor, id, outcomeId);
  }
}
