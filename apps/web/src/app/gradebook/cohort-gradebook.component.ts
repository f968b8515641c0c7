import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CohortGradebook, GradeImportReport, GradeStatus } from '@aula/contracts';
import { gradebookApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { attachmentName, saveFile } from '../shared/download';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { formatNumber, titleIn } from './gradebook-text';
import { GradebookImportComponent } from './gradebook-import.component';
import { CursorPages } from '../shared/cursor-pages';
import { PagerComponent } from '../shared/pager.component';

const PAGE_SIZE = 50;

/**
 * `/gradebook/cohorts/:id`: trainees × graded items for the cohort's tutors and administrators.
 * Unreleased marks are shown apart (the trainee does not see them, totals do not count them);
 * export to a spreadsheet and import scores marked offline.
 */
@Component({
  selector: 'aula-cohort-gradebook',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PagerComponent,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    IconComponent,
    GradebookImportComponent,
  ],
  templateUrl: './cohort-gradebook.component.html',
  styleUrl: './cohort-gradebook.component.scss',
})
export default class CohortGradebookComponent {
  private readonly http = inject(HttpClient);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly cohortId = computed(() => this.params().get('id') ?? '');
  protected readonly pages = new CursorPages();
  protected readonly exporting = signal(false);
  protected readonly isAdmin = computed(() => this.auth.hasRole('admin'));

  protected readonly book = httpResource<CohortGradebook>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    const cursor = this.pages.cursor();
    if (cursor) params['cursor'] = cursor;
    return { url: routeUrl(gradebookApi.cohort, { id: this.cohortId() }), params };
  });
  protected readonly view = computed(() => (this.book.hasValue() ? this.book.value() : null));
  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.book.error())));
  protected readonly items = computed(() =>
    (this.view()?.items ?? []).map((item) => ({
      ...item,
      label: titleIn(item.title, this.language.active()),
    })),
  );
  protected readonly cohortPath = computed(() =>
    this.isAdmin() ? ['/admin/cohorts', this.cohortId()] : ['/tutor/cohorts', this.cohortId()],
  );

  constructor() {
    pageTitleFrom(() => this.view()?.cohortName);
  }

  protected number(value: number | null | undefined): string {
    return formatNumber(value, this.language.tag());
  }

  protected cellLabel(points: number | null, status: GradeStatus | null): string {
    if (!status) return this.transloco.translate('gradebook.table.noGrade');
    const shown = points === null ? '—' : this.number(points);
    return status === 'released'
      ? shown
      : `${shown} (${this.transloco.translate('gradebook.status.' + status)})`;
  }

  protected imported(report: GradeImportReport): void {
    if (report.applied) this.book.reload();
  }

  /** The whole cohort as the API writes it: formula-safe CSV with the titles in the reader's language. */
  protected async export(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    try {
      const response = await firstValueFrom(
        this.http.get(routeUrl(gradebookApi.exportCsv, { id: this.cohortId() }), {
          params: { lang: this.language.active() },
          observe: 'response',
          responseType: 'blob',
        }),
      );
      if (response.body) saveFile(response.body, attachmentName(response, 'gradebook.csv'));
    } catch (error) {
      this.notices.show(
        this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'gradebook.exportFailed'),
        'error',
      );
    } finally {
      this.exporting.set(false);
    }
  }
}
