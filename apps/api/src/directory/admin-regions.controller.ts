import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { directoryApi, type Page, type RegionView } from '@aula/contracts';
import { RegionService } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import {
  CreateRegionDto,
  RegionPageDto,
  RegionQueryDto,
  RegionViewDto,
  UpdateRegionDto,
} from './directory.dto';

/** Administrators' regions: every region, public or not (403 for anyone else). */
@ApiTags('admin: directory')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminRegionsController {
  constructor(private readonly regions: RegionService) {}

  @Route(directoryApi.adminRegions)
  @ApiOkResponse({ type: RegionPageDto })
  list(@Query() query: RegionQueryDto): Promise<Page<RegionView>> {
    return this.regions.list(query, 'admin', query.locale ?? null);
  }

  @Route(directoryApi.createRegion)
  @ApiOperation({ summary: 'A new region; ISO codes are checked (the subdivision against the country)' })
  @ApiCreatedResponse({ type: RegionViewDto })
  @ApiConflictResponse({ description: 'The slug is taken' })
  create(@Body() body: CreateRegionDto): Promise<RegionView> {
    return this.regions.create(body);
  }

  @Route(directoryApi.adminRegion)
  @ApiOkResponse({ type: RegionViewDto })
  get(@Param('id', uuidParam()) id: string): Promise<RegionView> {
    return this.regions.get(id, 'admin', null);
  }

  @Route(directoryApi.updateRegion)
  @ApiOkResponse({ type: RegionViewDto })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateRegionDto): Promise<RegionView> {
    return this.regions.update(id, body);
  }

  @Route(directoryApi.deleteRegion)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Institutions belong to it: `references` says how many' })
  delete(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.regions.delete(id, actor.id);
  }
}
