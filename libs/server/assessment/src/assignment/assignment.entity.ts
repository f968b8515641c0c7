import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import {
  ASSIGNMENT_DEFAULT_FILE_TYPES,
  ASSIGNMENT_LATE_POLICIES,
  type AssignmentFileType,
  type AssignmentLatePolicy,
  type RubricDefinition,
} from '@aula/contracts';
import { Activity } from '@aula/server/catalog';
import { decimal } from '../grading/decimal';

/**
 * The settings of an `assignment` activity. Instructions are the activity's body; max points live
 * in `grade_items`. Created with defaults the first time anyone asks.
 */
@Entity('assignments')
export class Assignment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_assignments' })
  activityId: string;

  @OneToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'assignments_activity_id_fkey' })
  activity?: Relation<Activity>;

  @Column({ type: 'uuid' })
  courseId: string;

  @Column({ type: 'boolean', default: true })
  acceptsText: boolean;

  @Column({ type: 'boolean', default: true })
  acceptsFiles: boolean;

  @Column({ type: 'integer', default: 3 })
  maxFiles: number;

  @Column({ type: 'integer', default: 10_485_760 })
  maxFileBytes: number;

  /** Extensions of the formats accepted, judged by content. */
  @Column({
    type: 'varchar',
    length: 20,
    array: true,
    default: () => `'{${ASSIGNMENT_DEFAULT_FILE_TYPES.join(',')}}'`,
  })
  allowedFileTypes: AssignmentFileType[];

  @Column({ type: 'enum', enum: ASSIGNMENT_LATE_POLICIES, enumName: 'assignment_late_policy', default: 'accept' })
  latePolicy: AssignmentLatePolicy;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0, transformer: decimal })
  latePenaltyPercentPerDay: number;

  @Column({ type: 'boolean', default: true })
  allowResubmission: boolean;

  @Column({ type: 'boolean', default: false })
  blindMarking: boolean;

  @Column({ type: 'jsonb', nullable: true })
  rubric: RubricDefinition | null;
}
