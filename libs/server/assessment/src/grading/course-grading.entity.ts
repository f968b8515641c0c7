import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Course } from '@aula/server/catalog';
import { decimal } from './decimal';

/** A course's gradebook rules: pass mark, whether completion needs it, category weights. */
@Entity('course_grading')
export class CourseGrading {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_course_grading' })
  courseId: string;

  @OneToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'course_grading_course_id_fkey' })
  course?: Relation<Course>;

  /** Course total (percent) needed to pass; null: no pass mark. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: decimal })
  passPercent: number | null;

  @Column({ type: 'boolean', default: false })
  completionRequiresPass: boolean;

  /** Category name → weight. Items of a category not listed weigh 1. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  categoryWeights: Record<string, number>;
}
