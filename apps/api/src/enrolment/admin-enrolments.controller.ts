import { Controller, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnrolmentSummary } from '@aula/contracts';
import { EnrolmentService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { enrolmentApi } from '@aula/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { EnrolmentSummaryDto } from './enrolment.dto';
import { Route } from '../common/route.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminEnrolmentsController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Route(enrolmentApi.approve)
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a pending request: active, or waitlisted when the cohort is full' })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.approve(actor, id);
  }

  @Route(enrolmentApi.reject)
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a pending request or a place on the waiting list (becomes withdrawn)' })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.reject(actor, id);
  }

  @Route(enrolmentApi.adminWithdraw)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take someone out of the cohort; a freed seat goes to the longest-waiting person',
  })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.adminWithdraw(actor, id);
  }
}
