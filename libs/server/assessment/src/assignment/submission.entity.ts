import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '@aula/contracts';
import { Activity } from '@aula/server/catalog';
import { Enrolment } from '@aula/server/enrolment';

/** One trainee's work on one assignment: the current draft and how many versions were submitted. */
@Entity('submissions')
@Index('submissions_activity_id_enrolment_id_key', ['activityId', 'enrolmentId'], { unique: true })
export class Submission {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_submissions' })
  id: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'submissions_activity_id_fkey' })
  activity?: Relation<Activity>;

  @Index('submissions_enrolment_id_idx')
  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'submissions_enrolment_id_fkey' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'enum', enum: SUBMISSION_STATUSES, enumName: 'submission_status', default: 'draft' })
  status: SubmissionStatus;

  /** Sanitised rich text being written. */
  @Column({ type: 'text', nullable: true })
  draftText: string | null;

  @Column({ type: 'integer', default: 0 })
  latestVersion: number;

  /** When the latest version was submitted. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
