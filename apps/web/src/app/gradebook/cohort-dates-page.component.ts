import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CohortView } from '@aula/contracts';
import { enrolmentApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { CohortDatesEditorComponent } from './cohort-dates-editor.component';

/** `/gradebook/cohorts/:id/dates`: the dates editor on a page of its own (tutors reach it from their cohort). */
@Component({
  selector: 'aula-cohort-dates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoDirective, CohortDatesEditorComponent],
  template: `
    <div class="page wide" *transloco="let t">
      <nav class="breadcrumbs" [attr.aria-label]="t('shell.breadcrumbs')">
        <a [routerLink]="isAdmin() ? '/admin/cohorts' : '/tutor'">{{
          t(isAdmin() ? 'areas.admin' : 'areas.tutor')
        }}</a>
        <span aria-hidden="true">›</span>
        <a [routerLink]="[isAdmin() ? '/admin/cohorts' : '/tutor/cohorts', cohortId()]" dir="auto">{{
          name() ?? t('gradebook.titles.cohort')
        }}</a>
        <span aria-hidden="true">›</span>
        <span aria-current="page">{{ t('gradebook.titles.dates') }}</span>
      </nav>
      <h1>{{ t('gradebook.titles.dates') }}</h1>
      <p class="hint">{{ t('gradebook.dates.hint') }}</p>
      <aula-cohort-dates-editor [cohortId]="cohortId()" />
    </div>
  `,
  styles: `
    .breadcrumbs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin-block-end: 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    h1 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-medium);
    }
    .hint {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      max-inline-size: 70ch;
    }
  `,
})
export default class CohortDatesPageComponent {
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  private readonly auth = inject(AuthService);
  protected readonly cohortId = computed(() => this.params().get('id') ?? '');
  protected readonly isAdmin = computed(() => this.auth.hasRole('admin'));
  private readonly cohort = httpResource<CohortView>(() =>
    routeUrl(enrolmentApi.cohort, { id: this.cohortId() }),
  );
  protected readonly name = computed(() => (this.cohort.hasValue() ? this.cohort.value().name : null));

  constructor() {
    pageTitleFrom(() => this.name());
  }
}
