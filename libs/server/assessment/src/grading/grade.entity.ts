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
import { GRADE_STATUSES, type GradeStatus, type RubricMarks } from '@aula/contracts';
import { Activity } from '@aula/server/catalog';
import { Enrolment } from '@aula/server/enrolment';
import { User } from '@aula/server/identity';
import { decimal } from './decimal';

/** One trainee's grade for one quiz or assignment. Changed only through `GradeService`. */
@Entity('grades')
@Index('grades_activity_id_enrolment_id_key', ['activityId', 'enrolmentId'], { unique: true })
export class Grade {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_grades' })
  id: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'grades_activity_id_fkey' })
  activity?: Relation<Activity>;

  @Index('grades_enrolment_id_idx')
  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'grades_enrolment_id_fkey' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'enum', enum: GRADE_STATUSES, enumName: 'grade_status', default: 'draft' })
  status: GradeStatus;

  /** Final points, after the late penalty. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: decimal })
  points: number | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: decimal })
  rawPoints: number | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0, transformer: decimal })
  latePenaltyPercent: number;

  @Column({ type: 'jsonb', nullable: true })
  rubricMarks: RubricMarks | null;

  /** Plain text. */
  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  feedbackFileKey: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  feedbackFileName: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  feedbackFileContentType: string | null;

  @Column({ type: 'integer', nullable: true })
  feedbackFileSize: number | null;

  @Column({ type: 'uuid', nullable: true })
  gradedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'graded_by_id', foreignKeyConstraintName: 'grades_graded_by_id_fkey' })
  gradedBy?: Relation<User>;

  @Column({ type: 'timestamptz', nullable: true })
  gradedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  /** Optimistic lock: every change adds one; a save naming an older version is refused. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
