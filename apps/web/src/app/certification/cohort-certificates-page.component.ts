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
import { AuthService } from '../core/auth/auth.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { CohortCertificatesComponent } from './cohort-certificates.component';

/** `/tutor/cohorts/:id/certificates`: the certificates of a cohort a tutor guides (downloads). */
@Component({
  selector: 'aula-cohort-certificates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    CohortCertificatesComponent,
  ],
  template: `
    <div class="page wide" *transloco="let t">
      <nav class="breadcrumbs" [attr.aria-label]="t('shell.breadcrumbs')">
        <a routerLink="/tutor">{{ t('areas.tutor') }}</a>
        <span aria-hidden="true">›</span>
        <a [routerLink]="['/tutor/cohorts', cohortId()]" dir="auto">{{
          view()?.name ?? t('titles.tutorCohort')
        }}</a>
        <span aria-hidden="true">›</span>
        <span aria-current="page">{{ t('certificates.cohort.title') }}</span>
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
        <h1>
          {{ t('certificates.cohort.title') }}: <bdi dir="auto">{{ view.name }}</bdi>
        </h1>
        <aula-cohort-certificates [cohortId]="view.id" [manage]="isAdmin()" />
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
      overflow-wrap: anywhere;
    }
  `,
})
export default class CohortCertificatesPageComponent {
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  private readonly auth = inject(AuthService);
  protected readonly cohortId = computed(() => this.params().get('id') ?? '');
  protected readonly cohort = httpResource<CohortView>(() =>
    routeUrl(enrolmentApi.cohort, { id: this.cohortId() }),
  );
  protected readonly view = computed(() => (this.cohort.hasValue() ? this.cohort.value() : null));
  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.cohort.error())));
  protected readonly isAdmin = computed(() => this.auth.hasRole('admin'));

  constructor() {
    pageTitleFrom(() => this.view()?.name);
  }
}
