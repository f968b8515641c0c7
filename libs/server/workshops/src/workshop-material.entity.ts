import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { LOCALES, WORKSHOP_MATERIAL_KINDS, type Locale, type WorkshopMaterialKind } from '@aula/contracts';
import { Workshop } from './workshop.entity';
import { WorkshopSession } from './workshop-session.entity';

/**
 * A file or link attached to a workshop or one of its sessions. Its own table, keyed by workshop
 * and session, so the documentation centre can index materials without reading workshops.
 */
@Entity('workshop_materials')
@Index('workshop_materials_workshop_id_created_at_idx', ['workshopId', 'createdAt'])
export class WorkshopMaterial {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_workshop_materials' })
  id: string;

  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_materials_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  /** null: the workshop as a whole. Removing the session removes its materials. */
  @Index('workshop_materials_session_id_idx')
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => WorkshopSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'workshop_materials_session_id_fkey' })
  session?: Relation<WorkshopSession>;

  @Column({ type: 'enum', enum: WORKSHOP_MATERIAL_KINDS, enumName: 'workshop_material_kind' })
  kind: WorkshopMaterialKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale' })
  language: Locale;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  /** Storage key: ours, never derived from the file's name. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileKey: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  fileContentType: string | null;

  @Column({ type: 'integer', nullable: true })
  fileSize: number | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
