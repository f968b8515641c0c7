import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  NOTIFICATION_KINDS,
  SECURITY_KIND,
  type DeliveryMode,
  type MailKind,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationPreferencesView,
  type UpdateNotificationPreferencesRequest,
} from '@aula/contracts';
import { NotificationPreference } from './notification-preference.entity';

/** Per kind of message: immediate, daily digest or off. Account mail is always immediate. */
@Injectable()
export class PreferenceService {
  constructor(private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<NotificationPreferencesView> {
    const rows = await this.dataSource.getRepository(NotificationPreference).find({ where: { userId } });
    const preferences = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, 'immediate'])) as NotificationPreferences;
    for (const row of rows) if (row.kind in preferences) preferences[row.kind as NotificationKind] = row.mode;
    return { preferences, alwaysOn: [SECURITY_KIND] };
  }

  async update(userId: string, change: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesView> {
    const rows = Object.entries(change)
      .filter(([, mode]) => mode !== undefined)
      .map(([kind, mode]) => ({ userId, kind, mode: mode as DeliveryMode }));
    if (rows.length) await this.dataSource.getRepository(NotificationPreference).upsert(rows, ['userId', 'kind']);
    return this.get(userId);
  }

  async modeFor(userId: string, kind: MailKind): Promise<DeliveryMode> {
    if (kind === SECURITY_KIND) return 'immediate';
    const row = await this.dataSource.getRepository(NotificationPreference).findOne({ where: { userId, kind } });
    return row?.mode ?? 'immediate';
  }
}
