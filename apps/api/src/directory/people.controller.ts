import { Controller, Headers, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { directoryApi, type Page, type PublicPersonView } from '@aula/contracts';
import { NetworkProfileService, PeopleService } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { OptionalActor, Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import { DirectoryLocaleQueryDto, PeoplePageDto, PeopleQueryDto, PublicPersonViewDto } from './directory.dto';
import { DirectoryReaderLocale } from './reader-locale';

/** People who published their network profile, for anyone: exactly the fields of PublicPersonView. */
@ApiTags('directory')
@Public()
@Controller()
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly profiles: NetworkProfileService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  @Route(directoryApi.people)
  @ApiOperation({ summary: 'Published people by name; filters by country, topic, institution and region' })
  @ApiOkResponse({ type: PeoplePageDto })
  async list(
    @OptionalActor() actor: Actor | null,
    @Query() query: PeopleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Page<PublicPersonView>> {
    const { audience, locale } = await this.reader.context(actor, query.locale, acceptLanguage);
    return this.people.list(query, audience, locale);
  }

  @Route(directoryApi.topics)
  @ApiOperation({
    summary: "The shared expertise topics: the catalogue's course topics and those on published profiles",
  })
  @ApiOkResponse({ type: String, isArray: true })
  topics(): Promise<string[]> {
    return this.people.topics();
  }

  @Route(directoryApi.person)
  @ApiOperation({ summary: 'One published person (404 for anyone else)' })
  @ApiOkResponse({ type: PublicPersonViewDto })
  async person(
    @OptionalActor() actor: Actor | null,
    @Param('id', uuidParam()) id: string,
    @Query() query: DirectoryLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicPersonView> {
    const { audience, locale } = await this.reader.context(actor, query.locale, acceptLanguage);
    return this.people.get(id, audience, locale);
  }

  @Route(directoryApi.personPhoto)
  @ApiOperation({ summary: 'The photo of a published profile that shows one (404 otherwise); never cached' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  async photo(
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const photo = await this.profiles.openPhoto(id);
    void reply.headers(photo.headers);
    return new StreamableFile(photo.stream, {
      type: photo.headers['Content-Type'],
      disposition: photo.headers['Content-Disposition'],
    });
  }
}
