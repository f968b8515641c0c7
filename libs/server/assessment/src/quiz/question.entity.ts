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
import { QUESTION_KINDS, type QuestionKind, type Translations } from '@aula/contracts';
import { Course } from '@aula/server/catalog';
import { decimal } from '../grading/decimal';

export interface StoredOption {
  id: string;
  text: Translations;
  correct: boolean;
  feedback: Translations;
}

/**
 * A question of a course's bank. Used questions are archived, never deleted: attempts keep a
 * snapshot anyway, but the bank stays an honest record of what was asked.
 */
@Entity('questions')
@Index('questions_course_id_idx', ['courseId', 'createdAt'])
export class Question {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_questions' })
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'questions_course_id_fkey' })
  course?: Relation<Course>;

  @Column({ type: 'enum', enum: QUESTION_KINDS, enumName: 'question_kind' })
  kind: QuestionKind;

  @Column({ type: 'jsonb' })
  prompt: Translations;

  /** Choice questions. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  options: StoredOption[];

  /** true_false. */
  @Column({ type: 'boolean', nullable: true })
  correctBoolean: boolean | null;

  /** short_answer. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  acceptedAnswers: string[];

  @Column({ type: 'boolean', default: false })
  caseSensitive: boolean;

  @Column({ type: 'boolean', default: false })
  accentSensitive: boolean;

  /** numeric. */
  @Column({ type: 'double precision', nullable: true })
  numericAnswer: number | null;

  @Column({ type: 'double precision', default: 0 })
  tolerance: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, default: 1, transformer: decimal })
  points: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  feedback: Translations;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
