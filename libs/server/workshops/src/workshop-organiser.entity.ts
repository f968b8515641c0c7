import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '@aula/server/identity';
import { Workshop } from './workshop.entity';

/** The `organiser` capability for one workshop, granted by an administrator (admins hold it for all). */
@Entity('workshop_organisers')
export class WorkshopOrganiser {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_workshop_organisers' })
  workshopId: string;

  @Index('workshop_organisers_user_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_workshop_organisers' })
  userId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_organisers_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'workshop_organisers_user_id_fkey' })
  user?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  grantedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;
}
