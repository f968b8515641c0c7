import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { DateTimeService } from '../core/time/date-time.service';
import { timeZoneLabel } from '../core/time/time-zones';
import { NameInTextComponent } from './name-in-text.component';
import { injectNow } from './now';

/** Greeting by the time of day where the person is, and their local date and time. */
@Component({
  selector: 'aula-home-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective, NameInTextComponent],
  template: `
    <header class="home-header" *transloco="let t">
      <h1><aula-name-in-text [key]="greetingKey()" [name]="name()" /></h1>
      <p class="today">
        <time [attr.datetime]="now().toISOString()">
          {{ t('home.today', { date: date(), time: time() }) }}
        </time>
        <span class="zone">{{ t('home.timeZone', { zone: zone() }) }}</span>
      </p>
    </header>
  `,
  styles: `
    .home-header {
      margin-block-end: 24px;
    }
    h1 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-medium);
    }
    .today {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .today time {
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-title-medium);
    }
    .zone {
      font: var(--mat-sys-body-medium);
      align-self: center;
    }
  `,
})
export class HomeHeaderComponent {
  private readonly dateTime = inject(DateTimeService);
  private readonly user = inject(AuthService).user;

  protected readonly now = injectNow();
  protected readonly name = computed(() => this.user()?.displayName ?? '');
  protected readonly date = computed(() => this.dateTime.format(this.now(), 'longDate'));
  protected readonly time = computed(() => this.dateTime.format(this.now(), 'time'));
  protected readonly zone = computed(() => timeZoneLabel(this.dateTime.timeZone()));
  protected readonly greetingKey = computed(() => {
    const hour = this.dateTime.hour(this.now());
    if (hour >= 5 && hour < 12) return 'home.greeting.morning';
    if (hour >= 12 && hour < 19) return 'home.greeting.afternoon';
    return 'home.greeting.evening';
  });
}
