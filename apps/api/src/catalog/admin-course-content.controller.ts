import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Param,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ACTIVITY_FILE_EXTENSIONS,
  ACTIVITY_FILE_MAX_BYTES,
  type ActivityAdminView,
  catalogApi,
  type ModuleAdminView,
} from '@aula/contracts';
import { ActivityFileService, CatalogService } from '@aula/server/catalog';
import { Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { sendActivityFile } from './activity-file.response';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';
import {
  ActivityAdminViewDto,
  CreateActivityDto,
  ModuleAdminViewDto,
  ReorderDto,
  UpdateActivityDto,
  UpdateModuleDto,
} from './catalog.dto';
import { Route } from '../common/route.decorator';

/** Modules, activities and activity files of a course. */
@ApiTags('admin: catalogue')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminCourseContentController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly files: ActivityFileService,
  ) {}

  @Route(catalogApi.updateModule)
  @ApiOkResponse({ type: ModuleAdminViewDto })
  updateModule(
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateModuleDto,
  ): Promise<ModuleAdminView> {
    return this.catalog.updateModule(id, body);
  }

  @Route(catalogApi.deleteModule)
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Removed with its activities, their files and learners’ completions of them',
  })
  async deleteModule(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.catalog.deleteModule(id);
  }

  @Route(catalogApi.addActivity)
  @ApiCreatedResponse({ type: ActivityAdminViewDto, description: 'Added last in the module' })
  addActivity(
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateActivityDto,
  ): Promise<ActivityAdminView> {
    return this.catalog.addActivity(id, body);
  }

  @Route(catalogApi.orderActivities)
  @ApiOkResponse({ type: ModuleAdminViewDto })
  reorderActivities(
    @Param('id', uuidParam()) id: string,
    @Body() body: ReorderDto,
  ): Promise<ModuleAdminView> {
    return this.catalog.reorderActivities(id, body.ids);
  }

  @Route(catalogApi.updateActivity)
  @ApiOkResponse({ type: ActivityAdminViewDto })
  updateActivity(
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateActivityDto,
  ): Promise<ActivityAdminView> {
    return this.catalog.updateActivity(id, body);
  }

  @Route(catalogApi.deleteActivity)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed with its file and learners’ completions of it' })
  async deleteActivity(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.catalog.deleteActivity(id);
  }

  @Route(catalogApi.uploadActivityFile)
  @UseInterceptors(
    UploadErrorsInterceptor,
    FileInterceptor('file', {
      limits: { fileSize: ACTIVITY_FILE_MAX_BYTES, files: 1, fields: 0, parts: 1 },
      // Browsers send UTF-8 names; the multipart default (latin1) would garble "Guía.pdf".
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
    description: `One file, at most ${ACTIVITY_FILE_MAX_BYTES / 1024 / 1024} MB, judged by its content: ${ACTIVITY_FILE_EXTENSIONS.join(', ')}`,
  })
  @ApiOkResponse({ type: ActivityAdminViewDto })
  @ApiPayloadTooLargeResponse({ description: 'Larger than the limit' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'Content of a type not accepted (e.g. HTML or SVG, whatever the name says)',
  })
  uploadFile(
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<ActivityAdminView> {
    if (!file?.buffer)
      throw new BadRequestException({
        message: 'Send the file in the form field "file".',
        errors: [{ path: 'file', message: 'is required' }],
      });
    return this.files.attach(id, file.buffer, file.originalname);
  }

  @Route(catalogApi.activityFile)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  async downloadFile(
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return sendActivityFile(reply, await this.files.open(id));
  }
}
