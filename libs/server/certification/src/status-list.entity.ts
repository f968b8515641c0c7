import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A signed Bitstring Status List credential (revocation), rebuilt by the worker from the
 * certificates table after every revocation or re-issue, and served as is by the API.
 */
@Entity('certificate_status_lists')
export class StatusList {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_certificate_status_lists' })
  id: number;

  @Column({ type: 'text' })
  credentialJwt: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
