import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { OwnDatesEntry, OwnGradebook } from '@aula/contracts';
import { gradebookApi, routeUrl, scheduleApi } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { formatNumber, titleIn } from './gradebook-text';

/**
 * `/gradebook/mine/:enrolmentId`: a trainee's own grades — released ones only — with the course
 * total, the pass mark, and their own dates (extensions included), shown in their time zone.
 */
@Component({
  selector: 'aula-my-grades',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoDirective, LocalDateTimePipe],
  template: `
    <div class="page" *transloco="let t">
      <nav class="breadcrumbs" [attr.aria-label]="t('shell.breadcrumbs')">
        <a routerLink="/">{{ t('gradebook.mine.home') }}</a>
        <span aria-hidden="true">›</span>
        <span aria-current="page">{{ t('gradebook.titles.mine') }}</span>
      </nav>
      <div class="progress">
        @if (book.isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
        }
      </div>
      @if (book.error()) {
        <section role="alert">
          <h1>{{ t(notFound() ? 'gradebook.mine.notFound' : 'gradebook.loadFailed') }}</h1>
          @if (!notFound()) {
            <button mat-stroked-button type="button" (click)="book.reload()">{{ t('actions.retry') }}</button>
          }
        </section>
      }
      @if (view(); as view) {
        <h1>
          {{ t('gradebook.titles.mine') }} · <bdi dir="auto">{{ view.cohortName }}</bdi>
        </h1>
        <section class="summary" aria-live="polite">
          <p class="total">
            {{ t('gradebook.mine.total') }}:
            <strong data-testid="my-total">{{
              view.totalPercent === null ? '—' : t('gradebook.percent', { value: number(view.totalPercent) })
            }}</strong>
          </p>
          @if (view.passPercent !== null) {
            <p>
              {{ t('gradebook.passMark', { percent: number(view.passPercent) }) }} —
              @if (view.passed) {
                <span class="pass">{{ t('gradebook.passed') }}</span>
              } @else {
                <span class="fail">{{ t('gradebook.mine.notYet') }}</span>
              }
            </p>
          }
          <p class="hint">{{ t('gradebook.mine.hint') }}</p>
        </section>
        @if (rows().length === 0) {
          <p class="muted">{{ t('gradebook.noItems') }}</p>
        } @else {
          <ul class="items">
            @for (row of rows(); track row.activityId) {
              <li class="item">
                <div class="what">
                  <a
                    [routerLink]="['/learn/activities', row.activityId]"
                    dir="auto"
                    [attr.lang]="row.label.lang"
                    >{{ row.label.text }}</a
                  >
                  <span class="kind">{{ t('gradebook.kinds.' + row.kind) }}</span>
                  @if (row.dates; as d) {
                    <span class="dates">
                      @if (d.opensAt) {
                        <span>{{ t('gradebook.mine.opens', { time: (d.opensAt | localDateTime) }) }}</span>
                      }
                      @if (d.dueAt) {
                        <span>{{ t('gradebook.mine.due', { time: (d.dueAt | localDateTime) }) }}</span>
                      }
                      @if (d.closesAt) {
                        <span>{{ t('gradebook.mine.closes', { time: (d.closesAt | localDateTime) }) }}</span>
                      }
                      @if (d.extended) {
                        <span class="extended">{{ t('gradebook.mine.extended') }}</span>
                      }
                    </span>
                  }
                </div>
                <div class="score">
                  @if (row.cell; as cell) {
                    <strong>{{ number(cell.points) }}</strong> / {{ number(row.maxPoints) }}
                  } @else {
                    <span class="muted">{{ t('gradebook.mine.notReleased') }}</span>
                  }
                </div>
              </li>
            }
          </ul>
        }
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
    h1 {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-medium);
      overflow-wrap: anywhere;
    }
    .summary p {
      margin: 0 0 4px;
    }
    .total {
      font: var(--mat-sys-title-large);
    }
    .hint,
    .muted,
    .kind,
    .dates {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .items {
      margin: 16px 0 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px 16px;
      padding: 12px 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .what {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-inline-size: 0;
    }
    .dates {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .extended {
      color: var(--mat-sys-tertiary);
    }
    .score {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .pass {
      color: var(--mat-sys-primary);
      font-weight: 600;
    }
    .fail {
      color: var(--mat-sys-error);
    }
  `,
})
export default class MyGradesComponent {
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  private readonly language = inject(LanguageService);
  private readonly enrolmentId = computed(() => this.params().get('enrolmentId') ?? '');

  protected readonly book = httpResource<OwnGradebook>(() =>
    routeUrl(gradebookApi.enrolment, { id: this.enrolmentId() }),
  );
  private readonly dates = httpResource<OwnDatesEntry[]>(() =>
    routeUrl(scheduleApi.enrolment, { id: this.enrolmentId() }),
  );
  protected readonly view = computed(() => (this.book.hasValue() ? this.book.value() : null));
  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.book.error())));
  protected readonly rows = computed(() => {
    const view = this.view();
    if (!view) return [];
    const dates = new Map((this.dates.hasValue() ? this.dates.value() : []).map((d) => [d.activityId, d]));
    return view.items.map((item, i) => ({
      ...item,
      label: titleIn(item.title, this.language.active()),
      cell: view.cells[i],
      dates: dates.get(item.activityId) ?? null,
    }));
  });

  protected number(value: number | null | undefined): string {
    return formatNumber(value, this.language.tag());
  }
}
