import { Controller, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CohortView, Page, RosterEntry } from '@aula/contracts';
import { attachmentDisposition } from '@aula/server/core';
import { CohortService, RosterService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { enrolmentApi } from '@aula/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import {
  CohortListQueryDto,
  CohortPageDto,
  CohortViewDto,
  RosterCsvQueryDto,
  RosterPageDto,
  RosterQueryDto,
} from './enrolment.dto';
import { Route } from '../common/route.decorator';

/** Cohorts as their tutors see them (administrators see every cohort). */
@ApiTags('tutor')
@ApiBearerAuth()
@Roles('tutor', 'admin')
@Controller()
export class CohortsController {
  constructor(
    private readonly cohorts: CohortService,
    private readonly roster: RosterService,
  ) {}

  @Route(enrolmentApi.tutorCohorts)
  @ApiOperation({ summary: 'Cohorts I tutor (administrators: all), latest start first' })
  @ApiOkResponse({ type: CohortPageDto })
  mine(@CurrentActor() actor: Actor, @Query() query: CohortListQueryDto): Promise<Page<CohortView>> {
    return this.cohorts.list(actor, query, 'mine');
  }

  @Route(enrolmentApi.cohort)
  @ApiOkResponse({ type: CohortViewDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CohortView> {
    return this.cohorts.get(actor, id);
  }

  @Route(enrolmentApi.roster)
  @ApiOperation({ summary: 'People of the cohort with their progress, by name' })
  @ApiOkResponse({ type: RosterPageDto })
  rosterPage(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: RosterQueryDto,
  ): Promise<Page<RosterEntry>> {
    return this.roster.page(actor, id, query);
  }

  @Route(enrolmentApi.rosterCsv)
  @ApiOperation({
    summary:
      'The whole roster as CSV (UTF-8 with BOM; cells that could run as formulas start with an apostrophe)',
  })
  @ApiProduces('text/csv')
  async rosterCsv(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: RosterCsvQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.roster.csv(actor, id, query);
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', attachmentDisposition(file.fileName))
      .header('Cache-Control', 'private, no-store');
    return file.content;
  }
}
