import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Activity } from '@aula/server/catalog';
import { Cohort } from '@aula/server/enrolment';

/**
 * The dates of a quiz or assignment in one cohort (cohorts of the same course run at different
 * times). Stored in UTC; entered and shown in the cohort's time zone.
 */
@Entity('activity_schedules')
export class ActivitySchedule {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_activity_schedules' })
  cohortId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_activity_schedules' })
  activityId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'activity_schedules_cohort_id_fkey' })
  cohort?: Relation<Cohort>;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'activity_schedules_activity_id_fkey' })
  activity?: Relation<Activity>;

  @Column({ type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;
}
