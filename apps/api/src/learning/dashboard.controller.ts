import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LearnerDashboard } from '@aula/contracts';
import { LearningService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { learningApi } from '@aula/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { LearnerDashboardDto } from './learning.dto';
import { Route } from '../common/route.decorator';

@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class DashboardController {
  constructor(private readonly learning: LearningService) {}

  @Route(learningApi.dashboard)
  @ApiOkResponse({ type: LearnerDashboardDto })
  dashboard(@CurrentActor() actor: Actor): Promise<LearnerDashboard> {
    return this.learning.dashboard(actor);
  }
}
