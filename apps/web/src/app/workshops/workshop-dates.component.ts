import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { zoneLabel } from './workshop-time';

/**
 * A workshop's days, labelled twice: as the workshop's calendar has them (in its zone), and when
 * the first day begins for the viewer (in theirs), or that the viewer's clock agrees.
 */
@Component({
  selector: 'aula-workshop-dates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective],
  template: `
    <dl class="workshop-dates" *transloco="let t">
      <div>
        <dt>{{ t('workshops.time.workshop', { zone: localZone() }) }}</dt>
        <dd>{{ days() }}</dd>
      </div>
      <div>
        <dt>{{ t('workshops.time.yours', { zone: viewerZone() }) }}</dt>
        <dd>
          @if (viewerStart(); as start) {
            {{ t('workshops.time.startsAt', { when: start }) }}
          } @else {
            {{ t('workshops.time.sameDays') }}
          }
        </dd>
      </div>
    </dl>
  `,
  styles: `
    .workshop-dates {
      display: grid;
      gap: 4px;
      margin: 0;

      dt {
        font: var(--mat-sys-label-small);
        color: var(--mat-sys-on-surface-variant);
      }

      dd {
        margin: 0;
      }
    }
  `,
})
export class WorkshopDatesComponent {
  private readonly dateTime = inject(DateTimeService);
  private readonly language = inject(LanguageService);

  readonly startDate = input.required<string>();
  readonly endDate = input.required<string>();
  readonly timeZone = input.required<string>();

  protected readonly days = computed(() => this.dateTime.formatDayRange(this.startDate(), this.endDate()));
  private readonly start = computed(() => this.dateTime.dayStartForViewer(this.startDate(), this.timeZone()));
  protected readonly viewerStart = computed(() => {
    const start = this.start();
    return start ? this.dateTime.format(start, 'dateTime') : null;
  });
  protected readonly localZone = computed(() =>
    zoneLabel(this.timeZone(), `${this.startDate()}T12:00:00Z`, this.language.tag()),
  );
  protected readonly viewerZone = computed(() =>
    zoneLabel(this.dateTime.timeZone(), `${this.startDate()}T12:00:00Z`, this.language.tag()),
  );
}
