import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { EnrolmentStatus, Page, RosterEntry } from '@aula/contracts';
import { enrolmentApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { ENROLMENT_STATUS_LIST } from '../core/catalog/catalog-rules';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { attachmentName, saveFile } from './download';
import { EnrolmentStatusComponent } from './enrolment-status.component';
import { FORM_FIELD_DEFAULTS } from './form-field-defaults';
import { IconComponent } from './icon.component';
import { NoticeService } from './notice.service';
import { ProgressMeterComponent } from './progress-meter.component';
import { CursorPages } from './cursor-pages';
import { LIST_PAGE, chosen, type ListSpec } from './list-page.component';

const PAGE_SIZE = 25;
const LIST: ListSpec<RosterEntry> = {
  key: (entry) => entry.id,
  texts: {
    caption: 'roster.caption',
    loadFailed: 'roster.loadFailed',
    empty: 'roster.empty',
    pageStatus: 'roster.pageStatus',
    pager: 'admin.users.pagination',
    search: 'roster.search',
  },
  columns: [
    { key: 'roster.columns.person' },
    { key: 'roster.columns.status' },
    { key: 'roster.columns.progress' },
    { key: 'roster.columns.enrolled' },
    { key: 'roster.columns.lastActivity' },
  ],
};
const ACTIONS_COLUMN = { key: 'roster.columns.actions', hidden: true };

export type RosterAction = 'approve' | 'reject' | 'withdraw';

export interface RosterActionRequest {
  entry: RosterEntry;
  action: RosterAction;
}

/** What an administrator may do with an enrolment in each status. */
const ACTIONS: Record<EnrolmentStatus, RosterAction[]> = {
  pending: ['approve', 'reject'],
  waitlisted: ['reject'],
  active: ['withdraw'],
  completed: [],
  withdrawn: [],
};

/**
 * The people of a cohort with their progress: filter by status, search by name or email, export
 * as CSV. Read-only for tutors; with `manage`, each row offers what an administrator may do, and
 * the screen around it carries it out (dialogs and their code stay out of the tutor's chunk).
 */
@Component({
  selector: 'aula-cohort-roster',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LIST_PAGE,
    MatButtonModule,
    TranslocoDirective,
    LocalDateTimePipe,
    IconComponent,
    EnrolmentStatusComponent,
    ProgressMeterComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './cohort-roster.component.html',
  styleUrl: './cohort-roster.component.scss',
})
export class CohortRosterComponent {
  private readonly http = inject(HttpClient);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  readonly cohortId = input.required<string>();
  readonly manage = input(false);
  /** The row whose action is under way. */
  readonly busyId = input<string | null>(null);
  readonly act = output<RosterActionRequest>();

  protected readonly statuses = ENROLMENT_STATUS_LIST;
  protected readonly query = signal('');
  protected readonly status = signal<EnrolmentStatus | ''>('');
  protected readonly pages = new CursorPages();
  protected readonly exporting = signal(false);
  /** Actions only for those who manage; a search or filter that finds nobody is not an empty cohort. */
  protected readonly list = computed<ListSpec<RosterEntry>>(() => ({
    ...LIST,
    columns: this.manage() ? [...LIST.columns, ACTIONS_COLUMN] : LIST.columns,
    texts: this.query() || this.status() ? { ...LIST.texts, empty: 'roster.noResults' } : LIST.texts,
  }));

  protected readonly roster = httpResource<Page<RosterEntry>>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    const cursor = this.pages.cursor();
    if (this.query().trim()) params['q'] = this.query().trim();
    if (this.status()) params['status'] = this.status();
    if (cursor) params['cursor'] = cursor;
    return { url: routeUrl(enrolmentApi.roster, { id: this.cohortId() }), params };
  });
  /** After a change made elsewhere on the screen (someone added, a file imported). */
  reload(): void {
    this.roster.reload();
  }

  protected actionsFor(entry: RosterEntry): RosterAction[] {
    return this.manage() ? ACTIONS[entry.status] : [];
  }

  protected filterStatus(event: Event): void {
    this.status.set(chosen(event, this.statuses));
    this.pages.reset();
  }

  /** The whole roster (with the current filter) as the API writes it: formula-safe CSV. */
  protected async export(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    try {
      const params: Record<string, string> = {};
      if (this.query().trim()) params['q'] = this.query().trim();
      if (this.status()) params['status'] = this.status();
      const response = await firstValueFrom(
        this.http.get(routeUrl(enrolmentApi.rosterCsv, { id: this.cohortId() }), {
          params,
          observe: 'response',
          responseType: 'blob',
        }),
      );
      if (response.body) saveFile(response.body, attachmentName(response, 'roster.csv'));
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'roster.exportFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.exporting.set(false);
    }
  }
}
