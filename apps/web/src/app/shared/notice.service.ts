import { Injectable, signal } from '@angular/core';

export interface Notice {
  id: number;
  /** Already translated. */
  text: string;
  kind: 'info' | 'error';
}

/**
 * Short confirmations ("Your profile has been saved") shown at the bottom of the screen and
 * announced by screen readers. A few lines instead of the Material snack bar, which would
 * pull the overlay machinery into the first download.
 */
@Injectable({ providedIn: 'root' })
export class NoticeService {
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly state = signal<Notice | null>(null);

  readonly current = this.state.asReadonly();

  show(text: string, kind: Notice['kind'] = 'info', durationMs = kind === 'error' ? 10_000 : 5_000): void {
    clearTimeout(this.timer);
    this.state.set({ id: this.nextId++, text, kind });
    this.timer = setTimeout(() => this.dismiss(), durationMs);
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.state.set(null);
  }
}
