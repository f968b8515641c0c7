import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DirectoryModule } from '@aula/server/directory';
import { IdentityModule } from '@aula/server/identity';
import { registerCsvBodyParser } from '../common/csv-body';
import { DirectoryReaderLocale } from './reader-locale';
// public pages of the network
import { RegionsController } from './regions.controller';
import { InstitutionsController } from './institutions.controller';
import { PeopleController } from './people.controller';
// the signed-in person
import { MeDirectoryController } from './me-directory.controller';
// administrators
import { AdminRegionsController } from './admin-regions.controller';
import { AdminInstitutionsController } from './admin-institutions.controller';
import { AdminFreeTextController } from './admin-free-text.controller';
import { AdminUserMembershipsController } from './admin-user-memberships.controller';

/**
 * The directory over HTTP: the network's public pages (regions, institutions, people), the
 * signed-in person's memberships and profile, and administrators' records, merges and CSV. The
 * institutions import takes a `text/csv` body (see registerCsvBodyParser).
 */
@Module({
  imports: [DirectoryModule, IdentityModule],
  providers: [DirectoryReaderLocale],
  controllers: [
    // public pages of the network
    RegionsController,
    InstitutionsController,
    PeopleController,
    // the signed-in person
    MeDirectoryController,
    // administrators
    AdminRegionsController,
    AdminInstitutionsController,
    AdminFreeTextController,
    AdminUserMembershipsController,
  ],
})
export class DirectoryApiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerCsvBodyParser(this.adapterHost.httpAdapter?.getInstance<FastifyInstance>());
  }
}
