import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { TutorMarkingOverview } from '@aula/contracts';
import { markingApi } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { EmptyStateComponent } from '../shared/empty-state.component';

/** The tutor home's marking queue: work waiting for a mark in my cohorts, oldest first. */
@Component({
  selector: 'aula-marking-overview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslocoDirective, LocalDateTimePipe, EmptyStateComponent],
  template: `
    <ng-container *transloco="let t">
      @if (overview.error()) {
        <p class="error" role="alert">{{ t('marking.loadFailed') }}</p>
        <button mat-stroked-button type="button" (click)="overview.reload()">{{ t('actions.retry') }}</button>
      } @else if (overview.hasValue() && items().length === 0) {
        <aula-empty-state
          icon="assignment"
          [title]="t('tutor.queue.emptyTitle')"
          [text]="t('tutor.queue.emptyText')"
        />
      } @else if (overview.hasValue()) {
        <p class="total">{{ t('marking.overview.total', { count: total() }) }}</p>
        <ul class="waiting">
          @for (item of items(); track item.cohortId + item.activityId) {
            <li>
              <a
                class="item"
                [routerLink]="['cohorts', item.cohortId, 'marking']"
                [queryParams]="{ assignment: item.activityId, state: 'waiting' }"
              >
                <span class="title" dir="auto">{{ item.title }}</span>
                <span class="cohort" dir="auto">{{ item.courseTitle }} · {{ item.cohortName }}</span>
                <span class="counts">
                  {{ t('marking.overview.waiting', { count: item.waiting }) }}
                  @if (item.late > 0) {
                    · <span class="late">{{ t('marking.overview.late', { count: item.late }) }}</span>
                  }
                </span>
                <span class="oldest">{{
                  t('marking.overview.oldest', { date: (item.oldestSubmittedAt | localDateTime) })
                }}</span>
              </a>
            </li>
          }
        </ul>
      }
    </ng-container>
  `,
  styles: `
    @use '../shared/styles/page' as page;

    .error,
    .late {
      color: var(--mat-sys-error);
    }
    .total {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    @include page.link-cards(waiting, item);
    .title {
      font: var(--mat-sys-title-medium);
      text-decoration: underline;
    }
    .cohort {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-primary);
    }
    .counts,
    .oldest {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class MarkingOverviewComponent {
  protected readonly overview = httpResource<TutorMarkingOverview>(() => markingApi.overview.path);
  protected readonly items = computed(() => (this.overview.hasValue() ? this.overview.value().items : []));
  protected readonly total = computed(() =>
    this.overview.hasValue() ? this.overview.value().totalWaiting : 0,
  );
}
