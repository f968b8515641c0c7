import { Module } from '@nestjs/common';
import { IdentityModule } from '@aula/server/identity';
import { WorkshopCertificatesModule, WorkshopOutcomesModule, WorkshopsModule } from '@aula/server/workshops';
import { DirectoryReaderLocale } from '../directory/reader-locale';
import { WorkshopsController } from './workshops.controller';
import { WorkshopRegistrationsController } from './workshop-registrations.controller';
import { OrganiserWorkshopsController } from './organiser-workshops.controller';
import { AdminWorkshopOrganisersController } from './admin-workshop-organisers.controller';
import { AttendanceController } from './attendance.controller';
import { WorkshopCertificateController } from './workshop-certificate.controller';
import { OrganiserWorkshopOutcomesController, WorkshopParticipantOutcomesController, WorkshopReportController } from './workshop-outcomes.controller';
import { WorkshopInvitationsController } from './workshop-invitations.controller';

/**
 * Workshops over HTTP: the public list and pages, the signed-in person's registration, the
 * organisers' records, agenda and registrations table, and administrators' organiser grants.
 */
@Module({
  imports: [WorkshopsModule, IdentityModule, WorkshopOutcomesModule, WorkshopCertificatesModule],
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
    // attendance: check-in codes, check-in, roll lists, the sheet, badges
    AttendanceController,
    // materials, feedback survey, outcomes and the report
    WorkshopParticipantOutcomesController,
    WorkshopReportController,
    OrganiserWorkshopOutcomesController,
    // registration by invitation
    WorkshopInvitationsController,
    // the participant's participation certificate
    WorkshopCertificateController,
  ],
})
export class WorkshopsApiModule {}
