import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Activity } from '@aula/server/catalog';
import { Enrolment } from '@aula/server/enrolment';
import { User } from '@aula/server/identity';

/** One trainee's later dates for one quiz or assignment, granted by a tutor or administrator. */
@Entity('deadline_extensions')
export class DeadlineExtension {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_deadline_extensions' })
  activityId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_deadline_extensions' })
  enrolmentId: string;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'deadline_extensions_activity_id_fkey' })
  activity?: Relation<Activity>;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'deadline_extensions_enrolment_id_fkey' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  grantedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'granted_by_id', foreignKeyConstraintName: 'deadline_extensions_granted_by_id_fkey' })
  grantedBy?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
