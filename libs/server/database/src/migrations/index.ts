import { CreateIdentity1764230400000 } from './1764230400000-create-identity';
import { CreateCatalogEnrolmentOutbox1764240000000 } from './1764240000000-create-catalog-enrolment-outbox';
import { EnrolmentSeatsAndInvitations1764260000000 } from './1764260000000-enrolment-seats-and-invitations';
import { CreateGrading1764300000000 } from './1764300000000-create-grading';
import { CreateQuizzes1764310000000 } from './1764310000000-create-quizzes';
import { CreateAssignments1764320000000 } from './1764320000000-create-assignments';
import { Marking1764330000000 } from './1764330000000-marking';
import { CreateCertificates1764400000000 } from './1764400000000-create-certificates';
import { CertificateTemplates1764410000000 } from './1764410000000-certificate-templates';
import { CreateNotifications1764500000000 } from './1764500000000-create-notifications';
import { CourseReminderOffsets1764510000000 } from './1764510000000-course-reminder-offsets';
import { AssessmentReadModels1764520000000 } from './1764520000000-assessment-read-models';
import { AssessmentDeadlineAndResultReadModels1764530000000 } from './1764530000000-assessment-deadline-and-result-read-models';
import { CreateDirectory1764600000000 } from './1764600000000-create-directory';
import { DirectorySearchPrefixIndex1764610000000 } from './1764610000000-directory-search-prefix-index';
import { WorkshopInvitations1764720000000 } from './1764720000000-workshop-invitations';
import { WorkshopApplicationForm1764710000000 } from './1764710000000-workshop-application-form';
import { CreateWorkshops1764700000000 } from './1764700000000-create-workshops';
import { WorkshopRegistrationCancelled1764790000000 } from './1764790000000-workshop-registration-cancelled';
import { WorkshopAttendance1764815000000 } from './1764815000000-workshop-attendance';
import { WorkshopOutcomes1764820000000 } from './1764820000000-workshop-outcomes';
import { WorkshopCertificates1764830000000 } from './1764830000000-workshop-certificates';

/** Every migration, oldest first. A landed migration is never edited: add a new one. */
export const MIGRATIONS = [
  CreateIdentity1764230400000,
  CreateCatalogEnrolmentOutbox1764240000000,
  EnrolmentSeatsAndInvitations1764260000000,
  CreateGrading1764300000000,
  CreateQuizzes1764310000000,
  CreateAssignments1764320000000,
  Marking1764330000000,
  CreateCertificates1764400000000,
  CertificateTemplates1764410000000,
  CreateNotifications1764500000000,
  CourseReminderOffsets1764510000000,
  AssessmentReadModels1764520000000,
  AssessmentDeadlineAndResultReadModels1764530000000,
  CreateDirectory1764600000000,
  DirectorySearchPrefixIndex1764610000000,
  CreateWorkshops1764700000000,
  WorkshopApplicationForm1764710000000,
  WorkshopInvitations1764720000000,
  WorkshopRegistrationCancelled1764790000000,
  WorkshopAttendance1764815000000,
  WorkshopOutcomes1764820000000,
  WorkshopCertificates1764830000000,
];
