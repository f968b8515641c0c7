import { Body, Controller, HttpCode, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CohortGradebook, CourseGradingView, GradeImportReport, OwnGradebook } from '@aula/contracts';
import { attachmentDisposition } from '@aula/server/core';
import { GradebookCsvService, GradebookService } from '@aula/server/assessment';
import type { Actor } from '@aula/server/identity';
import { gradebookApi } from '@aula/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { CsvBody } from '../common/csv-body';
import { CourseGradingDto, GradebookCsvQueryDto, GradebookQueryDto } from './gradebook.dto';
import { Route } from '../common/route.decorator';

const TOTAL_RULE =
  'Course total: per item points / max (released grades only; a missing grade counts as 0), weighted mean within a ' +
  'category (item weights), then across groups: each category weighs its category weight (1 when not listed), each ' +
  'item without a category is a group of its own weighing its item weight.';

/** A cohort's gradebook, for its tutors and administrators. */
@ApiTags('gradebook')
@ApiBearerAuth()
@Roles('tutor', 'admin')
@Controller()
export class CohortGradebookController {
  constructor(
    private readonly gradebook: GradebookService,
    private readonly csv: GradebookCsvService,
  ) {}

  @Route(gradebookApi.cohort)
  @ApiOperation({
    summary:
      'Trainees × graded items with marks (unreleased ones marked by status), totals, pass or fail; by name',
    description: `${TOTAL_RULE} Without \`limit\` the whole cohort is returned.`,
  })
  @ApiOkResponse({ description: 'CohortGradebook' })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: GradebookQueryDto,
  ): Promise<CohortGradebook> {
    return this.gradebook.cohort(actor, id, query);
  }

  @Route(gradebookApi.exportCsv)
  @ApiOperation({
    summary:
      'The gradebook as CSV (UTF-8 with BOM; cells that could run as formulas start with an apostrophe)',
    description: 'Columns: name, email, one per item headed "Title [activity id]", total_percent, passed.',
  })
  @ApiProduces('text/csv')
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: GradebookCsvQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.csv.export(actor, id, query.lang);
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', attachmentDisposition(file.fileName))
      .header('Cache-Control', 'private, no-store');
    return file.content;
  }

  @Route(gradebookApi.import)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Scores from a spreadsheet (offline marking): all rows or nothing',
    description:
      'Header: `email`, then one column per item named by its activity id, by "Title [activity id]" as exported, or ' +
      'by its exact title; name, total_percent and passed are read past. Empty cells leave the mark alone. Every row ' +
      'is checked first; any problem → nothing is written and the report lists each (row, email, field, problem). ' +
      'Scores are saved as ready for release (a released grade stays released with its new mark) and recorded in the ' +
      'audit trail as imports; a score is points before any late penalty already applied to that grade.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email,Final project\nana.souza@example.org,87.5\n' } })
  @ApiOkResponse({ description: 'GradeImportReport' })
  import(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @CsvBody() csv: string,
  ): Promise<GradeImportReport> {
    return this.csv.import(actor, id, csv);
  }
}

/** A trainee's own gradebook row (tutors of the cohort and administrators may read it too). */
@ApiTags('gradebook')
@ApiBearerAuth()
@Controller()
export class OwnGradebookController {
  constructor(private readonly gradebook: GradebookService) {}

  @Route(gradebookApi.enrolment)
  @ApiOperation({
    summary: 'My grades in this enrolment: released grades only, with the course total',
    description: TOTAL_RULE,
  })
  @ApiOkResponse({ description: 'OwnGradebook' })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<OwnGradebook> {
    return this.gradebook.own(actor, id);
  }
}

/** Grading settings of a course: weights, categories, pass mark, completion rule. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class CourseGradingController {
  constructor(private readonly gradebook: GradebookService) {}

  @Route(gradebookApi.grading)
  @ApiOkResponse({ description: 'CourseGradingView' })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CourseGradingView> {
    return this.gradebook.settings(actor, id);
  }

  @Route(gradebookApi.saveGrading)
  @ApiOperation({
    summary: 'Weights and categories of graded items, category weights, pass mark',
    description: TOTAL_RULE,
  })
  @ApiOkResponse({ description: 'CourseGradingView' })
  put(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CourseGradingDto,
  ): Promise<CourseGradingView> {
    return this.gradebook.updateSettings(actor, id, body);
  }
}
