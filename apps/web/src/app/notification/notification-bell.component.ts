import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import type { NotificationView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { NotificationApiService } from './notification-api.service';

const POLL_MS = 60_000;
let nextId = 0;

/**
 * The bell in the top bar: how many notifications are unread (asked every minute and after
 * each navigation) and, when opened, the latest ones. Opening one marks it read.
 */
@Component({
  selector: 'aula-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, RouterLink, TranslocoDirective, LocalDateTimePipe],
  templateUrl: './notification-bell.component.html',
  styleUrl: './notification-bell.component.scss',
  host: {
    '(document:click)': 'clickedSomewhere($event)',
    '(keydown.escape)': 'close(true)',
  },
})
export class NotificationBellComponent {
  private readonly api = inject(NotificationApiService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');

  protected readonly panelId = `aula-notifications-${nextId++}`;
  protected readonly open = signal(false);
  protected readonly unread = signal(0);
  protected readonly items = signal<NotificationView[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  /** Bumped by every count request and every change: an answer that is no longer the latest is ignored. */
  private countVersion = 0;

  constructor() {
    void this.refreshCount();
    const timer = setInterval(() => void this.refreshCount(), POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.refreshCount());
  }

  protected async toggle(): Promise<void> {
    if (this.open()) {
      this.close();
      return;
    }
    this.open.set(true);
    await this.loadList();
  }

  close(returnFocus = false): void {
    if (!this.open()) return;
    this.open.set(false);
    if (returnFocus) this.trigger().nativeElement.focus();
  }

  protected async opened(item: NotificationView): Promise<void> {
    this.close();
    if (item.readAt) return;
    try {
      const updated = await this.api.markRead(item.id);
      this.items.update((items) => items?.map((each) => (each.id === item.id ? updated : each)) ?? null);
      await this.refreshCount();
    } catch {
      // The count is asked again on the next navigation.
    }
  }

  protected async markAllRead(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const { unread } = await this.api.markAllRead();
      // Authoritative: a count asked for before this answer may predate it.
      this.countVersion++;
      this.unread.set(unread);
      const now = new Date().toISOString();
      this.items.update((items) => items?.map((item) => ({ ...item, readAt: item.readAt ?? now })) ?? null);
    } catch {
      this.failed.set(true);
    } finally {
      this.busy.set(false);
    }
  }

  protected clickedSomewhere(event: Event): void {
    if (!this.host.nativeElement.contains(event.target as Node)) this.close();
  }

  private async loadList(): Promise<void> {
    this.failed.set(false);
    try {
      const [items] = await Promise.all([this.api.recent(10), this.refreshCount()]);
      this.items.set(items);
    } catch {
      this.failed.set(true);
    }
  }

  private async refreshCount(): Promise<void> {
    const version = ++this.countVersion;
    try {
      const { unread } = await this.api.unreadCount();
      if (version === this.countVersion) this.unread.set(unread);
    } catch {
      // Signed out or offline: keep what is shown; the next poll tries again.
    }
  }
}
