import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An administrator's "issue for the whole cohort": one queued job per enrolment; progress is counted from certificates. */
@Entity('certificate_batches')
export class CertificateBatch {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_certificate_batches' })
  id: string;

  @Index('certificate_batches_cohort_id_idx')
  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'uuid' })
  requestedById: string;

  @Column({ type: 'uuid', array: true })
  enrolmentIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
