export * from './region.entity';
export * from './institution.entity';
export * from './institution-relationship.entity';
export * from './membership.entity';
export * from './network-profile.entity';
export * from './free-text-value.entity';
export * from './directory-audit.entity';
export * from './directory.module';
