export * from './workshop.entity';
export * from './workshop-session.entity';
export * from './workshop-organiser.entity';
export * from './workshop-registration.entity';
export * from './workshops.module';
export * from './workshops.errors';
export * from './workshop.rules';
/** WorkshopPolicy: the `organiser` capability (admins, and people granted a workshop) and who sees participants. */
export * from './workshop.policy';
/** WorkshopService, WorkshopSessionService, WorkshopOrganiserService: organisers' records, agenda and grants. */
export * from './workshop.service';
export * from './workshop-session.service';
export * from './workshop-organiser.service';
/** WorkshopCatalogueService: published workshops in the reader's language. */
export * from './workshop-catalogue.service';
/** RegistrationService, OfferExpiryService: seats, waiting list, applications and seat offers with a deadline. */
export * from './registration.service';
export * from './offer-expiry.service';
export * from './seat-allocator';
/** AttendanceService, BadgePdfRenderer: check-in codes, attendance per session, rates, name badges. */
export * from './attendance.entity';
export * from './attendance.service';
export * from './badge-pdf.renderer';
export * from './check-in-code';
export * from './badge.service';
/** Materials, the feedback survey and the outcomes record (WorkshopOutcomesModule). */
export * from './workshop-material.entity';
export * from './workshop-survey.entity';
export * from './workshop-outcome.entity';
export * from './workshop-outcomes.module';
export * from './workshop-outcomes.errors';
export * from './workshop-survey.rules';
export * from './workshop-material.service';
export * from './workshop-survey.service';
export * from './workshop-outcome.service';
/** RegistrationCsvService: a workshop's registrations as formula-safe CSV for its organisers. */
export * from './registration-csv.service';
/** WorkshopInvitationService: registration by invitation (with or without an account). */
export * from './workshop-invitation.entity';
export * from './workshop-invitation.service';
/** Participation certificates: issued when a workshop is held, downloaded by their holder (WorkshopCertificatesModule). */
export * from './workshop-certificate.entity';
export * from './workshop-certificate-template';
export * from './workshop-certificate.service';
export * from './workshop-certificates.module';
