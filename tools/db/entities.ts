import { ASSESSMENT_ENTITIES } from '@aula/server/assessment';
import { CATALOG_ENTITIES } from '@aula/server/catalog';
import { DIRECTORY_ENTITIES } from '@aula/server/directory';
import { CERTIFICATION_ENTITIES } from '@aula/server/certification';
import { ENROLMENT_ENTITIES } from '@aula/server/enrolment';
import { IDENTITY_ENTITIES } from '@aula/server/identity';
import { NOTIFICATION_ENTITIES } from '@aula/server/notification';
import { OUTBOX_ENTITIES } from '@aula/server/outbox';
import { WORKSHOPS_ENTITIES } from '@aula/server/workshops';
import { WORKSHOP_OUTCOMES_ENTITIES } from '@aula/server/workshops';
import { WORKSHOP_CERTIFICATES_ENTITIES } from '@aula/server/workshops';

/** Every entity of every domain, for the migration tools' drift check. */
export const ALL_ENTITIES = [...IDENTITY_ENTITIES, ...OUTBOX_ENTITIES, ...CATALOG_ENTITIES, ...ENROLMENT_ENTITIES, ...ASSESSMENT_ENTITIES, ...CERTIFICATION_ENTITIES, ...NOTIFICATION_ENTITIES, ...DIRECTORY_ENTITIES, ...WORKSHOPS_ENTITIES, ...WORKSHOP_OUTCOMES_ENTITIES, ...WORKSHOP_CERTIFICATES_ENTITIES];
