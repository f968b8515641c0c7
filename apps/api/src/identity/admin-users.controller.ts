import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, UserView } from '@aula/contracts';
import { IdentityService, type Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { UpdateRolesDto, UserPageDto, UserQueryDto, UserViewDto } from './identity.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserQueryDto): Promise<Page<UserView>> {
    return this.identity.list(query);
  }

  @Patch(':id/roles')
  @ApiOkResponse({ type: UserViewDto })
  setRoles(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: UpdateRolesDto): Promise<UserView> {
    return this.identity.setRoles(actor, id, body.roles);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserViewDto })
  deactivate(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<UserView> {
    return this.identity.setActive(actor, id, false);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserViewDto })
  activate(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<UserView> {
    return this.identity.setActive(actor, id, true);
  }
}
