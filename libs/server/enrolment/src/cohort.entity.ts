import { Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn , type Relation } from 'typeorm';
import { ENROLMENT_MODES, type EnrolmentMode } from '@aula/contracts';
import { Course } from '@aula/server/catalog';
import { User } from '@aula/server/identity';

/** One run of a course: dates in its own time zone, a capacity and its tutors. */
@Entity('cohorts')
export class Cohort {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cohorts' })
  id: string;

  @Index('cohorts_course_id_idx')
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'cohorts_course_id_fkey' })
  course?: Relation<Course>;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** null: no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'enum', enum: ENROLMENT_MODES, enumName: 'enrolment_mode', default: 'approval' })
  enrolmentMode: EnrolmentMode;

  /**
   * Enrolments holding a seat (active or completed). Kept by EnrolmentService in the same
   * transaction as each status change, under this row's lock, so seats left is one read for the
   * catalogue, course page and dashboard instead of a count over thousands of enrolments.
   */
  @Column({ type: 'integer', default: 0 })
  seatsTaken: number;

  @ManyToMany(() => User)
  @JoinTable({
    name: 'cohort_tutors',
    joinColumn: { name: 'cohort_id', referencedColumnName: 'id', foreignKeyConstraintName: 'cohort_tutors_cohort_id_fkey' },
    inverseJoinColumn: { name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'cohort_tutors_user_id_fkey' },
  })
  tutors?: User[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
