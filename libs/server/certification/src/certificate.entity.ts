import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { LOCALES, type Locale } from '@aula/contracts';
import { Enrolment } from '@aula/server/enrolment';

/**
 * One certificate of one enrolment. The first issue is generation 1; a re-issue adds the next
 * generation and points the old one at it (`replacedById`), so the old code still verifies, as
 * "replaced". The unique (enrolment, generation) key is what makes a retried or duplicated issue
 * job harmless: the second insert of generation 1 cannot happen.
 *
 * Name, course and cohort are copied as printed: verification answers what the paper says even
 * after a course is renamed.
 */
@Entity('certificates')
@Index('certificates_enrolment_id_generation_key', ['enrolmentId', 'generation'], { unique: true })
export class Certificate {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_certificates' })
  id: string;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'certificates_enrolment_id_fkey' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'smallint', default: 1 })
  generation: number;

  @Index('certificates_user_id_idx')
  @Column({ type: 'uuid' })
  userId: string;

  @Index('certificates_cohort_id_idx')
  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'uuid' })
  courseId: string;

  /** Public code: 128 random bits in Crockford base32 (26 characters). */
  @Index('certificates_code_key', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  holderName: string;

  @Column({ type: 'text' })
  courseTitle: string;

  @Column({ type: 'varchar', length: 160 })
  cohortName: string;

  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale' })
  language: Locale;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  replacedById: string | null;

  @ManyToOne(() => Certificate, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'replaced_by_id', foreignKeyConstraintName: 'certificates_replaced_by_id_fkey' })
  replacedBy?: Relation<Certificate>;

  /** SHA-256 of the stored PDF, hex. */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  /** Derived from enrolment and generation: a retried job overwrites the same object. */
  @Column({ type: 'varchar', length: 255 })
  storageKey: string;

  @Column({ type: 'integer' })
  size: number;

  /** The Open Badges 3.0 credential, signed by the worker (VC-JWT, EdDSA). */
  @Column({ type: 'text' })
  credentialJwt: string;

  /** Position in the revocation status list (list = floor(index / list size) + 1). */
  @Index('certificates_status_list_index_key', { unique: true })
  @Column({ type: 'integer' })
  statusListIndex: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
