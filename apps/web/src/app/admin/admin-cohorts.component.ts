import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { CohortView, CourseAdminView, Page } from '@aula/contracts';
import { catalogApi, enrolmentApi } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { CohortDatesComponent } from '../shared/cohort-dates.component';
import { seatsText } from '../shared/cohort-offer';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { displayText } from './translations';
import { CursorPages } from '../shared/cursor-pages';
import { LIST_PAGE, type ListSpec } from '../shared/list-page.component';

const PAGE_SIZE = 20;
const LIST: ListSpec<CohortView> = {
  key: (cohort) => cohort.id,
  texts: {
    caption: 'admin.cohorts.caption',
    loadFailed: 'admin.cohorts.loadFailed',
    empty: 'admin.cohorts.empty',
    pager: 'admin.users.pagination',
  },
  columns: [
    { key: 'admin.cohorts.columns.cohort' },
    { key: 'admin.cohorts.columns.dates' },
    { key: 'admin.cohorts.columns.enrolment' },
    { key: 'admin.cohorts.columns.people' },
  ],
};

/** `/admin/cohorts`: every cohort, latest start first; `?courseId=` keeps those of one course. */
@Component({
  selector: 'aula-admin-cohorts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, RouterLink, MatButtonModule, TranslocoDirective, IconComponent, CohortDatesComponent],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './admin-cohorts.component.html',
  styleUrl: './admin-cohorts.component.scss',
})
export default class AdminCohortsComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly seats = seatsText;
  protected readonly courseId = computed(() => this.params().get('courseId') ?? '');
  protected readonly pages = new CursorPages();
  protected readonly list = LIST;

  /** For the course filter: the first hundred courses are plenty for a programme. */
  protected readonly courses = httpResource<Page<CourseAdminView>>(() => ({
    url: catalogApi.courses.path,
    params: { limit: 100 },
  }));
  protected readonly courseOptions = computed(() =>
    (this.courses.hasValue() ? this.courses.value().items : []).map((course) => ({
      id: course.id,
      title: displayText(course.title, this.language.active(), course.defaultLocale),
    })),
  );
  protected readonly cohorts = httpResource<Page<CohortView>>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    const cursor = this.pages.cursor();
    if (this.courseId()) params['courseId'] = this.courseId();
    if (cursor) params['cursor'] = cursor;
    return { url: enrolmentApi.cohorts.path, params };
  });

  protected filterCourse(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.pages.reset();
    void this.router.navigate([], { relativeTo: this.route, queryParams: { courseId: value || null } });
  }
}
