import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn , type Relation } from 'typeorm';
import type { Translations } from '@aula/contracts';
import { Course } from './course.entity';
import { Activity } from './activity.entity';

/** A module of a course: an ordered group of activities. */
@Entity('course_modules')
@Index('course_modules_course_id_position_idx', ['courseId', 'position'])
export class CourseModule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_course_modules' })
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, (c) => c.modules, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'course_modules_course_id_fkey' })
  course?: Relation<Course>;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'jsonb' })
  title: Translations;

  @OneToMany(() => Activity, (a) => a.module)
  activities?: Activity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
