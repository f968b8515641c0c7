import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Activity } from '@aula/server/catalog';
import { Enrolment } from '@aula/server/enrolment';

/**
 * Blind marking: the number a trainee's work goes by for one assignment ("Participant 4821").
 * Drawn at random when first needed and kept, so it is stable and says nothing about the person.
 */
@Entity('marking_participants')
@Index('marking_participants_activity_id_number_key', ['activityId', 'number'], { unique: true })
export class MarkingParticipant {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_marking_participants' })
  activityId: string;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'marking_participants_activity_id_fkey' })
  activity?: Relation<Activity>;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_marking_participants' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'marking_participants_enrolment_id_fkey' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'integer' })
  number: number;
}
