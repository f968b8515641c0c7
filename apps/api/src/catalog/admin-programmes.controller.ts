import { PageQueryDto } from '../common/dto';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, ProgrammeView } from '@aula/contracts';
import { CatalogService } from '@aula/server/catalog';
import { catalogApi } from '@aula/contracts';
import { Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import {
  CreateProgrammeDto,
  ProgrammePageDto,
  ProgrammeViewDto,
  UpdateProgrammeDto,
} from './catalog.dto';
import { Route } from '../common/route.decorator';

@ApiTags('admin: catalogue')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminProgrammesController {
  constructor(private readonly catalog: CatalogService) {}

  @Route(catalogApi.programmes)
  @ApiOkResponse({ type: ProgrammePageDto, description: 'Ordered by slug' })
  list(@Query() query: PageQueryDto): Promise<Page<ProgrammeView>> {
    return this.catalog.listProgrammes(query);
  }

  @Route(catalogApi.createProgramme)
  @ApiCreatedResponse({ type: ProgrammeViewDto })
  create(@Body() body: CreateProgrammeDto): Promise<ProgrammeView> {
    return this.catalog.createProgramme(body);
  }

  @Route(catalogApi.programme)
  @ApiOkResponse({ type: ProgrammeViewDto })
  get(@Param('id', uuidParam()) id: string): Promise<ProgrammeView> {
    return this.catalog.getProgramme(id);
  }

  @Route(catalogApi.updateProgramme)
  @ApiOkResponse({ type: ProgrammeViewDto })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateProgrammeDto): Promise<ProgrammeView> {
    return this.catalog.updateProgramme(id, body);
  }
}
