import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '@aula/server/identity';
import type { DeliveryMode } from '@aula/contracts';

/** A person's choice for one kind of message; no row means `immediate`. */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notification_preferences' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_preferences_user_id_fkey' })
  user?: Relation<User>;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_notification_preferences' })
  kind: string;

  @Column({ type: 'varchar', length: 16 })
  mode: DeliveryMode;
}
