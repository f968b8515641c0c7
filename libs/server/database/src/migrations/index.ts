import { CreateIdentity1764230400000 } from './1764230400000-create-identity';
import { CreateCatalogEnrolmentOutbox1764240000000 } from './1764240000000-create-catalog-enrolment-outbox';
import { EnrolmentSeatsAndInvitations1764260000000 } from './1764260000000-enrolment-seats-and-invitations';
import { CreateGrading1764300000000 } from './1764300000000-create-grading';

/** Every migration, oldest first. A landed migration is never edited: add a new one. */
export const MIGRATIONS = [
  CreateIdentity1764230400000,
  CreateCatalogEnrolmentOutbox1764240000000,
  EnrolmentSeatsAndInvitations1764260000000,
  CreateGrading1764300000000,
];
