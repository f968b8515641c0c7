import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Submission } from './submission.entity';

/** One submitted version: kept (with its files) when the trainee submits again. Never updated. */
@Entity('submission_versions')
@Index('submission_versions_submission_id_number_key', ['submissionId', 'number'], { unique: true })
export class SubmissionVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_submission_versions' })
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'submission_versions_submission_id_fkey' })
  submission?: Relation<Submission>;

  @Column({ type: 'integer' })
  number: number;

  /** Sanitised rich text. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  /** Seconds after the effective due date; 0 when on time. */
  @Column({ type: 'integer', default: 0 })
  lateSeconds: number;
}
