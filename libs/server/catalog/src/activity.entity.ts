import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn , type Relation } from 'typeorm';
import { ACTIVITY_KINDS, type ActivityKind, type Translations } from '@aula/contracts';
import { CourseModule } from './course-module.entity';
import { Course } from './course.entity';

@Entity('activities')
@Index('activities_module_id_position_idx', ['moduleId', 'position'])
export class Activity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_activities' })
  id: string;

  @Column({ type: 'uuid' })
  moduleId: string;

  @ManyToOne(() => CourseModule, (m) => m.activities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'activities_module_id_fkey' })
  module?: Relation<CourseModule>;

  /** Denormalised from the module: progress and course pages read activities by course. */
  @Index('activities_course_id_idx')
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'activities_course_id_fkey' })
  course?: Relation<Course>;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'enum', enum: ACTIVITY_KINDS, enumName: 'activity_kind' })
  kind: ActivityKind;

  @Column({ type: 'jsonb' })
  title: Translations;

  /** Sanitised HTML per language (pages). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  body: Translations;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;

  /** Storage key of the uploaded file (file activities). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  fileKey: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  fileContentType: string | null;

  @Column({ type: 'integer', nullable: true })
  fileSize: number | null;

  /** Counts toward course completion. */
  @Column({ type: 'boolean', default: true })
  required: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
