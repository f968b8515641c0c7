import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '@aula/server/identity';

export const LEDGER_STATUSES = ['pending', 'sending', 'sent', 'held', 'digested', 'skipped', 'cancelled', 'failed'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/**
 * One message to one person for one reason about one thing on one occasion. The dedupe key is
 * unique: whoever inserts it first owns the send, so a job delivered twice, two workers or a
 * scheduler that runs twice still sends one email. `held` waits for the daily digest.
 */
@Entity('mail_ledger')
@Index('mail_ledger_held_idx', ['userId'], { where: "status = 'held'" })
export class MailLedgerEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mail_ledger' })
  id: string;

  /** recipient | reason | subject | occasion. */
  @Index('mail_ledger_dedupe_key_key', { unique: true })
  @Column({ type: 'varchar', length: 300 })
  dedupeKey: string;

  @Index('mail_ledger_user_id_idx')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'mail_ledger_user_id_fkey' })
  user?: Relation<User>;

  /** Template (reason) of the message. */
  @Column({ type: 'varchar', length: 40 })
  template: string;

  /** Preference kind it belongs to. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: LedgerStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When a worker claimed it for sending: a claim older than a few minutes is taken over. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** SMTP answer of the last failure (no personal data). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** For held (digest) entries: the subject line, already in the recipient's language. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
