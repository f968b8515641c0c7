import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An address the mail server refused for good (5xx). No more mail goes to it until the person
 * changes their address or an administrator clears the flag.
 */
@Entity('undeliverable_addresses')
export class UndeliverableAddress {
  @PrimaryColumn({ type: 'varchar', length: 254, primaryKeyConstraintName: 'PK_undeliverable_addresses' })
  email: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  flaggedAt: Date;
}
