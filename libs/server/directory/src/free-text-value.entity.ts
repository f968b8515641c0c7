import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { User } from '@aula/server/identity';
import { Institution } from './institution.entity';
import { Region } from './region.entity';
import { FREE_TEXT_FIELDS, FREE_TEXT_STATUSES, type FreeTextField, type FreeTextStatus } from '@aula/contracts';

/**
 * What a person once typed as their organisation or region, kept as typed until it has a home in
 * the directory (`matched` automatically, `resolved` by an admin) or an admin chose to ignore it.
 */
@Entity('free_text_values')
@Index('free_text_values_user_id_field_key', ['userId', 'field'], { unique: true })
@Index('free_text_values_field_key_idx', ['field', 'key'])
export class FreeTextValue {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_free_text_values' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'free_text_values_user_id_fkey' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: FREE_TEXT_FIELDS, enumName: 'free_text_field' })
  field: FreeTextField;

  @Column({ type: 'varchar', length: 200 })
  value: string;

  /** `value` with accents, case and spacing folded: equal keys are the same value. */
  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'enum', enum: FREE_TEXT_STATUSES, enumName: 'free_text_status', default: 'open' })
  status: FreeTextStatus;

  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'free_text_values_institution_id_fkey' })
  institution?: Relation<Institution> | null;

  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  @ManyToOne(() => Region, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'free_text_values_region_id_fkey' })
  region?: Relation<Region> | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
