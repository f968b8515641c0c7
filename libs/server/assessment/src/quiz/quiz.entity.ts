import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import {
  QUIZ_GRADING_METHODS,
  QUIZ_QUESTION_MODES,
  QUIZ_REVIEW_WHEN,
  type QuizGradingMethod,
  type QuizQuestionMode,
  type QuizReviewWhen,
} from '@aula/contracts';
import { Activity } from '@aula/server/catalog';

/** Settings of a quiz activity; created with defaults the first time anyone asks. */
@Entity('quizzes')
export class Quiz {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_quizzes' })
  activityId: string;

  @OneToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'quizzes_activity_id_fkey' })
  activity?: Relation<Activity>;

  @Column({ type: 'enum', enum: QUIZ_QUESTION_MODES, enumName: 'quiz_question_mode', default: 'fixed' })
  questionMode: QuizQuestionMode;

  /** fixed: question ids in order. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  questionIds: string[];

  @Column({ type: 'integer', nullable: true })
  randomCount: number | null;

  @Column({ type: 'boolean', default: false })
  shuffleQuestions: boolean;

  @Column({ type: 'boolean', default: false })
  shuffleOptions: boolean;

  @Column({ type: 'integer', nullable: true })
  timeLimitMinutes: number | null;

  /** null: unlimited. */
  @Column({ type: 'integer', nullable: true, default: 1 })
  attemptsAllowed: number | null;

  @Column({ type: 'enum', enum: QUIZ_GRADING_METHODS, enumName: 'quiz_grading_method', default: 'highest' })
  gradingMethod: QuizGradingMethod;

  @Column({ type: 'enum', enum: QUIZ_REVIEW_WHEN, enumName: 'quiz_review_when', default: 'after_submit' })
  showCorrectAnswers: QuizReviewWhen;

  @Column({ type: 'enum', enum: QUIZ_REVIEW_WHEN, enumName: 'quiz_review_when', default: 'after_submit' })
  showFeedback: QuizReviewWhen;
}
