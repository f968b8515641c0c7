import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnrolmentSummary } from '@aula/contracts';
import { EnrolmentService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { CurrentActor } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { EnrolmentSummaryDto } from './enrolment.dto';

/** What a trainee does about their own enrolments. */
@ApiTags('enrolment')
@ApiBearerAuth()
@Controller()
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Post('cohorts/:id/enrol')
  @ApiOperation({
    summary: 'Join an open cohort (waitlisted when full) or ask to join one that needs approval',
  })
  @ApiCreatedResponse({ type: EnrolmentSummaryDto })
  enrol(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.selfEnrol(actor, id);
  }

  @Get('enrolments/:id')
  @ApiOperation({
    summary: "One enrolment and its progress: its owner, the cohort's tutors and administrators",
  })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.get(actor, id);
  }

  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave a cohort (own enrolments only)' })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.selfWithdraw(actor, id);
  }
}
