import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryHooks, DirectoryModule } from '@aula/server/directory';
import { IdentityModule } from '@aula/server/identity';
import { Workshop } from './workshop.entity';
import { WorkshopSession } from './workshop-session.entity';
import { WorkshopOrganiser } from './workshop-organiser.entity';
import { WorkshopRegistration } from './workshop-registration.entity';
import { WorkshopPolicy } from './workshop.policy';
import { SeatAllocator } from './seat-allocator';
import { WorkshopService } from './workshop.service';
import { WorkshopSessionService } from './workshop-session.service';
import { WorkshopOrganiserService } from './workshop-organiser.service';
import { WorkshopCatalogueService } from './workshop-catalogue.service';
import { RegistrationService } from './registration.service';
import { OfferExpiryService } from './offer-expiry.service';
import { WorkshopAttendance, WorkshopCheckInCodeRecord, WorkshopCheckInScan } from './attendance.entity';
import { AttendanceService } from './attendance.service';
import { BadgePdfRenderer } from './badge-pdf.renderer';
import { BadgeService } from './badge.service';
import { RegistrationCsvService } from './registration-csv.service';
import { WorkshopInvitation } from './workshop-invitation.entity';
import { WorkshopInvitationService } from './workshop-invitation.service';

export const WORKSHOPS_ENTITIES = [Workshop, WorkshopSession, WorkshopOrganiser, WorkshopRegistration, WorkshopCheckInCodeRecord, WorkshopAttendance, WorkshopCheckInScan, WorkshopInvitation];

const WORKSHOPS_SERVICES = [
  // who may do what
  WorkshopPolicy,
  // seats, quota and the waiting list (always with the workshop row locked)
  SeatAllocator,
  // organisers: the workshop, its agenda, who organises it
  WorkshopService,
  WorkshopSessionService,
  WorkshopOrganiserService,
  // participants and visitors
  WorkshopCatalogueService,
  RegistrationService,
  // seat offers past their deadline (called by the worker's scheduler)
  OfferExpiryService,
  // check-in codes, attendance per session, rates; name badges
  AttendanceService,
  BadgePdfRenderer,
  BadgeService,
  // the organisers' registrations CSV
  RegistrationCsvService,
  // registration by invitation
  WorkshopInvitationService,
];

/**
 * Workshops, interregional and region-specific: the record and its lifecycle, the agenda,
 * organisers, registration with capacity, country quota and a waiting list whose freed seats are
 * offered with a deadline. Host institutions and regions come from the directory; a merge of
 * institutions moves the workshops' hosts (the hook registered below).
 */
@Module({
  imports: [TypeOrmModule.forFeature(WORKSHOPS_ENTITIES), DirectoryModule, IdentityModule],
  providers: WORKSHOPS_SERVICES,
  exports: [TypeOrmModule, ...WORKSHOPS_SERVICES],
})
export class WorkshopsModule implements OnModuleInit {
  constructor(private readonly hooks: DirectoryHooks) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'workshops',
      async count(ids, em) {
        const [row] = (await em.query(
          `SELECT (SELECT count(*) FROM workshops WHERE host_institution_id = ANY($1::uuid[]))
                + (SELECT count(*) FROM workshop_registrations WHERE institution_id = ANY($1::uuid[])) AS n`,
          [ids],
        )) as { n: string | number }[];
        return Number(row?.n ?? 0);
      },
      async move(fromIds, toId, em) {
        const result = (await em.query(
          'UPDATE workshops SET host_institution_id = $2 WHERE host_institution_id = ANY($1::uuid[])',
          [fromIds, toId],
        )) as [unknown, number];
        const applications = (await em.query(
          'UPDATE workshop_registrations SET institution_id = $2 WHERE institution_id = ANY($1::uuid[])',
          [fromIds, toId],
        )) as [unknown, number];
        return (result[1] ?? 0) + (applications[1] ?? 0);
      },
    });
  }
}
