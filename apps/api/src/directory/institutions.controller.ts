import { Controller, Headers, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  directoryApi,
  type InstitutionPage,
  type InstitutionRef,
  type InstitutionView,
  type Page,
} from '@aula/contracts';
import { InstitutionService, PeopleService } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { OptionalActor, Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import {
  DirectoryLocaleQueryDto,
  InstitutionPageDto,
  InstitutionRefDto,
  InstitutionWithPeopleDto,
  PublicInstitutionQueryDto,
  SuggestQueryDto,
} from './directory.dto';
import { DirectoryReaderLocale } from './reader-locale';

/**
 * Active institutions, for anyone: visitors see those marked public, people signed in see all
 * active ones; pending and archived institutions exist only on the admin routes.
 */
@ApiTags('directory')
@Public()
@Controller()
export class InstitutionsController {
  constructor(
    private readonly institutions: InstitutionService,
    private readonly people: PeopleService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  @Route(directoryApi.institutions)
  @ApiOperation({
    summary: 'Institutions by name; filters by country, region, world region, kind, sector and topic',
  })
  @ApiOkResponse({ type: InstitutionPageDto })
  async list(
    @OptionalActor() actor: Actor | null,
    @Query() query: PublicInstitutionQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Page<InstitutionView>> {
    const { audience, locale } = await this.reader.context(actor, query.locale, acceptLanguage);
    return this.institutions.list(query, audience, locale);
  }

  @Route(directoryApi.suggestInstitutions)
  @ApiOperation({
    summary: 'The typeahead: names and acronyms starting with the text first, then similar spellings',
  })
  @ApiOkResponse({ type: InstitutionRefDto, isArray: true })
  async suggest(
    @OptionalActor() actor: Actor | null,
    @Query() query: SuggestQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<InstitutionRef[]> {
    const { audience, locale } = await this.reader.context(actor, query.locale, acceptLanguage);
    return this.institutions.suggest(query, audience, locale);
  }

  @Route(directoryApi.institution)
  @ApiOperation({
    summary: "An institution's page with its published people; the id of a merged one opens the survivor",
  })
  @ApiOkResponse({ type: InstitutionWithPeopleDto })
  async page(
    @OptionalActor() actor: Actor | null,
    @Param('id', uuidParam()) id: string,
    @Query() query: DirectoryLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<InstitutionPage> {
    const { audience, locale } = await this.reader.context(actor, query.locale, acceptLanguage);
    return this.people.institutionPage(id, audience, locale);
  }
}
