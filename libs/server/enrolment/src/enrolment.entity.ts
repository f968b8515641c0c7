import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn , type Relation } from 'typeorm';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '@aula/contracts';
import { User } from '@aula/server/identity';
import { Cohort } from './cohort.entity';

/** A person in a cohort. One per (cohort, user); its status moves through the enrolment rules. */
@Entity('enrolments')
@Index('enrolments_cohort_id_user_id_key', ['cohortId', 'userId'], { unique: true })
@Index('enrolments_cohort_id_status_idx', ['cohortId', 'status'])
// Promotion takes the longest-waiting person first.
@Index('enrolments_waitlist_idx', ['cohortId', 'waitlistedAt'], { where: "status = 'waitlisted'" })
export class Enrolment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_enrolments' })
  id: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'enrolments_cohort_id_fkey' })
  cohort?: Relation<Cohort>;

  @Index('enrolments_user_id_idx')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'enrolments_user_id_fkey' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: ENROLMENT_STATUSES, enumName: 'enrolment_status' })
  status: EnrolmentStatus;

  /** When the person joined the waiting list: promotion is first come, first served. */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'smallint', default: 0 })
  progressPercent: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
