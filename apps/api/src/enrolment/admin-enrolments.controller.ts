import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnrolmentSummary } from '@aula/contracts';
import { EnrolmentService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { EnrolmentSummaryDto } from './enrolment.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/enrolments')
export class AdminEnrolmentsController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a pending request: active, or waitlisted when the cohort is full' })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a pending request or a place on the waiting list (becomes withdrawn)' })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.reject(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take someone out of the cohort; a freed seat goes to the longest-waiting person',
  })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.adminWithdraw(actor, id);
  }
}
