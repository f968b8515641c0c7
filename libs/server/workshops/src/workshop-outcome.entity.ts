import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { WORKSHOP_OUTCOME_KINDS, type WorkshopOutcomeKind } from '@aula/contracts';
import { Workshop } from './workshop.entity';

/**
 * One entry of a workshop's outcomes record: a demand, priority or lesson of a region, or a
 * cooperation offer or request from one region to another (or to any). Regions are directory ids.
 */
@Entity('workshop_outcomes')
@Index('workshop_outcomes_workshop_id_created_at_idx', ['workshopId', 'createdAt'])
export class WorkshopOutcome {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_workshop_outcomes' })
  id: string;

  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_outcomes_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  @Column({ type: 'enum', enum: WORKSHOP_OUTCOME_KINDS, enumName: 'workshop_outcome_kind' })
  kind: WorkshopOutcomeKind;

  @Index('workshop_outcomes_region_id_idx')
  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'uuid', nullable: true })
  toRegionId: string | null;

  @Column({ type: 'varchar', length: 60 })
  topic: string;

  @Column({ type: 'text' })
  description: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
