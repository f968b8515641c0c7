import {
  BadRequestException,
  Body,
  Controller,
  Headers,
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
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ASSIGNMENT_FILE_MAX_BYTES,
  assignmentApi,
  type AssignmentTraineeView,
  type SubmissionFileView,
} from '@aula/contracts';
import { AssignmentService, type SubmissionFileDownload } from '@aula/server/assessment';
import type { Actor } from '@aula/server/identity';
import { CurrentActor } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { UploadErrorsInterceptor } from '../catalog/upload-errors.interceptor';
import { LocaleQueryDto } from '../learning/learning.dto';
import { DraftDto, SubmitDto } from './assignment.dto';
import { Route } from '../common/route.decorator';

function send(reply: FastifyReply, download: SubmissionFileDownload): StreamableFile {
  void reply.headers(download.headers);
  return new StreamableFile(download.stream, {
    type: download.file.contentType,
    length: download.file.size,
    disposition: download.headers['Content-Disposition'],
  });
}

/**
 * A trainee's assignment: the instructions and dates, their draft (text and files), submitting,
 * their versions and, once released, their grade. Readable by anyone who may read the course's
 * content; only active trainees change anything.
 */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller()
export class AssignmentController {
  constructor(private readonly assignments: AssignmentService) {}

  @Route(assignmentApi.view)
  @ApiOkResponse({ description: 'AssignmentTraineeView' })
  view(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam()) activityId: string,
    @Query() query: LocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AssignmentTraineeView> {
    return this.assignments.view(actor, activityId, query.locale, acceptLanguage);
  }

  @Route(assignmentApi.saveDraft)
  @ApiOperation({ summary: 'Save the draft text (sanitised rich text)' })
  @ApiOkResponse({ description: 'AssignmentTraineeView' })
  @ApiConflictResponse({ description: 'Submissions are closed (cut-off passed, late refused, no resubmission)' })
  saveDraft(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam()) activityId: string,
    @Body() body: DraftDto,
  ): Promise<AssignmentTraineeView> {
    return this.assignments.saveDraft(actor, activityId, body.text ?? null);
  }

  @Route(assignmentApi.uploadFile)
  @UseInterceptors(
    UploadErrorsInterceptor,
    FileInterceptor('file', {
      limits: { fileSize: ASSIGNMENT_FILE_MAX_BYTES, files: 1, fields: 0, parts: 1 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    description: "One file, within the assignment's size, count and type limits (type judged by the content)",
  })
  @ApiCreatedResponse({ description: 'SubmissionFileView' })
  addFile(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam()) activityId: string,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<SubmissionFileView> {
    if (!file?.buffer)
      throw new BadRequestException({
        message: 'Send the file in the form field "file".',
        errors: [{ path: 'file', message: 'is required' }],
      });
    return this.assignments.addFile(actor, activityId, file.buffer, file.originalname);
  }

  @Route(assignmentApi.removeFile)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed from the draft (submitted versions keep theirs)' })
  async removeFile(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam()) activityId: string,
    @Param('fileId', uuidParam()) fileId: string,
  ): Promise<void> {
    await this.assignments.removeFile(actor, activityId, fileId);
  }

  @Route(assignmentApi.submit)
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the draft as a new version' })
  @ApiOkResponse({ description: 'AssignmentTraineeView' })
  @ApiConflictResponse({ description: 'Cut-off passed, late refused, resubmission not allowed, or submitted elsewhere' })
  submit(
    @CurrentActor() actor: Actor,
    @Param('activityId', uuidParam()) activityId: string,
    @Body() body: SubmitDto,
  ): Promise<AssignmentTraineeView> {
    return this.assignments.submit(actor, activityId, body.expectedVersion);
  }

  @Route(assignmentApi.submissionFile)
  @ApiOperation({ summary: "A submission's file, as a download: its owner, the cohort's tutors and administrators" })
  @ApiProduces('application/octet-stream')
  async file(
    @CurrentActor() actor: Actor,
    @Param('fileId', uuidParam()) fileId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(reply, await this.assignments.openFile(actor, fileId));
  }
}
