import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ATTENDANCE_METHODS, type AttendanceMethod } from '@aula/contracts';
import { User } from '@aula/server/identity';
import { WorkshopRegistration } from './workshop-registration.entity';
import { WorkshopSession } from './workshop-session.entity';

/** A registration's personal check-in code: made on first need (the participant's page, a badge). */
@Entity('workshop_check_in_codes')
export class WorkshopCheckInCodeRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_workshop_check_in_codes' })
  registrationId: string;

  @ManyToOne(() => WorkshopRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'workshop_check_in_codes_registration_id_fkey' })
  registration?: Relation<WorkshopRegistration>;

  /** 128 random bits, base64url: what the QR code holds. */
  @Index('workshop_check_in_codes_token_key', { unique: true })
  @Column({ type: 'varchar', length: 43 })
  token: string;

  /** 10 characters of Crockford base 32 (50 random bits), for typing. */
  @Index('workshop_check_in_codes_code_key', { unique: true })
  @Column({ type: 'char', length: 10 })
  code: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One participant present at one session: recorded once, however often the code is scanned. */
@Entity('workshop_attendances')
@Index('workshop_attendances_session_id_registration_id_key', ['sessionId', 'registrationId'], { unique: true })
export class WorkshopAttendance {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_workshop_attendances' })
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => WorkshopSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'workshop_attendances_session_id_fkey' })
  session?: Relation<WorkshopSession>;

  @Index('workshop_attendances_registration_id_idx')
  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => WorkshopRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'workshop_attendances_registration_id_fkey' })
  registration?: Relation<WorkshopRegistration>;

  @Column({ type: 'enum', enum: ATTENDANCE_METHODS, enumName: 'workshop_attendance_method' })
  method: AttendanceMethod;

  /** The organiser who recorded it. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'workshop_attendances_recorded_by_fkey' })
  recorder?: Relation<User>;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/**
 * An offline scan that checked someone in, by the check-in screen's id for it: sent again (the
 * answer to the first sending was lost), it is answered, never applied twice, even after the
 * person was marked absent on the roll since.
 */
@Entity('workshop_check_in_scans')
export class WorkshopCheckInScan {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'PK_workshop_check_in_scans' })
  clientId: string;

  @Index('workshop_check_in_scans_session_id_idx')
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => WorkshopSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'workshop_check_in_scans_session_id_fkey' })
  session?: Relation<WorkshopSession>;

  @Index('workshop_check_in_scans_registration_id_idx')
  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => WorkshopRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'workshop_check_in_scans_registration_id_fkey' })
  registration?: Relation<WorkshopRegistration>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
