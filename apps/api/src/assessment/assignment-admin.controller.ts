import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignmentSettings } from '@aula/contracts';
import { AssignmentService } from '@aula/server/assessment';
import { Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { AssignmentSettingsDto } from './assignment.dto';

/** Settings of assignment activities (instructions are the activity's body, edited with the course). */
@ApiTags('admin: assignments')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/assignments')
export class AssignmentAdminController {
  constructor(private readonly assignments: AssignmentService) {}

  @Get(':activityId/settings')
  @ApiOperation({ summary: 'Settings of an assignment (defaults the first time)' })
  @ApiOkResponse({ description: 'AssignmentSettings' })
  settings(@Param('activityId', uuidParam()) activityId: string): Promise<AssignmentSettings> {
    return this.assignments.settings(activityId);
  }

  @Put(':activityId/settings')
  @ApiOperation({ summary: 'Change settings; fields left out keep their value; a rubric decides the max points' })
  @ApiOkResponse({ description: 'AssignmentSettings' })
  update(
    @Param('activityId', uuidParam()) activityId: string,
    @Body() body: AssignmentSettingsDto,
  ): Promise<AssignmentSettings> {
    return this.assignments.updateSettings(activityId, body);
  }
}
