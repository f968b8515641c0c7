import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type CohortMarkingSummary,
  MARKING_QUEUE_STATES,
  markingApi,
  type MarkingAssignmentSummary,
  type MarkingQueueEntry,
  type MarkingQueueState,
  type Page,
  routeUrl,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { NoticeService } from '../shared/notice.service';
import { MarkingService } from './marking.service';
import { ParticipantComponent } from './participant.component';
import { CursorPages } from '../shared/cursor-pages';
import { LIST_PAGE, type ListSpec } from '../shared/list-page.component';

const PAGE_SIZE = 25;
const LIST: ListSpec<MarkingQueueEntry> = {
  key: (entry) => entry.activityId + entry.participant.enrolmentId,
  texts: {
    caption: 'marking.queueTitle',
    loadFailed: 'marking.loadFailed',
    empty: 'marking.queueEmpty',
    pager: 'marking.pages',
  },
  columns: [
    { key: 'marking.columns.participant' },
    { key: 'marking.columns.assignment' },
    { key: 'marking.columns.submitted' },
    { key: 'marking.columns.grade' },
    { key: 'marking.columns.actions', hidden: true },
  ],
};

/**
 * `/tutor/cohorts/:id/marking` (and `/admin/...`): a cohort's assignments with their counts, and
 * the grading queue — work waiting for a mark first, oldest first — filtered by assignment and
 * state. Ready grades of an assignment are released together, after a confirmation.
 */
@Component({
  selector: 'aula-marking-queue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LIST_PAGE,
    RouterLink,
    MatButtonModule,
    TranslocoDirective,
    LocalDateTimePipe,
    ParticipantComponent,
  ],
  templateUrl: './marking-queue.component.html',
  styleUrl: './marking-queue.component.scss',
})
export default class MarkingQueueComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly marking = inject(MarkingService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly cohortId = computed(() => this.params().get('id') ?? '');
  /** `/tutor` or `/admin`: the same screens serve both areas. */
  protected readonly area = this.router.url.startsWith('/admin') ? '/admin' : '/tutor';
  protected readonly states = MARKING_QUEUE_STATES;

  protected readonly activityFilter = computed(() => this.query().get('assignment') ?? '');
  protected readonly stateFilter = computed(() => {
    const state = this.query().get('state') ?? '';
    return (MARKING_QUEUE_STATES as readonly string[]).includes(state) ? (state as MarkingQueueState) : '';
  });
  protected readonly pages = new CursorPages();
  protected readonly list = LIST;

  protected readonly summary = httpResource<CohortMarkingSummary>(() =>
    routeUrl(markingApi.cohort, { id: this.cohortId() }),
  );
  protected readonly queue = httpResource<Page<MarkingQueueEntry>>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    const cursor = this.pages.cursor();
    if (cursor) params['cursor'] = cursor;
    if (this.activityFilter()) params['activityId'] = this.activityFilter();
    if (this.stateFilter()) params['state'] = this.stateFilter();
    return { url: routeUrl(markingApi.queue, { id: this.cohortId() }), params };
  });

  protected readonly view = computed(() => (this.summary.hasValue() ? this.summary.value() : null));
  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.summary.error())));
  protected readonly titles = computed(
    () => new Map((this.view()?.assignments ?? []).map((a) => [a.activityId, a.title] as const)),
  );
  protected readonly releasing = signal<string | null>(null);

  constructor() {
    pageTitleFrom(() => {
      const name = this.view()?.cohort.name;
      return name ? `${this.transloco.translate('marking.titles.queue')} · ${name}` : null;
    });
  }

  protected workLink(entry: MarkingQueueEntry): string[] {
    return [
      this.area,
      'cohorts',
      this.cohortId(),
      'marking',
      entry.activityId,
      entry.participant.enrolmentId,
    ];
  }

  protected filter(name: 'assignment' | 'state', event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.pages.reset();
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** Releases every `ready` grade of the assignment in this cohort, once confirmed. */
  protected async releaseReady(assignment: MarkingAssignmentSummary): Promise<void> {
    if (this.releasing()) return;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
          data: {
            titleKey: 'marking.bulk.confirmTitle',
            messageKey: 'marking.bulk.confirmText',
            confirmKey: 'marking.bulk.confirm',
            name: assignment.title,
          },
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    this.releasing.set(assignment.activityId);
    try {
      const result = await this.marking.bulkRelease(this.cohortId(), assignment.activityId);
      this.notices.show(this.transloco.translate('marking.bulk.done', { count: result.released }));
      this.summary.reload();
      this.queue.reload();
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'marking.bulk.failed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.releasing.set(null);
    }
  }
}
