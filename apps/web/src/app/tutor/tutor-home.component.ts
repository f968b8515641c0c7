import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { CohortView, Page } from '@aula/contracts';
import { enrolmentApi } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { CohortDatesComponent } from '../shared/cohort-dates.component';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { HomeHeaderComponent } from '../shared/home-header.component';
import { IconComponent } from '../shared/icon.component';
import { MarkingOverviewComponent } from '../marking/marking-overview.component';

/** `/tutor`: the cohorts a tutor guides, and the marking queue (work waiting for a mark). */
@Component({
  selector: 'aula-tutor-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    TranslocoDirective,
    HomeHeaderComponent,
    EmptyStateComponent,
    CohortDatesComponent,
    IconComponent,
    MarkingOverviewComponent,
  ],
  template: `
    <div class="page" *transloco="let t">
      <aula-home-header />

      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{{ t('tutor.cohorts.title') }}</h2>
        @if (cohorts.error()) {
          <p class="error" role="alert">{{ t('tutor.cohorts.loadFailed') }}</p>
          <button mat-stroked-button type="button" (click)="cohorts.reload()">
            {{ t('actions.retry') }}
          </button>
        } @else if (cohorts.hasValue() && items().length === 0) {
          <aula-empty-state
            icon="group"
            [title]="t('tutor.cohorts.emptyTitle')"
            [text]="t('tutor.cohorts.emptyText')"
          />
        }
        <ul class="cohorts">
          @for (cohort of items(); track cohort.id) {
            <li>
              <a class="cohort" [routerLink]="['cohorts', cohort.id]">
                <span class="course" dir="auto">{{ cohort.courseTitle }}</span>
                <span class="name" dir="auto">{{ cohort.name }}</span>
                <span class="meta">
                  <aula-icon name="event" />
                  <aula-cohort-dates
                    [startDate]="cohort.startDate"
                    [endDate]="cohort.endDate"
                    [timeZone]="cohort.timeZone"
                  />
                </span>
                <span class="meta">
                  <aula-icon name="group" />
                  {{
                    t('tutor.cohorts.people', {
                      active: cohort.counts.active,
                      pending: cohort.counts.pending,
                    })
                  }}
                </span>
              </a>
            </li>
          }
        </ul>
        @if (more()) {
          <p class="muted">{{ t('tutor.cohorts.more') }}</p>
        }
      </section>

      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{{ t('tutor.queue.title') }}</h2>
        <aula-marking-overview />
      </section>
    </div>
  `,
  styles: `
    @use '../shared/styles/page' as page;

    section + section {
      margin-block-start: 32px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    @include page.link-cards(cohorts, cohort);
    .course {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-primary);
    }
    .name {
      font: var(--mat-sys-title-medium);
      text-decoration: underline;
    }
    .meta {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .meta aula-icon {
      inline-size: 18px;
      block-size: 18px;
    }
  `,
})
export default class TutorHomeComponent {
  protected readonly cohorts = httpResource<Page<CohortView>>(() => ({
    url: enrolmentApi.tutorCohorts.path,
    params: { limit: 50 },
  }));
  protected readonly items = computed(() => (this.cohorts.hasValue() ? this.cohorts.value().items : []));
  protected readonly more = computed(() => this.cohorts.hasValue() && !!this.cohorts.value().nextCursor);
}
