export * from './user.entity';
export * from './refresh-token.entity';
export * from './identity.module';
export * from './identity.service';
/** IdentityReader: read-only facts about people for other domains (language, account state, role holders). */
export * from './identity.reader';
export * from './session.service';
export * from './access.policy';
export * from './identity.errors';
export * from './password.hasher';
export * from './user-invitation.entity';
export * from './invitation.service';
