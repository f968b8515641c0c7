import { Controller, Headers, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { directoryApi, SLUG_PATTERN, type Page, type RegionPage, type RegionView } from '@aula/contracts';
import { PeopleService, RegionService } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { OptionalActor, Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { DirectoryLocaleQueryDto, RegionPageDto, RegionQueryDto, RegionWithPeopleDto } from './directory.dto';
import { DirectoryReaderLocale } from './reader-locale';

/** The network's regions, for anyone: visitors see the public ones, people signed in see all. */
@ApiTags('directory')
@Public()
@Controller()
export class RegionsController {
  constructor(
    private readonly regions: RegionService,
    private readonly people: PeopleService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  @Route(directoryApi.regions)
  @ApiOperation({ summary: 'Regions of the network, by slug; filters by world region, country and status' })
  @ApiOkResponse({ type: RegionPageDto })
  async list(
    @OptionalActor() actor: Actor | null,
    @Query() query: RegionQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Page<RegionView>> {
    const { audience, locale } = await this.reader.context(actor, query.locale, acceptLanguage);
    return this.regions.list(query, audience, locale);
  }

  @Route(directoryApi.region)
  @ApiOperation({ summary: "A region's page: the region, its active institutions and its published people" })
  @ApiOkResponse({ type: RegionWithPeopleDto })
  async page(
    @OptionalActor() actor: Actor | null,
    @Param('slug') slug: string,
    @Query() query: DirectoryLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<RegionPage> {
    // Not a slug: not a region (and never worth a query).
    if (!SLUG_PATTERN.test(slug)) throw new NotFoundException('No such region.');
    const { audience, locale } = await this.reader.context(actor, query.locale, acceptLanguage);
    return this.people.regionPage(slug, audience, locale);
  }
}
