import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { User } from '@aula/server/identity';
import { Institution } from './institution.entity';
import { Region } from './region.entity';

/**
 * A person's place in the network: their region, and the public profile they may opt in to.
 * Nothing here is shown to anyone else while `published` is false.
 */
@Entity('network_profiles')
export class NetworkProfile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_network_profiles' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'network_profiles_user_id_fkey' })
  user?: Relation<User>;

  @Index('network_profiles_published_idx', { where: 'published' })
  @Column({ type: 'boolean', default: false })
  published: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'network_profiles_institution_id_fkey' })
  institution?: Relation<Institution> | null;

  @Index('network_profiles_region_id_idx')
  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  @ManyToOne(() => Region, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'network_profiles_region_id_fkey' })
  region?: Relation<Region> | null;

  @Column({ type: 'boolean', default: false })
  showPhoto: boolean;

  /** Storage key of the photo, or null. */
  @Column({ type: 'text', nullable: true })
  photoKey: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
