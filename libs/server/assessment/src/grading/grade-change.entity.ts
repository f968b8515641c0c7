import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { GradeChangeAction, GradeSnapshot } from '@aula/contracts';
import { User } from '@aula/server/identity';
import { Grade } from './grade.entity';

/** The audit trail: every change of a grade, who made it, when, before and after. Never updated. */
@Entity('grade_changes')
@Index('grade_changes_grade_id_changed_at_idx', ['gradeId', 'changedAt'])
export class GradeChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_grade_changes' })
  id: string;

  @Column({ type: 'uuid' })
  gradeId: string;

  @ManyToOne(() => Grade, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grade_id', foreignKeyConstraintName: 'grade_changes_grade_id_fkey' })
  grade?: Relation<Grade>;

  @Column({ type: 'varchar', length: 20 })
  action: GradeChangeAction;

  /** Null: the platform itself (quiz grading, late penalty). */
  @Column({ type: 'uuid', nullable: true })
  changedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by_id', foreignKeyConstraintName: 'grade_changes_changed_by_id_fkey' })
  changedBy?: Relation<User>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  before: GradeSnapshot | null;

  @Column({ type: 'jsonb' })
  after: GradeSnapshot;
}
