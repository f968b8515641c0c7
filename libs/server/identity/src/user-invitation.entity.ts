import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from './user.entity';

/**
 * An account created for someone else (bulk enrolment), waiting for its owner to choose a
 * password. Only the SHA-256 of the single-use token is kept; the token itself is made when the
 * invitation is sent (`InvitationService.issueToken`), so it lives only in the message.
 */
@Entity('user_invitations')
export class UserInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_user_invitations' })
  id: string;

  @Index('user_invitations_user_id_idx')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_invitations_user_id_fkey' })
  user?: Relation<User>;

  /** null until the invitation is sent. */
  @Index('user_invitations_token_hash_key', { unique: true })
  @Column({ type: 'char', length: 64, nullable: true })
  tokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /** The administrator who invited; kept when they leave. */
  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'user_invitations_invited_by_id_fkey' })
  invitedBy?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
