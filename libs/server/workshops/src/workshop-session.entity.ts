import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { Translations } from '@aula/contracts';
import { Workshop } from './workshop.entity';

/** A speaker as stored: a user id (name read from the account) or a typed name. */
export type StoredSpeaker = { userId: string } | { name: string };

/** One slot of a workshop's agenda. */
@Entity('workshop_sessions')
@Index('workshop_sessions_workshop_id_starts_at_idx', ['workshopId', 'startsAt'])
export class WorkshopSession {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_workshop_sessions' })
  id: string;

  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_sessions_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  @Column({ type: 'jsonb' })
  title: Translations;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description: Translations;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  speakers: StoredSpeaker[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  room: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  link: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
