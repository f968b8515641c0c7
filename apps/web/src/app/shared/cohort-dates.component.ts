import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { DateTimeService } from '../core/time/date-time.service';
import { timeZoneLabel } from '../core/time/time-zones';

/**
 * A cohort's dates ("1 Feb – 31 May 2027"). Days are the cohort's own; when its zone is not the
 * viewer's, the zone is named, so nobody is surprised by a day that starts at their night.
 */
@Component({
  selector: 'aula-cohort-dates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective],
  template: `<ng-container *transloco="let t"
    ><span class="range">{{ range() }}</span>
    @if (otherZone()) {
      <span class="zone">{{ t('cohort.zoneNote', { zone: zoneLabel() }) }}</span>
    }
  </ng-container>`,
  styles: `
    .zone {
      margin-inline-start: 6px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class CohortDatesComponent {
  private readonly dateTime = inject(DateTimeService);

  readonly startDate = input.required<string>();
  readonly endDate = input.required<string>();
  readonly timeZone = input.required<string>();

  protected readonly range = computed(() => this.dateTime.formatDayRange(this.startDate(), this.endDate()));
  protected readonly otherZone = computed(() => this.timeZone() !== this.dateTime.timeZone());
  protected readonly zoneLabel = computed(() => timeZoneLabel(this.timeZone()));
}
