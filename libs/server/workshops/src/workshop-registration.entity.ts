import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { STAKEHOLDER_SECTORS, WORKSHOP_REGISTRATION_STATUSES, type StakeholderSector, type WorkshopRegistrationStatus } from '@aula/contracts';
import { Institution, Region } from '@aula/server/directory';
import { User } from '@aula/server/identity';
import { Workshop } from './workshop.entity';

/** One person's registration for one workshop: application, seat, waiting-list place or offer. */
@Entity('workshop_registrations')
@Index('workshop_registrations_workshop_id_user_id_key', ['workshopId', 'userId'], { unique: true })
@Index('workshop_registrations_workshop_id_arrival_key', ['workshopId', 'arrival'], { unique: true })
@Index('workshop_registrations_offer_expires_at_idx', ['offerExpiresAt'], { where: `status = 'offered'` })
export class WorkshopRegistration {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_workshop_registrations' })
  id: string;

  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'workshop_registrations_workshop_id_fkey' })
  workshop?: Relation<Workshop>;

  @Index('workshop_registrations_user_id_idx')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'workshop_registrations_user_id_fkey' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: WORKSHOP_REGISTRATION_STATUSES, enumName: 'workshop_registration_status' })
  status: WorkshopRegistrationStatus;

  /** Order of arrival in this workshop (1, 2, ...): first come, first served. */
  @Column({ type: 'integer' })
  arrival: number;

  /** ISO 3166-1 alpha-2: what the country quota counts. */
  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;

  /** The application form: the person's institution (from the directory), position, sector, region and needs. */
  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'workshop_registrations_institution_id_fkey' })
  institution?: Relation<Institution>;

  @Column({ type: 'text', nullable: true })
  position: string | null;

  @Column({ type: 'enum', enum: STAKEHOLDER_SECTORS, enumName: 'workshop_registration_sector', nullable: true })
  sector: StakeholderSector | null;

  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  @ManyToOne(() => Region, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'workshop_registrations_region_id_fkey' })
  region?: Relation<Region>;

  @Column({ type: 'text', nullable: true })
  accessibilityNeeds: string | null;

  /** Answers to the workshop's own questions, keyed by question id. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, string>;

  @Column({ type: 'timestamptz', nullable: true })
  offerExpiresAt: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
