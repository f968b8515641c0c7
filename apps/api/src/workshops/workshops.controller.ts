import { Controller, Headers, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SLUG_PATTERN, workshopsApi, type Page, type WorkshopPublicView, type WorkshopSummary } from '@aula/contracts';
import { WorkshopCatalogueService } from '@aula/server/workshops';
import type { Actor } from '@aula/server/identity';
import { OptionalActor, Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { DirectoryReaderLocale } from '../directory/reader-locale';
import { WorkshopLocaleQueryDto, WorkshopQueryDto } from './workshops.dto';
import { WorkshopPublicViewDto, WorkshopSummaryPageDto } from './workshop-views.dto';

/** Published workshops, for anyone, in the reader's language. */
@ApiTags('workshops')
@Public()
@Controller()
export class WorkshopsController {
  constructor(
    private readonly catalogue: WorkshopCatalogueService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  @Route(workshopsApi.workshops)
  @ApiOperation({ summary: 'Workshops, upcoming or past; filters by kind, format and participating region' })
  @ApiOkResponse({ type: WorkshopSummaryPageDto })
  async list(
    @OptionalActor() actor: Actor | null,
    @Query() query: WorkshopQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Page<WorkshopSummary>> {
    return this.catalogue.list(query, await this.reader.of(actor, query.locale, acceptLanguage));
  }

  @Route(workshopsApi.workshop)
  @ApiOperation({ summary: "A workshop's page with its agenda; online links only for confirmed participants and organisers" })
  @ApiOkResponse({ type: WorkshopPublicViewDto })
  @ApiNotFoundResponse({ description: 'No such workshop, or a draft' })
  async detail(
    @OptionalActor() actor: Actor | null,
    @Param('slug') slug: string,
    @Query() query: WorkshopLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<WorkshopPublicView> {
    if (!SLUG_PATTERN.test(slug)) throw new NotFoundException('No such workshop.');
    return this.catalogue.detail(actor, slug, await this.reader.of(actor, query.locale, acceptLanguage));
  }
}
