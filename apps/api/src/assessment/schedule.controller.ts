import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CohortDatesEntry, CohortScheduleView, ExtensionView, OwnDatesEntry } from '@aula/contracts';
import { CohortDatesService } from '@aula/server/assessment';
import type { Actor } from '@aula/server/identity';
import { scheduleApi } from '@aula/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { ActivityDatesDto, ExtensionDatesDto } from './schedule.dto';
import { Route } from '../common/route.decorator';

/** Dates of a cohort's quizzes and assignments, and extensions per trainee. */
@ApiTags('schedule')
@ApiBearerAuth()
@Roles('tutor', 'admin')
@Controller()
export class CohortScheduleController {
  constructor(private readonly dates: CohortDatesService) {}

  @Route(scheduleApi.cohort)
  @ApiOperation({
    summary: "Quizzes and assignments with the cohort's dates, extensions, and the cohort's time zone",
  })
  @ApiOkResponse({ description: 'CohortScheduleView' })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CohortScheduleView> {
    return this.dates.view(actor, id);
  }

  @Route(scheduleApi.setDates)
  @ApiOperation({
    summary: 'Sets the dates of one quiz (opensAt, closesAt) or assignment (dueAt, closesAt = cut-off)',
    description: 'ISO instants with offset; opens ≤ due ≤ closes. A date of the other kind is a 400.',
  })
  @ApiOkResponse({ description: 'CohortDatesEntry' })
  set(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: ActivityDatesDto,
  ): Promise<CohortDatesEntry> {
    return this.dates.set(actor, id, activityId, body);
  }

  @Route(scheduleApi.grantExtension)
  @ApiOperation({ summary: "Grants one trainee later dates (after the cohort's)" })
  @ApiOkResponse({ description: 'ExtensionView' })
  grant(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
    @Body() body: ExtensionDatesDto,
  ): Promise<ExtensionView> {
    return this.dates.grant(actor, id, activityId, enrolmentId, body);
  }

  @Route(scheduleApi.revokeExtension)
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Revoked: the cohort's dates apply again" })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
  ): Promise<void> {
    await this.dates.revoke(actor, id, activityId, enrolmentId);
  }
}

/** A trainee's own dates (extensions applied), for their quiz and assignment views. */
@ApiTags('schedule')
@ApiBearerAuth()
@Controller()
export class OwnDatesController {
  constructor(private readonly dates: CohortDatesService) {}

  @Route(scheduleApi.enrolment)
  @ApiOperation({
    summary: "My dates for every quiz and assignment of this enrolment, with the cohort's time zone",
  })
  @ApiOkResponse({ description: 'OwnDatesEntry[]' })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<OwnDatesEntry[]> {
    return this.dates.own(actor, id);
  }
}
