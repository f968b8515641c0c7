import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Activity } from '@aula/server/catalog';
import { decimal } from './decimal';

/** A graded activity (quiz or assignment) as the gradebook counts it: points, weight, category. */
@Entity('grade_items')
export class GradeItem {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_grade_items' })
  activityId: string;

  @OneToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'grade_items_activity_id_fkey' })
  activity?: Relation<Activity>;

  @Index('grade_items_course_id_idx')
  @Column({ type: 'uuid' })
  courseId: string;

  @Column({ type: 'numeric', precision: 10, scale: 2, default: 100, transformer: decimal })
  maxPoints: number;

  /** Relative weight within its category (or the course when it has none). */
  @Column({ type: 'numeric', precision: 8, scale: 3, default: 1, transformer: decimal })
  weight: number;

  @Column({ type: 'varchar', length: 80, nullable: true })
  category: string | null;
}
