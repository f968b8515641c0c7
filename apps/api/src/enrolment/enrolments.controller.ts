import { Controller, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnrolmentSummary } from '@aula/contracts';
import { EnrolmentService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { enrolmentApi } from '@aula/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { EnrolmentSummaryDto } from './enrolment.dto';
import { Route } from '../common/route.decorator';

/** What a trainee does about their own enrolments. */
@ApiTags('enrolment')
@ApiBearerAuth()
@Controller()
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Route(enrolmentApi.enrol)
  @ApiOperation({
    summary: 'Join an open cohort (waitlisted when full) or ask to join one that needs approval',
  })
  @ApiCreatedResponse({ type: EnrolmentSummaryDto })
  enrol(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.selfEnrol(actor, id);
  }

  @Route(enrolmentApi.enrolment)
  @ApiOperation({
    summary: "One enrolment and its progress: its owner, the cohort's tutors and administrators",
  })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.get(actor, id);
  }

  @Route(enrolmentApi.withdraw)
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave a cohort (own enrolments only)' })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.selfWithdraw(actor, id);
  }
}
