import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Submission } from './submission.entity';
import { SubmissionVersion } from './submission-version.entity';

/**
 * A file of a submission: part of the current draft (`versionId` null) or of a submitted version.
 * Submitting copies the draft's rows onto the version; rows may share a storage key, which is
 * removed from storage only when no row points to it any more.
 */
@Entity('submission_files')
@Index('submission_files_submission_id_version_id_idx', ['submissionId', 'versionId'])
export class SubmissionFile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_submission_files' })
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'submission_files_submission_id_fkey' })
  submission?: Relation<Submission>;

  @Index('submission_files_version_id_idx')
  @Column({ type: 'uuid', nullable: true })
  versionId: string | null;

  @ManyToOne(() => SubmissionVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'submission_files_version_id_fkey' })
  version?: Relation<SubmissionVersion>;

  @Index('submission_files_storage_key_idx')
  @Column({ type: 'varchar', length: 300 })
  storageKey: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
