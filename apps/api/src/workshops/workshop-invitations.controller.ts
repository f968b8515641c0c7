import { Body, Controller, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { workshopsApi, type AcceptWorkshopInvitationResult, type WorkshopInvitationView } from '@aula/contracts';
import { WorkshopInvitationService } from '@aula/server/workshops';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, OptionalActor, Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import {
  AcceptWorkshopInvitationDto,
  AcceptWorkshopInvitationResultDto,
  WorkshopInvitationDto,
  WorkshopInvitationViewDto,
} from './workshop-invitations.dto';

/** Registration by invitation: organisers invite, list and revoke; the invited person accepts. */
@ApiTags('organiser: workshops')
@ApiBearerAuth()
@Controller()
export class WorkshopInvitationsController {
  constructor(private readonly invitations: WorkshopInvitationService) {}

  @Route(workshopsApi.inviteToWorkshop)
  @ApiOperation({ summary: 'Invite email addresses (with or without an account); each gets a message with a link' })
  @ApiOkResponse({ type: WorkshopInvitationViewDto, isArray: true })
  invite(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: WorkshopInvitationDto): Promise<WorkshopInvitationView[]> {
    return this.invitations.invite(actor, id, body.emails);
  }

  @Route(workshopsApi.workshopInvitations)
  @ApiOkResponse({ type: WorkshopInvitationViewDto, isArray: true })
  list(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopInvitationView[]> {
    return this.invitations.list(actor, id);
  }

  @Route(workshopsApi.revokeWorkshopInvitation)
  @ApiOkResponse({ type: WorkshopInvitationViewDto })
  @ApiConflictResponse({ description: 'Already accepted' })
  revoke(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopInvitationView> {
    return this.invitations.revoke(actor, id);
  }

  @Route(workshopsApi.acceptWorkshopInvitation)
  @Public()
  @ApiOperation({ summary: 'Accept: signed in as the invited address, or with a name and password for a new account' })
  @ApiOkResponse({ type: AcceptWorkshopInvitationResultDto })
  @ApiBadRequestResponse({ description: '`token` used, revoked, expired or unknown; or a missing name or password' })
  accept(@OptionalActor() actor: Actor | null, @Body() body: AcceptWorkshopInvitationDto): Promise<AcceptWorkshopInvitationResult> {
    return this.invitations.accept(actor, body);
  }
}
