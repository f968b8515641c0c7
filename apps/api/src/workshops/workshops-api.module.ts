import { Module } from '@nestjs/common';
import { IdentityModule } from '@aula/server/identity';
import { WorkshopsModule } from '@aula/server/workshops';
import { DirectoryReaderLocale } from '../directory/reader-locale';
import { WorkshopsController } from './workshops.controller';
import { WorkshopRegistrationsController } from './workshop-registrations.controller';
import { OrganiserWorkshopsController } from './organiser-workshops.controller';
import { AdminWorkshopOrganisersController } from './admin-workshop-organisers.controller';
import { WorkshopInvitationsController } from './workshop-invitations.controller';

/**
 * Workshops over HTTP: the public list and pages, the signed-in person's registration, the
 * organisers' records, agenda and registrations table, and administrators' organiser grants.
 */
@Module({
  imports: [WorkshopsModule, IdentityModule],
  providers: [DirectoryReaderLocale],
  controllers: [
    // anyone
    WorkshopsController,
    // the signed-in person
    WorkshopRegistrationsController,
    // organisers
    OrganiserWorkshopsController,
    // administrators
    AdminWorkshopOrganisersController,
    // registration by invitation
    WorkshopInvitationsController,
  ],
})
export class WorkshopsApiModule {}
