import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignmentSettings } from '@aula/contracts';
import { AssignmentService } from '@aula/server/assessment';
import { assignmentApi } from '@aula/contracts';
import { Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { AssignmentSettingsDto } from './assignment.dto';
import { Route } from '../common/route.decorator';

/** Settings of assignment activities (instructions are the activity's body, edited with the course). */
@ApiTags('admin: assignments')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AssignmentAdminController {
  constructor(private readonly assignments: AssignmentService) {}

  @Route(assignmentApi.settings)
  @ApiOperation({ summary: 'Settings of an assignment (defaults the first time)' })
  @ApiOkResponse({ description: 'AssignmentSettings' })
  settings(@Param('activityId', uuidParam()) activityId: string): Promise<AssignmentSettings> {
    return this.assignments.settings(activityId);
  }

  @Route(assignmentApi.saveSettings)
  @ApiOperation({ summary: 'Change settings; fields left out keep their value; a rubric decides the max points' })
  @ApiOkResponse({ description: 'AssignmentSettings' })
  update(
    @Param('activityId', uuidParam()) activityId: string,
    @Body() body: AssignmentSettingsDto,
  ): Promise<AssignmentSettings> {
    return this.assignments.updateSettings(activityId, body);
  }
}
