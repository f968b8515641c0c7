import { Controller, Headers, HttpCode, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ActivityView, EnrolmentSummary } from '@aula/contracts';
import { LearningService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { learningApi } from '@aula/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { EnrolmentSummaryDto } from '../enrolment/enrolment.dto';
import { sendActivityFile } from '../catalog/activity-file.response';
import { ActivityViewDto, LocaleQueryDto } from './learning.dto';
import { Route } from '../common/route.decorator';

/** The activity player: content for people enrolled (active or completed), tutors and administrators. */
@ApiTags('learning')
@ApiBearerAuth()
@Controller()
export class ActivitiesController {
  constructor(private readonly learning: LearningService) {}

  @Route(learningApi.activity)
  @ApiOkResponse({ type: ActivityViewDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: LocaleQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ActivityView> {
    return this.learning.activity(actor, id, query.locale, acceptLanguage);
  }

  @Route(learningApi.activityFile)
  @ApiOperation({ summary: 'The file of a file activity, always as a download' })
  @ApiProduces('application/octet-stream')
  file(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return this.learning.activityFile(actor, id).then((download) => sendActivityFile(reply, download));
  }

  @Route(learningApi.markDone)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a page, file or link as done; answers the enrolment with its new progress' })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  done(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<EnrolmentSummary> {
    return this.learning.markDone(actor, id);
  }
}
