import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Param,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
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
  type BulkReleaseResult,
  type CohortMarkingSummary,
  MARKING_FEEDBACK_FILE_MAX_BYTES,
  markingApi,
  type MarkingQueueEntry,
  type MarkingView,
  type Page,
  type TutorMarkingOverview,
} from '@aula/contracts';
import { MarkingQueueService, MarkingService } from '@aula/server/assessment';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UploadErrorsInterceptor } from '../catalog/upload-errors.interceptor';
import { uuidParam } from '../common/uuid.pipe';
import {
  BulkReleaseDto,
  FeedbackFileQueryDto,
  MarkingQueueQueryDto,
  ReleaseGradeDto,
  SaveMarkDto,
} from './marking.dto';
import { Route } from '../common/route.decorator';

/**
 * Marking for a cohort's tutors and administrators: the grading queue, one trainee's submission
 * beside the rubric, marks with a version check, feedback files, release. Trainees get 403;
 * tutors of other cohorts 404. The domain policy decides, the role guard only says it early.
 */
@ApiTags('marking')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Trainees' })
@ApiNotFoundResponse({ description: 'Absent, or a cohort the tutor does not tutor' })
@Controller()
export class MarkingController {
  constructor(
    private readonly queues: MarkingQueueService,
    private readonly marking: MarkingService,
  ) {}

  @Route(markingApi.overview)
  @Roles('tutor', 'admin')
  @ApiOperation({
    summary: 'Submissions waiting for a mark in the cohorts I tutor, per cohort and assignment',
  })
  @ApiOkResponse({ description: 'TutorMarkingOverview' })
  overview(@CurrentActor() actor: Actor): Promise<TutorMarkingOverview> {
    return this.queues.overview(actor);
  }

  @Route(markingApi.cohort)
  @Roles('tutor', 'admin')
  @ApiOperation({
    summary: "The cohort's assignments with counts: waiting, late, ready, released, not submitted",
  })
  @ApiOkResponse({ description: 'CohortMarkingSummary' })
  summary(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CohortMarkingSummary> {
    return this.queues.summary(actor, id);
  }

  @Route(markingApi.queue)
  @Roles('tutor', 'admin')
  @ApiOperation({
    summary:
      'The grading queue: submitted and unmarked first (oldest first), then ready, released, not submitted',
  })
  @ApiOkResponse({ description: 'Page<MarkingQueueEntry>; names hidden under blind marking until release' })
  queue(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: MarkingQueueQueryDto,
  ): Promise<Page<MarkingQueueEntry>> {
    return this.queues.queue(actor, id, query);
  }

  @Route(markingApi.releaseAll)
  @HttpCode(200)
  @Roles('tutor', 'admin')
  @ApiOperation({
    summary: "Release every 'ready' grade of an assignment in the cohort, or the grades named",
  })
  @ApiOkResponse({ description: 'BulkReleaseResult' })
  bulkRelease(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: BulkReleaseDto,
  ): Promise<BulkReleaseResult> {
    return this.marking.bulkRelease(actor, id, body);
  }

  @Route(markingApi.work)
  @Roles('tutor', 'admin')
  @ApiOperation({
    summary: "One trainee's latest submitted version, the rubric, the grade and its audit trail",
  })
  @ApiOkResponse({ description: 'MarkingView' })
  view(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
  ): Promise<MarkingView> {
    return this.marking.view(actor, activityId, enrolmentId);
  }

  @Route(markingApi.saveGrade)
  @Roles('tutor', 'admin')
  @ApiOperation({ summary: 'Save a mark as draft or ready (a released grade stays released)' })
  @ApiOkResponse({ description: 'MarkingView' })
  @ApiConflictResponse({ description: 'Someone changed the grade since expectedVersion' })
  save(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
    @Body() body: SaveMarkDto,
  ): Promise<MarkingView> {
    return this.marking.save(actor, activityId, enrolmentId, body);
  }

  @Route(markingApi.release)
  @HttpCode(200)
  @Roles('tutor', 'admin')
  @ApiOperation({ summary: 'Release the grade: its trainee sees it, the activity counts as done' })
  @ApiOkResponse({ description: 'MarkingView' })
  @ApiConflictResponse({ description: 'Changed since expectedVersion, or no points to release' })
  release(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
    @Body() body: ReleaseGradeDto,
  ): Promise<MarkingView> {
    return this.marking.release(actor, activityId, enrolmentId, body.expectedVersion);
  }

  @Route(markingApi.uploadFeedbackFile)
  @Roles('tutor', 'admin')
  @UseInterceptors(
    UploadErrorsInterceptor,
    FileInterceptor('file', {
      limits: { fileSize: MARKING_FEEDBACK_FILE_MAX_BYTES, files: 1, fields: 0, parts: 1 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
    description: 'One file, judged by its content like activity files',
  })
  @ApiOperation({ summary: 'Attach (or replace) the feedback file of the grade' })
  @ApiOkResponse({ description: 'MarkingView' })
  @ApiConflictResponse({ description: 'Someone changed the grade since expectedVersion' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than the limit' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Content of a type not accepted (HTML, SVG...)' })
  attachFeedbackFile(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
    @Query() query: FeedbackFileQueryDto,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<MarkingView> {
    if (!file?.buffer)
      throw new BadRequestException({
        message: 'Send the file in the form field "file".',
        errors: [{ path: 'file', message: 'is required' }],
      });
    return this.marking.attachFeedbackFile(
      actor,
      activityId,
      enrolmentId,
      file.buffer,
      file.originalname,
      query.expectedVersion ?? null,
    );
  }

  @Route(markingApi.removeFeedbackFile)
  @Roles('tutor', 'admin')
  @ApiOperation({ summary: 'Remove the feedback file of the grade' })
  @ApiOkResponse({ description: 'MarkingView' })
  removeFeedbackFile(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
    @Query() query: FeedbackFileQueryDto,
  ): Promise<MarkingView> {
    if (query.expectedVersion === undefined)
      throw new BadRequestException({
        message: 'expectedVersion is required',
        errors: [{ path: 'expectedVersion', message: 'is required' }],
      });
    return this.marking.removeFeedbackFile(actor, activityId, enrolmentId, query.expectedVersion);
  }

  @Route(markingApi.feedbackFile)
  @ApiOperation({
    summary:
      "The feedback file, as a download: the cohort's tutors and administrators, and the trainee once released",
  })
  @ApiProduces('application/octet-stream')
  async feedbackFile(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const download = await this.marking.openFeedbackFile(actor, activityId, enrolmentId);
    void reply.headers(download.headers);
    return new StreamableFile(download.stream, {
      type: download.contentType,
      length: download.size,
      disposition: download.headers['Content-Disposition'],
    });
  }
}
