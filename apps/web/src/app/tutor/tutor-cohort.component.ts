import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CohortView } from '@aula/contracts';
import { enrolmentApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { CohortRosterComponent } from '../shared/cohort-roster.component';
import { CohortSummaryComponent } from '../shared/cohort-summary.component';

/** `/tutor/cohorts/:id`: one cohort a tutor guides, its people and their progress (read-only). */
@Component({
  selector: 'aula-tutor-cohort',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    CohortSummaryComponent,
    CohortRosterComponent,
  ],
  template: `
    <div class="page wide" *transloco="let t">
      <nav class="breadcrumbs" [attr.aria-label]="t('shell.breadcrumbs')">
        <a routerLink="/tutor">{{ t('areas.tutor') }}</a>
        <span aria-hidden="true">›</span>
        <span aria-current="page" dir="auto">{{ view()?.name ?? t('titles.tutorCohort') }}</span>
      </nav>
      <div class="progress">
        @if (cohort.isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
        }
      </div>
      @if (cohort.error()) {
        <section role="alert">
          <h1>{{ t(notFound() ? 'cohort.notFound' : 'cohort.loadFailed') }}</h1>
          <a mat-stroked-button routerLink="/tutor">{{ t('cohort.backToTutor') }}</a>
        </section>
      }
      @if (view(); as view) {
        <p class="course" dir="auto">{{ view.courseTitle }}</p>
        <h1 dir="auto">{{ view.name }}</h1>
        <aula-cohort-summary [cohort]="view" />
        <p class="marking-link">
          <a mat-flat-button [routerLink]="['marking']">{{ t('marking.openQueue') }}</a>
        </p>
        <p class="gradebook-links">
          <a mat-stroked-button [routerLink]="['/gradebook/cohorts', view.id]">{{
            t('gradebook.titles.cohort')
          }}</a>
          <a mat-stroked-button [routerLink]="['/gradebook/cohorts', view.id, 'dates']">{{
            t('gradebook.dates.link')
          }}</a>
          <a mat-stroked-button [routerLink]="['certificates']">{{ t('certificates.cohort.link') }}</a>
        </p>
        <section class="roster" aria-labelledby="roster-title">
          <h2 id="roster-title">{{ t('roster.title') }}</h2>
          <aula-cohort-roster [cohortId]="view.id" />
        </section>
      }
    </div>
  `,
  styles: `
    .breadcrumbs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .progress {
      block-size: 4px;
      margin-block: 8px;
    }
    .course {
      margin: 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    h1 {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-medium);
    }
    .roster {
      margin-block-start: 32px;
    }
  `,
})
export default class TutorCohortComponent {
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  protected readonly cohort = httpResource<CohortView>(() =>
    routeUrl(enrolmentApi.cohort, { id: this.params().get('id') ?? '' }),
  );
  protected readonly view = computed(() => (this.cohort.hasValue() ? this.cohort.value() : null));
  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.cohort.error())));

  constructor() {
    pageTitleFrom(() => this.view()?.name);
  }
}
