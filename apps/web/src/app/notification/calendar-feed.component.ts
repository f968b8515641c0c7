import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CalendarFeedView } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { NoticeService } from '../shared/notice.service';
import { NotificationApiService } from './notification-api.service';

/**
 * The private calendar address (deadlines, quiz windows, cohort dates). The token is stored
 * hashed, so the address is shown only right after it is made; making a new one ends the old.
 */
@Component({
  selector: 'aula-calendar-feed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoDirective, LocalDateTimePipe],
  template: `
    <section class="card" aria-labelledby="calendar-title" *transloco="let t">
      <h2 id="calendar-title">{{ t('notifications.calendar.title') }}</h2>
      <p class="lead">{{ t('notifications.calendar.lead') }}</p>
      <p class="warning">{{ t('notifications.calendar.warning') }}</p>

      <div class="form-error" role="alert">
        @if (failureKey(); as key) {
          <p>{{ t(key) }}</p>
        }
      </div>

      @if (feed(); as feed) {
        <p class="state" role="status">
          @if (feed.active) {
            {{ t('notifications.calendar.active', { date: (feed.createdAt | localDateTime) }) }}
          } @else {
            {{ t('notifications.calendar.inactive') }}
          }
        </p>

        @if (url(); as url) {
          <div class="url-box">
            <label for="calendar-url">{{ t('notifications.calendar.urlLabel') }}</label>
            <div class="url-row">
              <input id="calendar-url" type="text" readonly [value]="url" (focus)="select($event)" />
              <button mat-stroked-button type="button" (click)="copy(url)">
                {{ t('notifications.calendar.copy') }}
              </button>
            </div>
            <p class="hint">{{ t('notifications.calendar.shownOnce') }}</p>
          </div>
        }

        <div class="actions">
          <button mat-flat-button type="button" [disabled]="busy()" (click)="create()">
            {{ feed.active ? t('notifications.calendar.regenerate') : t('notifications.calendar.create') }}
          </button>
          @if (feed.active) {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="revoke()">
              {{ t('notifications.calendar.revoke') }}
            </button>
          }
        </div>
      } @else if (!failureKey()) {
        <p role="status">{{ t('notifications.preferences.loading') }}</p>
      }
    </section>
  `,
  styles: `
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    .lead,
    .hint,
    .state {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .warning {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .url-box {
      margin-block-end: 16px;
      label {
        display: block;
        margin-block-end: 4px;
        font: var(--mat-sys-label-large);
      }
    }
    .url-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      input {
        flex: 1 1 16rem;
        min-inline-size: 0;
        min-block-size: 40px;
        padding: 0 12px;
        border: 1px solid var(--mat-sys-outline);
        border-radius: var(--mat-sys-corner-extra-small);
        background: var(--mat-sys-surface);
        color: var(--mat-sys-on-surface);
        font: var(--mat-sys-body-medium);
      }
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .form-error:empty {
      display: none;
    }
    .form-error p {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class CalendarFeedComponent {
  private readonly api = inject(NotificationApiService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  protected readonly feed = signal<CalendarFeedView | null>(null);
  protected readonly url = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);

  constructor() {
    void this.run(async () => this.feed.set(await this.api.calendarFeed()));
  }

  protected create(): Promise<void> {
    return this.run(async () => {
      const feed = await this.api.createCalendarFeed();
      this.feed.set(feed);
      this.url.set(feed.url);
    });
  }

  protected revoke(): Promise<void> {
    return this.run(async () => {
      await this.api.revokeCalendarFeed();
      this.url.set(null);
      this.feed.set({ url: null, active: false, createdAt: null });
      this.notices.show(this.transloco.translate('notifications.calendar.revoked'));
    });
  }

  protected async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.notices.show(this.transloco.translate('notifications.calendar.copied'));
    } catch {
      this.notices.show(this.transloco.translate('notifications.calendar.copyFailed'), 'error');
    }
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failureKey.set(null);
    try {
      await action();
    } catch (error) {
      this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
    } finally {
      this.busy.set(false);
    }
  }
}
