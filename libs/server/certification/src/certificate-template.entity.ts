import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import {
  CERTIFICATE_ORIENTATIONS,
  LOCALES,
  type CertificateOrientation,
  type CertificateSignatory,
  type Locale,
  type Translations,
} from '@aula/contracts';
import { Course, Programme } from '@aula/server/catalog';

/**
 * The certificate template of one programme or one course (never both). A course without its own
 * uses its programme's; a programme without one, the built-in template. `version` grows with every
 * save; images are stored under keys that are never reused, so renders may cache them by key.
 */
@Entity('certificate_templates')
@Check('certificate_templates_one_owner_check', `num_nonnulls("programme_id", "course_id") = 1`)
export class CertificateTemplateRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_certificate_templates' })
  id: string;

  @Index('certificate_templates_programme_id_key', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'certificate_templates_programme_id_fkey' })
  programme?: Relation<Programme>;

  @Index('certificate_templates_course_id_key', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  courseId: string | null;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'certificate_templates_course_id_fkey' })
  course?: Relation<Course>;

  @Column({ type: 'enum', enum: CERTIFICATE_ORIENTATIONS, enumName: 'certificate_orientation' })
  orientation: CertificateOrientation;

  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale' })
  defaultLocale: Locale;

  @Column({ type: 'jsonb' })
  title: Translations;

  @Column({ type: 'jsonb' })
  intro: Translations;

  @Column({ type: 'jsonb' })
  body: Translations;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  signatories: CertificateSignatory[];

  @Column({ type: 'varchar', length: 255, nullable: true })
  backgroundImageKey: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  logoImageKey: string | null;

  @VersionColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
