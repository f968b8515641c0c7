import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Region } from './region.entity';
import { Institution } from './institution.entity';
import { InstitutionRelationship } from './institution-relationship.entity';
import { Membership } from './membership.entity';
import { NetworkProfile } from './network-profile.entity';
import { FreeTextValue } from './free-text-value.entity';
import { DirectoryAudit } from './directory-audit.entity';

export const DIRECTORY_ENTITIES = [Region, Institution, InstitutionRelationship, Membership, NetworkProfile, FreeTextValue, DirectoryAudit];

/**
 * The one source of the network's regions and institutions, and of the people who belong to
 * them (memberships, opt-in network profiles). Other domains point at these records by id and
 * register a merge hook so a merge moves their references too.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES)],
  providers: [],
  exports: [TypeOrmModule],
})
export class DirectoryModule {}
