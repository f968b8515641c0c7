import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CohortView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { ENROLMENT_STATUS_LIST } from '../core/catalog/catalog-rules';
import { CohortDatesComponent } from './cohort-dates.component';
import { seatsText } from './cohort-offer';

/** The facts of a cohort at a glance: dates, enrolment, tutors and how many people in each status. */
@Component({
  selector: 'aula-cohort-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective, CohortDatesComponent],
  template: `
    <ng-container *transloco="let t">
      <dl class="facts">
        <div>
          <dt>{{ t('cohort.dates') }}</dt>
          <dd>
            <aula-cohort-dates
              [startDate]="cohort().startDate"
              [endDate]="cohort().endDate"
              [timeZone]="cohort().timeZone"
            />
          </dd>
        </div>
        <div>
          <dt>{{ t('cohort.enrolment') }}</dt>
          <dd>{{ t('enrolment.mode.' + cohort().enrolmentMode) }} · {{ seats(cohort(), t) }}</dd>
        </div>
        <div>
          <dt>{{ t('cohort.tutors') }}</dt>
          <dd>
            @for (tutor of cohort().tutors; track tutor.id; let last = $last) {
              <bdi dir="auto">{{ tutor.displayName }}</bdi>{{ last ? '' : ', ' }}
            } @empty {
              {{ t('cohort.noTutors') }}
            }
          </dd>
        </div>
      </dl>
      <ul class="counts" [attr.aria-label]="t('cohort.counts')">
        @for (status of statuses; track status) {
          <li>
            <span class="count">{{ cohort().counts[status] }}</span>
            <span class="label">{{ t('enrolment.status.' + status) }}</span>
          </li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
      margin: 0 0 16px;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 2px 0 0;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .counts li {
      display: flex;
      flex-direction: column;
      min-inline-size: 6.5rem;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .count {
      font: var(--mat-sys-title-large);
      font-variant-numeric: tabular-nums;
    }
    .label {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CohortSummaryComponent {
  readonly cohort = input.required<CohortView>();

  protected readonly statuses = ENROLMENT_STATUS_LIST;
  protected readonly seats = seatsText;
}
