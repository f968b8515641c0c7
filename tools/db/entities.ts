import { IDENTITY_ENTITIES } from '@aula/server/identity';

/** Every entity of every domain, for the migration tools' drift check. */
export const ALL_ENTITIES = [...IDENTITY_ENTITIES];
