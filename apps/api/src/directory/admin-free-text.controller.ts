import { Body, Controller, Headers, HttpCode, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { directoryApi, type FreeTextMatchReport, type FreeTextValueView, type Page } from '@aula/contracts';
import { FreeTextService } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { InstitutionRefDto, RegionRefDto } from './directory.dto';
import {
  FreeTextLocaleQueryDto,
  FreeTextMatchReportDto,
  FreeTextPageDto,
  FreeTextQueryDto,
  FreeTextValueViewDto,
  ResolveFreeTextDto,
} from './free-text.dto';
import { DirectoryReaderLocale } from './reader-locale';

/** Administrators give what people typed as organisation or region a home in the directory (403 for anyone else). */
@ApiTags('admin: directory')
@ApiBearerAuth()
@ApiExtraModels(InstitutionRefDto, RegionRefDto)
@Roles('admin')
@Controller()
export class AdminFreeTextController {
  constructor(
    private readonly freeText: FreeTextService,
    private readonly locales: DirectoryReaderLocale,
  ) {}

  @Route(directoryApi.freeText)
  @ApiOperation({
    summary:
      'Typed values grouped by field and folded text, largest groups first, with close records as candidates',
  })
  @ApiOkResponse({ type: FreeTextPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: FreeTextQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Page<FreeTextValueView>> {
    return this.freeText.list(query, await this.locales.of(actor, query.locale, acceptLanguage));
  }

  @Route(directoryApi.matchFreeText)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Match every waiting value whose text is the name or acronym of exactly one active institution (of the person’s country) or the name of exactly one region',
  })
  @ApiOkResponse({ type: FreeTextMatchReportDto })
  match(): Promise<FreeTextMatchReport> {
    return this.freeText.matchAll();
  }

  @Route(directoryApi.resolveFreeText)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Pick a record, create one, or ignore the text, for everyone in the group whose value has no home yet; audited',
  })
  @ApiOkResponse({ type: FreeTextValueViewDto })
  @ApiBadRequestResponse({ description: 'A missing or unknown target, or a bad new record, named' })
  @ApiNotFoundResponse({ description: 'No value waiting for a home has this field and key' })
  async resolve(
    @CurrentActor() actor: Actor,
    @Body() body: ResolveFreeTextDto,
    @Query() query: FreeTextLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<FreeTextValueView> {
    return this.freeText.resolve(body, actor.id, await this.locales.of(actor, query.locale, acceptLanguage));
  }
}
