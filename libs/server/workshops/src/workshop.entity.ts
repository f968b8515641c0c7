import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import {
  LOCALES,
  WORKSHOP_ATTENDANCE_THRESHOLD_DEFAULT,
  WORKSHOP_FORMATS,
  WORKSHOP_HOLD_HOURS_DEFAULT,
  WORKSHOP_KINDS,
  WORKSHOP_REGISTRATION_MODES,
  WORKSHOP_STATUSES,
  type Locale,
  type Translations,
  type WorkshopFormat,
  type WorkshopKind,
  type WorkshopRegistrationMode,
  type WorkshopStatus,
  type WorkshopVenue, type WorkshopQuestion } from '@aula/contracts';
import { Institution } from '@aula/server/directory';

/** An interregional or region-specific workshop, from call to report. */
@Entity('workshops')
export class Workshop {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_workshops' })
  id: string;

  @Index('workshops_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'enum', enum: WORKSHOP_KINDS, enumName: 'workshop_kind' })
  kind: WorkshopKind;

  @Index('workshops_status_idx')
  @Column({ type: 'enum', enum: WORKSHOP_STATUSES, enumName: 'workshop_status', default: 'draft' })
  status: WorkshopStatus;

  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale', default: 'en' })
  defaultLocale: Locale;

  @Column({ type: 'jsonb' })
  title: Translations;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  summary: Translations;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  objectives: Translations;

  /** Directory institution; the directory's hook keeps it through merges and refuses its delete. */
  @Index('workshops_host_institution_id_idx')
  @Column({ type: 'uuid' })
  hostInstitutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_institution_id', foreignKeyConstraintName: 'workshops_host_institution_id_fkey' })
  hostInstitution?: Relation<Institution>;

  /** Directory region ids (the directory is read through its reader, never joined). */
  @Column({ type: 'uuid' })
  hostRegionId: string;

  @Index('workshops_participating_region_ids_idx', { synchronize: false })
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  participatingRegionIds: string[];

  @Column({ type: 'enum', enum: WORKSHOP_FORMATS, enumName: 'workshop_format' })
  format: WorkshopFormat;

  @Column({ type: 'jsonb', nullable: true })
  venue: WorkshopVenue | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Index('workshops_start_date_idx')
  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'numeric', precision: 6, scale: 1, nullable: true })
  expectedHours: string | null;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'integer', nullable: true })
  countryQuota: number | null;

  @Column({ type: 'enum', enum: WORKSHOP_REGISTRATION_MODES, enumName: 'workshop_registration_mode' })
  registrationMode: WorkshopRegistrationMode;

  @Column({ type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  @Column({ type: 'integer', default: WORKSHOP_HOLD_HOURS_DEFAULT })
  holdHours: number;

  @Column({ type: 'integer', default: WORKSHOP_ATTENDANCE_THRESHOLD_DEFAULT })
  attendanceThreshold: number;

  /** Confirmed registrations and open seat offers; changed only with this row locked. */
  @Column({ type: 'integer', default: 0 })
  seatsTaken: number;

  /** Registrations ever received: the next arrival number; changed only with this row locked. */
  @Column({ type: 'integer', default: 0 })
  arrivals: number;

  @Column({ type: 'text', nullable: true })
  cancelledReason: string | null;

  /** The organisers' own questions on the application form, in the order shown. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: WorkshopQuestion[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
