import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn , type Relation } from 'typeorm';
import { COURSE_STATUSES, LOCALES, type CourseStatus, type Locale, type Translations } from '@aula/contracts';
import { Programme } from './programme.entity';
import { CourseModule } from './course-module.entity';

@Entity('courses')
export class Course {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_courses' })
  id: string;

  @Index('courses_programme_id_idx')
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'courses_programme_id_fkey' })
  programme?: Relation<Programme>;

  @Index('courses_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Index('courses_status_idx')
  @Column({ type: 'enum', enum: COURSE_STATUSES, enumName: 'course_status', default: 'draft' })
  status: CourseStatus;

  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale', default: 'en' })
  defaultLocale: Locale;

  @Column({ type: 'jsonb' })
  title: Translations;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  summary: Translations;

  /** Sanitised HTML per language. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  description: Translations;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  /** Languages the course is offered in (those with a title); kept by the service. */
  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale', array: true, default: () => "'{}'" })
  locales: Locale[];

  @Column({ type: 'smallint', nullable: true })
  estimatedHours: number | null;

  /**
   * Hours before an assignment's due time at which trainees are reminded, largest first (1–4
   * distinct values, 1–720). NULL: the platform's default (REMINDER_OFFSETS_HOURS).
   */
  @Column({ type: 'smallint', array: true, nullable: true })
  reminderOffsetsHours: number[] | null;

  /** Every title and summary in every language, accents removed: catalogue search. */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @OneToMany(() => CourseModule, (m) => m.course)
  modules?: CourseModule[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
