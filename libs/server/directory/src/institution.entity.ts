import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import {
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  STAKEHOLDER_SECTORS,
  type InstitutionKind,
  type InstitutionName,
  type InstitutionStatus,
  type StakeholderSector,
} from '@aula/contracts';
import { User } from '@aula/server/identity';
import { Region } from './region.entity';

/** An institution of the network, shaped like a Research Organization Registry record. */
@Entity('institutions')
export class Institution {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_institutions' })
  id: string;

  /** Every name with its language and type; at least one is `official`. */
  @Column({ type: 'jsonb' })
  names: InstitutionName[];

  /** The first official name: the sort key and the name where no language fits. */
  @Column({ type: 'varchar', length: 200 })
  primaryName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  acronym: string | null;

  @Column({ type: 'enum', enum: INSTITUTION_KINDS, enumName: 'institution_kind' })
  kind: InstitutionKind;

  @Column({ type: 'enum', enum: STAKEHOLDER_SECTORS, enumName: 'stakeholder_sector', nullable: true })
  sector: StakeholderSector | null;

  @Index('institutions_country_idx')
  @Column({ type: 'char', length: 2 })
  country: string;

  @Index('institutions_region_id_idx')
  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'institutions_region_id_fkey' })
  region?: Relation<Region> | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'smallint', nullable: true })
  established: number | null;

  @Index('institutions_ror_key', { unique: true, where: 'ror IS NOT NULL' })
  @Column({ type: 'varchar', length: 9, nullable: true })
  ror: string | null;

  @Index('institutions_org_id_key', { unique: true, where: 'org_id IS NOT NULL' })
  @Column({ type: 'varchar', length: 80, nullable: true })
  orgId: string | null;

  @Index('institutions_wikidata_key', { unique: true, where: 'wikidata IS NOT NULL' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  wikidata: string | null;

  @Index('institutions_status_idx')
  @Column({ type: 'enum', enum: INSTITUTION_STATUSES, enumName: 'institution_status', default: 'active' })
  status: InstitutionStatus;

  @Column({ type: 'boolean', default: true })
  public: boolean;

  /** Who proposed it ("my institution is not listed"); null for records an admin made. */
  @Column({ type: 'uuid', nullable: true })
  proposedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'institutions_proposed_by_fkey' })
  proposer?: Relation<User> | null;

  /** Every name, accents removed and lower-cased, separated by ` | `: what search and matching use. */
  @Index('institutions_search_text_trgm_idx', { synchronize: false })
  /** The folded first name in byte order, for the typeahead's prefix scan (migration 1764610000000). */
  @Index('institutions_search_prefix_idx', { synchronize: false })
  @Column({ type: 'text' })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
