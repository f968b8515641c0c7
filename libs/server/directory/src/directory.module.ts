import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Region } from './region.entity';
import { Institution } from './institution.entity';
import { InstitutionRelationship } from './institution-relationship.entity';
import { Membership } from './membership.entity';
import { NetworkProfile } from './network-profile.entity';
import { FreeTextValue } from './free-text-value.entity';
import { DirectoryAudit } from './directory-audit.entity';
import { DirectoryHooks } from './directory-hooks';
import { DirectoryReader } from './directory.reader';
import { RegionService } from './region.service';
import { InstitutionService } from './institution.service';
import { MembershipService } from './membership.service';
import { NetworkProfileService } from './network-profile.service';
import { InstitutionMergeService } from './institution-merge.service';
import { InstitutionCsvService } from './institution-csv';
import { PeopleService } from './people.service';
import { FreeTextService } from './free-text.service';
import { FreeTextSubscriber } from './free-text.subscriber';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';

export const DIRECTORY_ENTITIES = [Region, Institution, InstitutionRelationship, Membership, NetworkProfile, FreeTextValue, DirectoryAudit];

const DIRECTORY_SERVICES = [
  // the registry other domains add their reference hooks to
  DirectoryHooks,
  // reading for other domains
  DirectoryReader,
  // records
  RegionService,
  InstitutionService,
  InstitutionMergeService,
  InstitutionCsvService,
  // people
  MembershipService,
  NetworkProfileService,
  PeopleService,
  // moving off free text: what people typed, matched to records or resolved by administrators
  FreeTextService,
  FreeTextSubscriber,
];

/**
 * The one source of the network's regions and institutions, and of the people who belong to
 * them (memberships, opt-in network profiles). Other domains point at these records by id and
 * register a merge hook so a merge moves their references too. Needs the (global) StorageModule
 * for profile photos, and the catalogue's reader for the shared topic list.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES), CatalogModule, IdentityModule],
  providers: DIRECTORY_SERVICES,
  exports: [TypeOrmModule, ...DIRECTORY_SERVICES],
})
export class DirectoryModule {}
