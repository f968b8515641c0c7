import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { EnrolmentModule } from '@aula/server/enrolment';
import { AdminCohortsController } from './admin-cohorts.controller';
import { AdminEnrolmentsController } from './admin-enrolments.controller';
import { CohortsController } from './cohorts.controller';
import { EnrolmentsController } from './enrolments.controller';
import { registerCsvBodyParser } from '../common/csv-body';

/**
 * Cohorts and enrolment over HTTP. Bulk enrolment takes a `text/csv` body (see registerCsvBodyParser):
 * a string of at most CSV_IMPORT_MAX_BYTES (413 above), independently of the 1 MB JSON limit.
 */
@Module({
  imports: [EnrolmentModule],
  controllers: [AdminCohortsController, AdminEnrolmentsController, EnrolmentsController, CohortsController],
})
export class EnrolmentApiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerCsvBodyParser(this.adapterHost.httpAdapter?.getInstance<FastifyInstance>());
  }
}
