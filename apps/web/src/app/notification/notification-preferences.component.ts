import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  DELIVERY_MODES,
  NOTIFICATION_KINDS,
  type DeliveryMode,
  type NotificationKind,
  type NotificationPreferences,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { NoticeService } from '../shared/notice.service';
import { CalendarFeedComponent } from './calendar-feed.component';
import { NotificationApiService } from './notification-api.service';

/**
 * `/profile/notifications`: for each kind of message, at once, in a daily digest or not at all.
 * Account-security mail is listed as always on. Below it, the personal calendar feed.
 */
@Component({
  selector: 'aula-notification-preferences',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, MatButtonModule, TranslocoDirective, CalendarFeedComponent],
  templateUrl: './notification-preferences.component.html',
  styleUrl: './notification-preferences.component.scss',
})
export default class NotificationPreferencesComponent {
  private readonly api = inject(NotificationApiService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly modes = DELIVERY_MODES;
  protected readonly preferences = signal<NotificationPreferences | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly failureKey = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected choose(kind: NotificationKind, mode: DeliveryMode): void {
    this.saved.set(false);
    this.preferences.update((current) => (current ? { ...current, [kind]: mode } : current));
  }

  protected async load(): Promise<void> {
    this.loadFailed.set(false);
    try {
      this.preferences.set((await this.api.preferences()).preferences);
    } catch {
      this.loadFailed.set(true);
    }
  }

  protected async save(): Promise<void> {
    const preferences = this.preferences();
    if (!preferences || this.busy()) return;
    this.busy.set(true);
    this.saved.set(false);
    this.failureKey.set(null);
    try {
      const view = await this.api.savePreferences(preferences);
      this.preferences.set(view.preferences);
      this.saved.set(true);
      this.notices.show(this.transloco.translate('notifications.preferences.saved'));
    } catch (error) {
      const status = statusOf(error);
      this.failureKey.set(
        status === 0 ? 'errors.offline' : status === 400 ? 'errors.invalidInput' : 'errors.unexpected',
      );
    } finally {
      this.busy.set(false);
    }
  }
}
