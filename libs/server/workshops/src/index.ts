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
/** WorkshopInvitationService: registration by invitation (with or without an account). */
export * from './workshop-invitation.entity';
export * from './workshop-invitation.service';
