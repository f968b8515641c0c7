import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { REGION_STATUSES, WORLD_REGIONS, type RegionStatus, type Translations, type WorldRegion } from '@aula/contracts';

/** A region of the network: a country's subdivision (ISO 3166-2) or a whole country. */
@Entity('regions')
export class Region {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_regions' })
  id: string;

  @Index('regions_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'jsonb' })
  name: Translations;

  /** ISO 3166-1 alpha-2. */
  @Index('regions_country_idx')
  @Column({ type: 'char', length: 2 })
  country: string;

  /** ISO 3166-2, e.g. `CO-ANT`. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  subdivision: string | null;

  @Column({ type: 'enum', enum: WORLD_REGIONS, enumName: 'world_region' })
  worldRegion: WorldRegion;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description: Translations;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'enum', enum: REGION_STATUSES, enumName: 'region_status' })
  status: RegionStatus;

  @Column({ type: 'date', nullable: true })
  joinedOn: string | null;

  @Column({ type: 'boolean', default: true })
  public: boolean;

  /** Every name, accents removed and lower-cased: what search and matching use. */
  @Index('regions_search_text_trgm_idx', { synchronize: false })
  @Column({ type: 'text' })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
