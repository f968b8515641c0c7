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
import { Workshop } from './workshop.entity';
import { WorkshopRegistration } from './workshop-registration.entity';

/**
 * A participation certificate: one per registration (the unique key makes a redelivered or repeated
 * `workshop.held` harmless). What is printed is copied here, so verification answers what the paper
 * says even after the workshop is edited. Codes share the course certificates' alphabet and the
 * public verification page, which looks here when a code is not a course certificate's.
 */
@Entity('workshop_certificates')
export class WorkshopCertificate {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_workshop_certificates' })
  id: string;

  @Index('workshop_certificates_registration_id_key', { unique: true })
  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => WorkshopRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'registration_id',
    foreignKeyConstraintName: 'workshop_certificates_registration_id_fkey',
  })
  registration?: Relation<WorkshopRegistration>;

  @Index('workshop_certificates_workshop_id_idx')
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_certificates_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  @Index('workshop_certificates_user_id_idx')
  @Column({ type: 'uuid' })
  userId: string;

  /** Public code (see newCertificateCode). */
  @Index('workshop_certificates_code_key', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  holderName: string;

  @Column({ type: 'text' })
  workshopTitle: string;

  @Column({ type: 'text' })
  hostInstitution: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'numeric', precision: 7, scale: 2 })
  attendedHours: string;

  @Column({ type: 'numeric', precision: 7, scale: 2 })
  expectedHours: string;

  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale' })
  language: Locale;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  /** SHA-256 of the stored PDF, hex. */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  /** Derived from the registration: a retried job overwrites the same object. */
  @Column({ type: 'varchar', length: 255 })
  storageKey: string;

  @Column({ type: 'integer' })
  size: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
