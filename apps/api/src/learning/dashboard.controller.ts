import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LearnerDashboard } from '@aula/contracts';
import { LearningService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { CurrentActor } from '../auth/auth.decorators';
import { LearnerDashboardDto } from './learning.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/dashboard')
export class DashboardController {
  constructor(private readonly learning: LearningService) {}

  @Get()
  @ApiOkResponse({ type: LearnerDashboardDto })
  dashboard(@CurrentActor() actor: Actor): Promise<LearnerDashboard> {
    return this.learning.dashboard(actor);
  }
}
