import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { QuizAnswers } from '@aula/contracts';
import { Activity } from '@aula/server/catalog';
import { Enrolment } from '@aula/server/enrolment';
import { decimal } from '../grading/decimal';
import type { GradableQuestion } from './quiz-grading';

/**
 * One attempt of one trainee at one quiz. The questions (with their option order) are copied at
 * the start, so editing the bank never changes an attempt in progress or its grade.
 */
@Entity('quiz_attempts')
@Index('quiz_attempts_activity_id_enrolment_id_number_key', ['activityId', 'enrolmentId', 'number'], { unique: true })
// One attempt in progress per trainee and quiz: two "start" clicks meet on this key.
@Index('quiz_attempts_in_progress_key', ['activityId', 'enrolmentId'], { unique: true, where: 'submitted_at IS NULL' })
// What the auto-submit sweep looks for.
@Index('quiz_attempts_open_deadline_idx', ['deadlineAt'], { where: 'submitted_at IS NULL' })
export class QuizAttempt {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_quiz_attempts' })
  id: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'quiz_attempts_activity_id_fkey' })
  activity?: Relation<Activity>;

  @Index('quiz_attempts_enrolment_id_idx')
  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'quiz_attempts_enrolment_id_fkey' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  /** min(start + time limit, close time); null: neither applies. */
  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  autoSubmitted: boolean;

  /** The questions as asked, in order, options in the order shown. Holds the answer key: never sent as is. */
  @Column({ type: 'jsonb' })
  questions: GradableQuestion[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: QuizAnswers;

  /** Question id → points earned, once submitted. */
  @Column({ type: 'jsonb', nullable: true })
  results: Record<string, number> | null;

  /** Sum of the questions' points earned / available. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: decimal })
  score: number | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: decimal })
  maxScore: number;
}
