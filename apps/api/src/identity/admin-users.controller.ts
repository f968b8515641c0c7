import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, UserView } from '@aula/contracts';
import { IdentityService, type Actor } from '@aula/server/identity';
import { identityApi } from '@aula/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { UpdateRolesDto, UserPageDto, UserQueryDto, UserViewDto } from './identity.dto';
import { Route } from '../common/route.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminUsersController {
  constructor(private readonly identity: IdentityService) {}

  @Route(identityApi.users)
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserQueryDto): Promise<Page<UserView>> {
    return this.identity.list(query);
  }

  @Route(identityApi.setUserRoles)
  @ApiOkResponse({ type: UserViewDto })
  setRoles(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: UpdateRolesDto): Promise<UserView> {
    return this.identity.setRoles(actor, id, body.roles);
  }

  @Route(identityApi.deactivateUser)
  @HttpCode(200)
  @ApiOkResponse({ type: UserViewDto })
  deactivate(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<UserView> {
    return this.identity.setActive(actor, id, false);
  }

  @Route(identityApi.activateUser)
  @HttpCode(200)
  @ApiOkResponse({ type: UserViewDto })
  activate(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<UserView> {
    return this.identity.setActive(actor, id, true);
  }
}
