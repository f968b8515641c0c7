import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Public keys of the issuer. The worker holds the private key and publishes its public half here
 * on start; the API reads it to publish the issuer profile and check signatures, never the
 * private key. Old keys stay so that credentials signed before a key change still verify.
 */
@Entity('certificate_issuer_keys')
export class IssuerKey {
  /** RFC 7638 thumbprint of the public JWK. */
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_certificate_issuer_keys' })
  kid: string;

  @Column({ type: 'jsonb' })
  publicKeyJwk: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
