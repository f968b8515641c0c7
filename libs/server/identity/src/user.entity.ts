import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LOCALES, ROLES, type Locale, type Role, type UserView } from '@aula/contracts';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id: string;

  /** Stored trimmed and lower-cased; unique. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role', array: true, default: () => "'{trainee}'" })
  roles: Role[];

  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale', default: 'en' })
  locale: Locale;

  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timeZone: string;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  organisation: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  region: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Name and email without accents, lower-cased: what admin search and sorting use. */
  @Index('users_search_text_idx')
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: [...user.roles],
    locale: user.locale,
    timeZone: user.timeZone,
    country: user.country,
    organisation: user.organisation,
    region: user.region,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}
