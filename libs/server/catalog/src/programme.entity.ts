import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LOCALES, type Locale, type Translations } from '@aula/contracts';

/** A training programme: the umbrella of several courses. */
@Entity('programmes')
export class Programme {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_programmes' })
  id: string;

  @Index('programmes_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'enum', enum: LOCALES, enumName: 'user_locale', default: 'en' })
  defaultLocale: Locale;

  @Column({ type: 'jsonb' })
  title: Translations;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description: Translations;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
