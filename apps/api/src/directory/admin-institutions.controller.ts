import { Body, Controller, HttpCode, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  directoryApi,
  INSTITUTION_CSV_COLUMNS,
  INSTITUTION_CSV_MAX_BYTES,
  INSTITUTION_CSV_MAX_ROWS,
  type DirectoryImportReport,
  type InstitutionView,
  type MergeReport,
  type Page,
} from '@aula/contracts';
import { attachmentDisposition } from '@aula/server/core';
import { InstitutionCsvService, InstitutionMergeService, InstitutionService } from '@aula/server/directory';
import type { Actor } from '@aula/server/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CsvBody } from '../common/csv-body';
import { Route } from '../common/route.decorator';
import { uuidParam } from '../common/uuid.pipe';
import {
  CreateInstitutionDto,
  DirectoryImportReportDto,
  ImportInstitutionsQueryDto,
  InstitutionPageDto,
  InstitutionQueryDto,
  InstitutionViewDto,
  MergeInstitutionsDto,
  MergeReportDto,
  SetInstitutionStatusDto,
  UpdateInstitutionDto,
} from './directory.dto';

const CSV_IMPORT_DESCRIPTION =
  `Header row naming columns of: ${INSTITUTION_CSV_COLUMNS.join(', ')} (official_name, kind and country required; a column ` +
  'left out leaves that field as it is, an empty cell clears it). A row with an `id` updates that institution, one without ' +
  'creates one. `other_names` holds `value|language|type` entries separated by `;` (`\\` escapes either), `region` a region ' +
  `slug, \`parent_id\` parent ids separated by \`;\`. At most ${INSTITUTION_CSV_MAX_ROWS} rows and ` +
  `${INSTITUTION_CSV_MAX_BYTES / 1024 / 1024} MB. Each row is applied on its own and reported; \`?dryRun=true\` saves nothing.`;

/** Administrators' institutions: every status, merges, CSV (403 for anyone else). */
@ApiTags('admin: directory')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AdminInstitutionsController {
  constructor(
    private readonly institutions: InstitutionService,
    private readonly merges: InstitutionMergeService,
    private readonly csv: InstitutionCsvService,
  ) {}

  @Route(directoryApi.adminInstitutions)
  @ApiOkResponse({
    type: InstitutionPageDto,
    description: 'Every status; `status` filters (pending: waiting for confirmation)',
  })
  list(@Query() query: InstitutionQueryDto): Promise<Page<InstitutionView>> {
    return this.institutions.list(query, 'admin', query.locale ?? null);
  }

  @Route(directoryApi.createInstitution)
  @ApiOperation({ summary: 'A new active institution; codes, identifiers and relationships are checked' })
  @ApiCreatedResponse({ type: InstitutionViewDto })
  @ApiBadRequestResponse({ description: 'A bad field, named; a relationship cycle names `relationships`' })
  @ApiConflictResponse({ description: 'An identifier belongs to another institution' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateInstitutionDto): Promise<InstitutionView> {
    return this.institutions.create(body, actor.id);
  }

  @Route(directoryApi.exportInstitutions)
  @ApiOperation({
    summary:
      'Every institution as CSV (UTF-8 with BOM; cells that would run as formulas start with an apostrophe)',
  })
  @ApiProduces('text/csv')
  async export(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.csv.export();
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', attachmentDisposition(file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store');
    return file.content;
  }

  @Route(directoryApi.importInstitutions)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create and update institutions from CSV, row by row',
    description: CSV_IMPORT_DESCRIPTION,
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'official_name,kind,country\nAlcaldía de Medellín,government,CO\n' },
  })
  @ApiOkResponse({ type: DirectoryImportReportDto })
  import(
    @CurrentActor() actor: Actor,
    @Query() query: ImportInstitutionsQueryDto,
    @CsvBody(INSTITUTION_CSV_MAX_BYTES) csv: string,
  ): Promise<DirectoryImportReport> {
    return this.csv.import(csv, actor.id, query.dryRun === 'true');
  }

  @Route(directoryApi.adminInstitution)
  @ApiOkResponse({ type: InstitutionViewDto })
  get(@Param('id', uuidParam()) id: string): Promise<InstitutionView> {
    return this.institutions.get(id, 'admin', null);
  }

  @Route(directoryApi.updateInstitution)
  @ApiOkResponse({ type: InstitutionViewDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateInstitutionDto,
  ): Promise<InstitutionView> {
    return this.institutions.update(id, body, actor.id);
  }

  @Route(directoryApi.deleteInstitution)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({
    description: 'Others refer to it: `references` says what and how many; archive it instead',
  })
  delete(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.institutions.delete(id, actor.id);
  }

  @Route(directoryApi.setInstitutionStatus)
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a pending institution (active), archive one, or bring one back' })
  @ApiOkResponse({ type: InstitutionViewDto })
  setStatus(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SetInstitutionStatusDto,
  ): Promise<InstitutionView> {
    return this.institutions.setStatus(id, body.status, actor.id);
  }

  @Route(directoryApi.mergeInstitutions)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fold duplicates into this institution: every reference moves here in one transaction, audited',
  })
  @ApiOkResponse({ type: MergeReportDto })
  @ApiBadRequestResponse({
    description:
      'Into itself, into a descendant of a duplicate, or an unknown duplicate: `duplicateIds` named',
  })
  merge(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: MergeInstitutionsDto,
  ): Promise<MergeReport> {
    return this.merges.merge(id, body.duplicateIds, actor.id);
  }
}
