import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What administrators did to the directory that cannot be seen afterwards: merges, deletions, resolutions. */
@Entity('directory_audit')
export class DirectoryAudit {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_directory_audit' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  action: 'merge' | 'delete' | 'status' | 'resolve-free-text' | 'import';

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Index('directory_audit_subject_id_idx')
  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
