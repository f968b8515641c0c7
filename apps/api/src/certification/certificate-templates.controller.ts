import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Injectable,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type PipeTransform,
} from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { catchError, throwError, type Observable } from 'rxjs';
import {
  CERTIFICATE_TEMPLATE_LIMITS,
  CERTIFICATE_TEMPLATE_SCOPES,
  type CertificateTemplateImage,
  type CertificateTemplateScope,
  type CertificateTemplateView,
  certificationApi,
} from '@aula/contracts';
import { CertificateTemplateService } from '@aula/server/certification';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import {
  CertificatePreviewDto,
  CertificateTemplateDto,
  CertificateTemplateImageDto,
  CertificateTemplateViewDto,
} from './certification.dto';
import { Route } from '../common/route.decorator';

/** `programmes` or `courses`; any other word is a path that does not exist. */
@Injectable()
class ScopePipe implements PipeTransform<string, CertificateTemplateScope> {
  transform(value: string): CertificateTemplateScope {
    if (!(CERTIFICATE_TEMPLATE_SCOPES as readonly string[]).includes(value)) throw new NotFoundException();
    return value as CertificateTemplateScope;
  }
}

const MAX_MB = CERTIFICATE_TEMPLATE_LIMITS.imageBytes / 1024 / 1024;

/** The multipart parser's own refusals ("File too large", "Too many parts") name `file`, as every 400 names its field. */
@Injectable()
class ImageUploadErrors implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) {
          const message = `must be at most ${MAX_MB} MB`;
          return throwError(
            () => new PayloadTooLargeException({ message: `The image is too large: it ${message}.`, errors: [{ path: 'file', message }] }),
          );
        }
        if (error instanceof BadRequestException) {
          const body = error.getResponse();
          if (!(typeof body === 'object' && body !== null && 'errors' in body)) {
            return throwError(
              () => new BadRequestException({ message: error.message, errors: [{ path: 'file', message: error.message }] }),
            );
          }
        }
        return throwError(() => error);
      }),
    );
  }
}

const SCOPE_PARAM = ApiParam({ name: 'scope', enum: CERTIFICATE_TEMPLATE_SCOPES });

/**
 * Certificate templates of programmes and courses (administrators; 403 for anyone else). A course
 * without its own template prints with its programme's, a programme without one with the
 * built-in template.
 */
@ApiTags('admin: certificate templates')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class CertificateTemplatesController {
  constructor(private readonly templates: CertificateTemplateService) {}

  @Route(certificationApi.template)
  @SCOPE_PARAM
  @ApiOperation({ summary: 'The template in effect and where it comes from (own, programme, default)' })
  @ApiOkResponse({ type: CertificateTemplateViewDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('scope', ScopePipe) scope: CertificateTemplateScope,
    @Param('id', uuidParam()) id: string,
  ): Promise<CertificateTemplateView> {
    return this.templates.view(actor, scope, id);
  }

  @Route(certificationApi.saveTemplate)
  @SCOPE_PARAM
  @ApiOperation({ summary: 'Save the own template (a new version); images it no longer uses are removed' })
  @ApiOkResponse({ type: CertificateTemplateViewDto })
  save(
    @CurrentActor() actor: Actor,
    @Param('scope', ScopePipe) scope: CertificateTemplateScope,
    @Param('id', uuidParam()) id: string,
    @Body() body: CertificateTemplateDto,
  ): Promise<CertificateTemplateView> {
    return this.templates.save(actor, scope, id, body);
  }

  @Route(certificationApi.resetTemplate)
  @SCOPE_PARAM
  @ApiOperation({ summary: "Remove the own template: use the programme's (courses) or the built-in one again" })
  @ApiOkResponse({ type: CertificateTemplateViewDto, description: 'The template in effect now' })
  reset(
    @CurrentActor() actor: Actor,
    @Param('scope', ScopePipe) scope: CertificateTemplateScope,
    @Param('id', uuidParam()) id: string,
  ): Promise<CertificateTemplateView> {
    return this.templates.reset(actor, scope, id);
  }

  @Route(certificationApi.previewTemplate)
  @HttpCode(200)
  @SCOPE_PARAM
  @ApiOperation({
    summary: 'A sample PDF of the template in the body (saved or not), in the language asked, with sample values',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, shown inline' })
  async preview(
    @CurrentActor() actor: Actor,
    @Param('scope', ScopePipe) scope: CertificateTemplateScope,
    @Param('id', uuidParam()) id: string,
    @Body() body: CertificatePreviewDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const pdf = await this.templates.preview(actor, scope, id, body.template, body.locale);
    void reply.headers({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.length,
      disposition: 'inline; filename="certificate-preview.pdf"',
    });
  }

  @Route(certificationApi.uploadTemplateImage)
  @SCOPE_PARAM
  @UseInterceptors(
    ImageUploadErrors,
    FileInterceptor('file', {
      limits: { fileSize: CERTIFICATE_TEMPLATE_LIMITS.imageBytes, files: 1, fields: 0, parts: 1 },
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    description: `One PNG or JPEG image, at most ${MAX_MB} MB and ${CERTIFICATE_TEMPLATE_LIMITS.imagePixels} pixels a side, judged by its content`,
  })
  @ApiCreatedResponse({ type: CertificateTemplateImageDto, description: 'Put `key` in the template and save it' })
  uploadImage(
    @CurrentActor() actor: Actor,
    @Param('scope', ScopePipe) scope: CertificateTemplateScope,
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<CertificateTemplateImage> {
    if (!file?.buffer) {
      throw new BadRequestException({
        message: 'Send the image in the form field "file".',
        errors: [{ path: 'file', message: 'is required' }],
      });
    }
    return this.templates.uploadImage(actor, scope, id, file.buffer);
  }

  @Route(certificationApi.removeTemplateImage)
  @HttpCode(204)
  @SCOPE_PARAM
  @ApiOperation({ summary: 'Remove an uploaded image that no saved template uses (409 when one does)' })
  @ApiNoContentResponse()
  async removeImage(
    @CurrentActor() actor: Actor,
    @Param('scope', ScopePipe) scope: CertificateTemplateScope,
    @Param('id', uuidParam()) id: string,
    @Param('name') name: string,
  ): Promise<void> {
    await this.templates.removeImage(actor, scope, id, name);
  }
}
