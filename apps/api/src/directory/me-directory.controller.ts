import {
  BadRequestException,
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Headers,
  HttpCode,
  Injectable,
  NestInterceptor,
  Param,
  PayloadTooLargeException,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { catchError, throwError, type Observable } from 'rxjs';
import {
  directoryApi,
  NETWORK_PHOTO_MAX_BYTES,
  type MembershipView,
  type MyNetworkProfile,
} from '@aula/contracts';
import { MembershipService, NetworkProfileService } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import {
  DirectoryLocaleQueryDto,
  MembershipInputDto,
  MembershipUpdateDto,
  MembershipViewDto,
  MyNetworkProfileDto,
  NetworkProfileDto,
} from './directory.dto';
import { DirectoryReaderLocale } from './reader-locale';

const MAX_MB = NETWORK_PHOTO_MAX_BYTES / 1024 / 1024;

/** The multipart parser's own refusals ("File too large", "Too many parts") name `file`, as every 400 names its field. */
@Injectable()
class PhotoUploadErrors implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) {
          const message = `must be at most ${MAX_MB} MB`;
          return throwError(
            () =>
              new PayloadTooLargeException({
                message: `The photo is too large: it ${message}.`,
                errors: [{ path: 'file', message }],
              }),
          );
        }
        if (error instanceof BadRequestException) {
          const body = error.getResponse();
          if (!(typeof body === 'object' && body !== null && 'errors' in body))
            return throwError(
              () =>
                new BadRequestException({
                  message: error.message,
                  errors: [{ path: 'file', message: error.message }],
                }),
            );
        }
        return throwError(() => error);
      }),
    );
  }
}

/** The signed-in person's place in the network: their memberships and their opt-in public profile. */
@ApiTags('directory: me')
@ApiBearerAuth()
@Controller()
export class MeDirectoryController {
  constructor(
    private readonly memberships: MembershipService,
    private readonly profiles: NetworkProfileService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  @Route(directoryApi.myMemberships)
  @ApiOperation({ summary: 'My institutions: current ones first' })
  @ApiOkResponse({ type: MembershipViewDto, isArray: true })
  async listMemberships(
    @CurrentActor() actor: Actor,
    @Query() query: DirectoryLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<MembershipView[]> {
    return this.memberships.listForUser(actor.id, await this.reader.of(actor, query.locale, acceptLanguage));
  }

  @Route(directoryApi.addMyMembership)
  @ApiOperation({
    summary:
      'Add my institution: one of the directory, or a proposed one ("not listed") that an administrator confirms',
  })
  @ApiCreatedResponse({ type: MembershipViewDto })
  addMembership(@CurrentActor() actor: Actor, @Body() body: MembershipInputDto): Promise<MembershipView> {
    return this.memberships.add(actor.id, body);
  }

  @Route(directoryApi.updateMyMembership)
  @ApiOkResponse({ type: MembershipViewDto })
  async updateMembership(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: MembershipUpdateDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<MembershipView> {
    return this.memberships.update(
      actor.id,
      id,
      body,
      await this.reader.of(actor, undefined, acceptLanguage),
    );
  }

  @Route(directoryApi.removeMyMembership)
  @HttpCode(204)
  @ApiNoContentResponse()
  removeMembership(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.memberships.remove(actor.id, id);
  }

  @Route(directoryApi.myProfile)
  @ApiOkResponse({ type: MyNetworkProfileDto, description: 'Unpublished and empty until saved' })
  profile(@CurrentActor() actor: Actor): Promise<MyNetworkProfile> {
    return this.profiles.get(actor.id);
  }

  @Route(directoryApi.saveMyProfile)
  @ApiOperation({ summary: 'Save my network profile; `published: true` shows it to anyone' })
  @ApiOkResponse({ type: MyNetworkProfileDto })
  saveProfile(@CurrentActor() actor: Actor, @Body() body: NetworkProfileDto): Promise<MyNetworkProfile> {
    return this.profiles.save(actor.id, body);
  }

  @Route(directoryApi.withdrawMyProfile)
  @ApiOperation({
    summary: 'Withdraw my profile: hidden from every public answer at once (what it said is kept)',
  })
  @ApiOkResponse({ type: MyNetworkProfileDto })
  withdrawProfile(@CurrentActor() actor: Actor): Promise<MyNetworkProfile> {
    return this.profiles.withdraw(actor.id);
  }

  @Route(directoryApi.uploadMyPhoto)
  @UseInterceptors(
    PhotoUploadErrors,
    FileInterceptor('file', { limits: { fileSize: NETWORK_PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
    description: `One PNG, JPEG or WebP image, at most ${MAX_MB} MB, judged by its content`,
  })
  @ApiOkResponse({
    type: MyNetworkProfileDto,
    description: 'Shown once `showPhoto` is on and the profile published',
  })
  @ApiPayloadTooLargeResponse({ description: 'Larger than the limit' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PNG, JPEG or WebP image, whatever its name says' })
  uploadPhoto(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<MyNetworkProfile> {
    if (!file?.buffer)
      throw new BadRequestException({
        message: 'Send the photo in the form field "file".',
        errors: [{ path: 'file', message: 'is required' }],
      });
    return this.profiles.uploadPhoto(actor.id, file.buffer);
  }
}
