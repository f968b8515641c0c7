import { Controller, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { workshopsApi, type WorkshopOrganiserView } from '@aula/contracts';
import { WorkshopOrganiserService } from '@aula/server/workshops';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import { WorkshopOrganiserViewDto } from './workshop-views.dto';

/** Administrators grant the organiser capability for one workshop (403 for anyone else). */
@ApiTags('admin: workshops')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminWorkshopOrganisersController {
  constructor(private readonly organisers: WorkshopOrganiserService) {}

  @Route(workshopsApi.workshopOrganisers)
  @ApiOkResponse({ type: WorkshopOrganiserViewDto, isArray: true })
  list(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopOrganiserView[]> {
    return this.organisers.list(actor, id);
  }

  @Route(workshopsApi.grantOrganiser)
  @ApiOperation({ summary: 'Make a person an organiser of this workshop (again: no change)' })
  @ApiOkResponse({ type: WorkshopOrganiserViewDto, isArray: true })
  grant(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<WorkshopOrganiserView[]> {
    return this.organisers.grant(actor, id, userId);
  }

  @Route(workshopsApi.revokeOrganiser)
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<void> {
    return this.organisers.revoke(actor, id, userId);
  }
}
