export * from './region.entity';
export * from './institution.entity';
export * from './institution-relationship.entity';
export * from './membership.entity';
export * from './network-profile.entity';
export * from './free-text-value.entity';
export * from './directory-audit.entity';
export * from './directory.module';
/** DirectoryHooks: the registry of each domain's reference hook (merge moves, delete counts). */
export * from './directory-hooks';
/** DirectoryReader: read helpers for other domains (refs by id, unambiguous match by name). */
export * from './directory.reader';
export * from './directory.policy';
export * from './directory.errors';
export * from './directory.views';
export * from './directory-codes';
export * from './directory-text';
/** RegionService, InstitutionService: the records (admin writes, audience-aware reads, typeahead). */
export * from './region.service';
export * from './institution.service';
/** MembershipService, NetworkProfileService: people at institutions and their opt-in profiles. */
export * from './membership.service';
export * from './network-profile.service';
export * from './network-photo.inspector';
/** InstitutionMergeService: duplicates folded into a survivor, every reference moved in one transaction. */
export * from './institution-merge.service';
/** InstitutionCsvService: formula-safe export, row-by-row import. */
export * from './institution-csv';
/** PeopleService: published people, region and institution pages, the shared topic list. */
export * from './people.service';
/** FreeTextService: what people typed as organisation or region, matched or resolved to records (kept as typed). */
export * from './free-text.service';
export * from './free-text.subscriber';
