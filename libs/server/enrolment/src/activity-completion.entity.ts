import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn , type Relation } from 'typeorm';
import { Activity } from '@aula/server/catalog';
import { Enrolment } from './enrolment.entity';

/** An activity done within an enrolment. */
@Entity('activity_completions')
export class ActivityCompletion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_activity_completions' })
  enrolmentId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_activity_completions' })
  activityId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'activity_completions_enrolment_id_fkey' })
  enrolment?: Relation<Enrolment>;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'activity_completions_activity_id_fkey' })
  activity?: Relation<Activity>;

  @CreateDateColumn({ type: 'timestamptz' })
  completedAt: Date;
}
