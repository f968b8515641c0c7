import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '@aula/server/identity';
import { Workshop } from './workshop.entity';

/**
 * An organiser's invitation of one email address to a workshop (registration by invitation). Only
 * the hash of its single-use token is kept; a fresh token replaces the previous one each time the
 * message is sent. Accepting makes the account when needed and the registration.
 */
@Entity('workshop_invitations')
@Index('workshop_invitations_workshop_id_email_key', ['workshopId', 'email'], { unique: true })
export class WorkshopInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_workshop_invitations' })
  id: string;

  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_invitations_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  /** Normalised (lower case): what an account is matched by. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Index('workshop_invitations_token_hash_key', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  tokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  registrationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'workshop_invitations_invited_by_id_fkey' })
  invitedBy?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
