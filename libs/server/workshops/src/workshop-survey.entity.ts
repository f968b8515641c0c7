import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { WorkshopSurveyAnswer, WorkshopSurveyQuestion } from '@aula/contracts';
import { User } from '@aula/server/identity';
import { Workshop } from './workshop.entity';

/** The organiser's feedback questions for a workshop; absent: the default survey. */
@Entity('workshop_surveys')
export class WorkshopSurvey {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_workshop_surveys' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_surveys_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  @Column({ type: 'jsonb' })
  questions: WorkshopSurveyQuestion[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One answer to a workshop's survey; `userId` is null when given anonymously. */
@Entity('workshop_survey_responses')
@Index('workshop_survey_responses_workshop_id_user_id_key', ['workshopId', 'userId'], { unique: true, where: 'user_id IS NOT NULL' })
export class WorkshopSurveyResponse {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_workshop_survey_responses' })
  id: string;

  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_survey_responses_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'workshop_survey_responses_user_id_fkey' })
  user?: Relation<User>;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'jsonb' })
  answers: WorkshopSurveyAnswer[];

  /** The day only: an exact time could tie an anonymous answer to the respondents list. */
  @Column({ type: 'date', default: () => 'CURRENT_DATE' })
  submittedOn: string;
}

/**
 * Who has answered a workshop's survey, kept apart from the answers: one answer per person even
 * when the answer itself carries no user id.
 */
@Entity('workshop_survey_respondents')
@Index('workshop_survey_respondents_user_id_idx', ['userId'])
export class WorkshopSurveyRespondent {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_workshop_survey_respondents' })
  workshopId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_workshop_survey_respondents' })
  userId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_survey_respondents_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'workshop_survey_respondents_user_id_fkey' })
  user?: Relation<User>;

  @Column({ type: 'boolean' })
  anonymous: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  answeredAt: Date;
}
