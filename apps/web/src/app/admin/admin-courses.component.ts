import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
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
import { PagerComponent } from '../shared/pager.component';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 350;

/** `/admin/courses`: every course, any status; search, filter, open one or start a new one. */
@Component({
  selector: 'aula-admin-courses',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PagerComponent,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    LocalDateTimePipe,
    IconComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './admin-courses.component.html',
  styleUrl: './admin-courses.component.scss',
})
export default class AdminCoursesComponent {
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly statuses = COURSE_STATUS_LIST;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly query = signal('');
  protected readonly status = signal<CourseStatus | ''>('');
  protected readonly pages = new CursorPages();

  protected readonly courses = httpResource<Page<CourseAdminView>>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    const cursor = this.pages.cursor();
    if (this.query().trim()) params['q'] = this.query().trim();
    if (this.status()) params['status'] = this.status();
    if (cursor) params['cursor'] = cursor;
    return { url: catalogApi.courses.path, params };
  });
  protected readonly items = computed(() => (this.courses.hasValue() ? this.courses.value().items : []));
  protected readonly nextCursor = computed(() =>
    this.courses.hasValue() ? this.courses.value().nextCursor : null,
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected title(course: CourseAdminView): string {
    return displayText(course.title, this.language.active(), course.defaultLocale);
  }

  protected titleLocale(course: CourseAdminView) {
    return displayLocale(course.title, this.language.active(), course.defaultLocale);
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search(value), SEARCH_DELAY_MS);
  }

  protected search(value: string): void {
    clearTimeout(this.searchTimer);
    if (value.trim() === this.query().trim()) return;
    this.query.set(value);
    this.pages.reset();
  }

  protected filterStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set((this.statuses as readonly string[]).includes(value) ? (value as CourseStatus) : '');
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
