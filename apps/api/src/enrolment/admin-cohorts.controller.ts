import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CohortView, CsvImportReport, EnrolmentSummary, Page } from '@aula/contracts';
import { CohortService, EnrolmentImportService, EnrolmentService } from '@aula/server/enrolment';
import type { Actor } from '@aula/server/identity';
import { enrolmentApi } from '@aula/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid.pipe';
import { CsvBody } from '../common/csv-body';
import {
  AdminEnrolDto,
  CohortListQueryDto,
  CohortPageDto,
  CohortViewDto,
  CreateCohortDto,
  CSV_IMPORT_DESCRIPTION,
  CsvImportReportDto,
  EnrolmentSummaryDto,
  SetTutorsDto,
  UpdateCohortDto,
} from './enrolment.dto';
import { Route } from '../common/route.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminCohortsController {
  constructor(
    private readonly cohorts: CohortService,
    private readonly enrolments: EnrolmentService,
    private readonly imports: EnrolmentImportService,
  ) {}

  @Route(enrolmentApi.cohorts)
  @ApiOkResponse({ type: CohortPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: CohortListQueryDto): Promise<Page<CohortView>> {
    return this.cohorts.list(actor, query, 'all');
  }

  @Route(enrolmentApi.createCohort)
  @ApiCreatedResponse({ type: CohortViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCohortDto): Promise<CohortView> {
    return this.cohorts.create(actor, { ...body, capacity: body.capacity ?? null });
  }

  @Route(enrolmentApi.adminCohort)
  @ApiOkResponse({ type: CohortViewDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CohortView> {
    return this.cohorts.get(actor, id);
  }

  @Route(enrolmentApi.updateCohort)
  @ApiOkResponse({ type: CohortViewDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateCohortDto,
  ): Promise<CohortView> {
    return this.cohorts.update(actor, id, body);
  }

  @Route(enrolmentApi.setTutors)
  @ApiOkResponse({ type: CohortViewDto })
  setTutors(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SetTutorsDto,
  ): Promise<CohortView> {
    return this.cohorts.setTutors(actor, id, body.tutorIds);
  }

  @Route(enrolmentApi.enrolPerson)
  @ApiOperation({
    summary:
      'Enrol a person directly: active, or waitlisted when the cohort is full (approves a pending request)',
  })
  @ApiCreatedResponse({ type: EnrolmentSummaryDto })
  enrol(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: AdminEnrolDto,
  ): Promise<EnrolmentSummary> {
    return this.enrolments.adminEnrol(actor, id, body.userId);
  }

  @Route(enrolmentApi.importEnrolments)
  @HttpCode(200)
  @ApiOperation({ summary: 'Bulk enrolment from CSV', description: CSV_IMPORT_DESCRIPTION })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'email,display_name,locale,time_zone,country,organisation,region\nana.souza@example.org,Ana Souza,pt,America/Sao_Paulo,BR,Fundação João Pinheiro,Minas Gerais\n',
    },
  })
  @ApiOkResponse({ type: CsvImportReportDto })
  import(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @CsvBody() csv: string,
  ): Promise<CsvImportReport> {
    return this.imports.import(actor, id, csv);
  }
}
