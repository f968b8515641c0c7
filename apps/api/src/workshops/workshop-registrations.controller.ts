import { Body, Controller, Headers, HttpCode, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  SLUG_PATTERN,
  workshopsApi,
  type MyWorkshopRegistration,
  type WorkshopParticipant,
  type WorkshopRegistrationView,
} from '@aula/contracts';
import { RegistrationService, WorkshopCatalogueService } from '@aula/server/workshops';
import type { Actor } from '@aula/server/identity';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import { DirectoryReaderLocale } from '../directory/reader-locale';
import { MyWorkshopsQueryDto, WorkshopRegisterDto } from './workshops.dto';
import { MyWorkshopRegistrationDto, WorkshopParticipantDto, WorkshopRegistrationViewDto } from './workshop-views.dto';

const slugOf = (slug: string): string => {
  if (!SLUG_PATTERN.test(slug)) throw new NotFoundException('No such workshop.');
  return slug;
};

/** The signed-in person's registration: register, read, withdraw, confirm an offered seat; fellow participants. */
@ApiTags('workshops')
@ApiBearerAuth()
@Controller()
export class WorkshopRegistrationsController {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly catalogue: WorkshopCatalogueService,
    private readonly reader: DirectoryReaderLocale,
  ) {}

  @Route(workshopsApi.myWorkshops)
  @ApiOperation({ summary: "My workshops: the signed-in person's registrations with their workshop, upcoming then past" })
  @ApiOkResponse({ type: MyWorkshopRegistrationDto, isArray: true })
  async myWorkshops(
    @CurrentActor() actor: Actor,
    @Query() query: MyWorkshopsQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<MyWorkshopRegistration[]> {
    return this.catalogue.mine(actor, query, await this.reader.of(actor, query.locale, acceptLanguage));
  }

  @Route(workshopsApi.register)
  @ApiOperation({ summary: 'Register: a seat or the waiting list (open), or an application (by application)' })
  @ApiCreatedResponse({ type: WorkshopRegistrationViewDto })
  @ApiConflictResponse({ description: 'Already registered (`registration` holds it), or registration is not open' })
  @ApiForbiddenResponse({ description: 'By invitation only' })
  register(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Body() body: WorkshopRegisterDto): Promise<WorkshopRegistrationView> {
    return this.registrations.register(actor, slugOf(slug), body);
  }

  @Route(workshopsApi.myRegistration)
  @ApiOkResponse({ type: WorkshopRegistrationViewDto })
  @ApiNotFoundResponse({ description: 'Not registered' })
  mine(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<WorkshopRegistrationView> {
    return this.registrations.mine(actor, slugOf(slug));
  }

  @Route(workshopsApi.participants)
  @ApiOperation({ summary: 'Confirmed participants, for organisers and confirmed participants of this workshop' })
  @ApiOkResponse({ type: WorkshopParticipantDto, isArray: true })
  participants(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<WorkshopParticipant[]> {
    return this.catalogue.participants(actor, slugOf(slug));
  }

  @Route(workshopsApi.withdrawRegistration)
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw before the workshop begins; a freed seat is offered to the next in line' })
  @ApiOkResponse({ type: WorkshopRegistrationViewDto })
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopRegistrationView> {
    return this.registrations.withdraw(actor, id);
  }

  @Route(workshopsApi.confirmOffer)
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an offered seat before its deadline' })
  @ApiOkResponse({ type: WorkshopRegistrationViewDto })
  @ApiConflictResponse({ description: 'Not offered, or the offer expired' })
  confirm(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<WorkshopRegistrationView> {
    return this.registrations.confirmOffer(actor, id);
  }
}
