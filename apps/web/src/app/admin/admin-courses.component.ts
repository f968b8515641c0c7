import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router, RouterLink } from '@angular/router';
import type { CourseAdminView, CourseStatus, Page } from '@aula/contracts';
import { catalogApi } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { COURSE_STATUS_LIST } from '../core/catalog/catalog-rules';
import { LanguageService } from '../core/i18n/language.service';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { NewCourseDialogComponent } from './new-course-dialog.component';
import { displayLocale, displayText } from './translations';
import { CursorPages } from '../shared/cursor-pages';
import { LIST_PAGE, chosen, type ListSpec } from '../shared/list-page.component';

const PAGE_SIZE = 20;
const LIST: ListSpec<CourseAdminView> = {
  key: (course) => course.id,
  texts: {
    caption: 'admin.courses.caption',
    loadFailed: 'admin.courses.loadFailed',
    empty: 'admin.courses.empty',
    pager: 'admin.users.pagination',
    search: 'admin.courses.search',
    searchHint: 'admin.courses.searchHint',
  },
  columns: [
    { key: 'admin.courses.columns.course' },
    { key: 'admin.courses.columns.status' },
    { key: 'admin.courses.columns.languages' },
    { key: 'admin.courses.columns.updated' },
  ],
};

/** `/admin/courses`: every course, any status; search, filter, open one or start a new one. */
@Component({
  selector: 'aula-admin-courses',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, RouterLink, MatButtonModule, TranslocoDirective, LocalDateTimePipe, IconComponent],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './admin-courses.component.html',
  styleUrl: './admin-courses.component.scss',
})
export default class AdminCoursesComponent {
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);

  protected readonly statuses = COURSE_STATUS_LIST;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly query = signal('');
  protected readonly status = signal<CourseStatus | ''>('');
  protected readonly pages = new CursorPages();
  /** A search or filter that finds nothing is not an empty catalogue. */
  protected readonly list = computed<ListSpec<CourseAdminView>>(() =>
    this.query() || this.status()
      ? { ...LIST, texts: { ...LIST.texts, empty: 'admin.courses.noResults' } }
      : LIST,
  );

  protected readonly courses = httpResource<Page<CourseAdminView>>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    const cursor = this.pages.cursor();
    if (this.query().trim()) params['q'] = this.query().trim();
    if (this.status()) params['status'] = this.status();
    if (cursor) params['cursor'] = cursor;
    return { url: catalogApi.courses.path, params };
  });

  protected title(course: CourseAdminView): string {
    return displayText(course.title, this.language.active(), course.defaultLocale);
  }

  protected titleLocale(course: CourseAdminView) {
    return displayLocale(course.title, this.language.active(), course.defaultLocale);
  }

  protected filterStatus(event: Event): void {
    this.status.set(chosen(event, this.statuses));
    this.pages.reset();
  }

  protected async newCourse(): Promise<void> {
    const ref = this.dialog.open<NewCourseDialogComponent, void, CourseAdminView>(NewCourseDialogComponent, {
      width: '34rem',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
    const created = await firstValueFrom(ref.afterClosed());
    if (created) await this.router.navigate(['/admin/courses', created.id]);
  }
}
