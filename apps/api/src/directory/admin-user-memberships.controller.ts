import { Body, Controller, Headers, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { directoryApi, type MembershipView } from '@aula/contracts';
import { DirectoryNotFoundError, MembershipService } from '@aula/server/directory';
import { IdentityReader, type Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import { DirectoryLocaleQueryDto, MembershipInputDto, MembershipViewDto } from './directory.dto';
import { DirectoryReaderLocale } from './reader-locale';

/** Administrators' view of a person's institutions, from the admin user screens (403 for anyone else). */
@ApiTags('admin: directory')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminUserMembershipsController {
  constructor(
    private readonly memberships: MembershipService,
    private readonly people: IdentityReader,
    private readonly locales: DirectoryReaderLocale,
  ) {}

  @Route(directoryApi.userMemberships)
  @ApiOperation({ summary: 'The person’s memberships, current ones first' })
  @ApiOkResponse({ type: MembershipViewDto, isArray: true })
  @ApiNotFoundResponse({ description: 'No such person' })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: DirectoryLocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<MembershipView[]> {
    await this.assertPerson(id);
    return this.memberships.listForUser(id, await this.locales.of(actor, query.locale, acceptLanguage));
  }

  @Route(directoryApi.addUserMembership)
  @ApiOperation({
    summary:
      'Record the person at an institution of the directory, or at a proposed one (pending until confirmed); an institution they already belong to gets the new position and dates',
  })
  @ApiCreatedResponse({ type: MembershipViewDto })
  @ApiBadRequestResponse({ description: 'An unknown or archived institution names `institutionId`' })
  @ApiNotFoundResponse({ description: 'No such person' })
  async add(@Param('id', uuidParam()) id: string, @Body() body: MembershipInputDto): Promise<MembershipView> {
    await this.assertPerson(id);
    return this.memberships.add(id, body);
  }

  private async assertPerson(id: string): Promise<void> {
    if (!(await this.people.account(id))) throw new DirectoryNotFoundError('person');
  }
}
