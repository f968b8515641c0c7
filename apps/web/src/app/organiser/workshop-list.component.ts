import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { routeUrl, WORKSHOP_STATUSES, webPages, type WorkshopStatus, type WorkshopView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { displayLocale, displayText } from '../admin/translations';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { IconComponent } from '../shared/icon.component';
import { OrganiserService } from './organiser.service';

const PAGE_SIZE = 25;

/** `/organiser/workshops`: the workshops the person organises (every one, for administrators). */
@Component({
  selector: 'aula-organiser-workshops',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    EmptyStateComponent,
    IconComponent,
  ],
  template: `
    <div class="page wide" *transloco="let t">
      <div class="title-row">
        <h1>{{ t('organiser.list.title') }}</h1>
        @if (isAdmin()) {
          <a mat-flat-button [routerLink]="newLink">
            <aula-icon name="add" />
            {{ t('organiser.list.new') }}
          </a>
        }
      </div>

      <mat-form-field class="filter">
        <mat-label>{{ t('organiser.list.statusFilter') }}</mat-label>
        <select matNativeControl (change)="filter($event)">
          <option value="" [selected]="!status()">{{ t('organiser.list.allStatuses') }}</option>
          @for (item of statuses; track item) {
            <option [value]="item" [selected]="item === status()">{{ t('organiser.status.' + item) }}</option>
          }
        </select>
      </mat-form-field>

      @if (loading() && !items().length) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
      }
      @if (failureKey(); as key) {
        <p class="error" role="alert">
          {{ t(key) }}
          <button mat-button type="button" (click)="load(true)">{{ t('actions.retry') }}</button>
        </p>
      }

      @if (!loading() && !failureKey() && !items().length) {
        <aula-empty-state icon="event" [title]="t('organiser.list.emptyTitle')" [text]="t('organiser.list.emptyText')" />
      } @else if (items().length) {
        <table class="workshops">
          <thead>
            <tr>
              <th scope="col">{{ t('organiser.list.columns.title') }}</th>
              <th scope="col">{{ t('organiser.list.columns.status') }}</th>
              <th scope="col">{{ t('organiser.list.columns.dates') }}</th>
              <th scope="col">{{ t('organiser.list.columns.seats') }}</th>
              <th scope="col"><span class="cdk-visually-hidden">{{ t('organiser.list.columns.links') }}</span></th>
            </tr>
          </thead>
          <tbody>
            @for (item of rows(); track item.view.id) {
              <tr>
                <th scope="row">
                  <a [routerLink]="item.link" dir="auto" [attr.lang]="item.lang">{{ item.title }}</a>
                  <span class="detail">{{ t('organiser.kind.' + item.view.kind) }} · {{ t('organiser.format.' + item.view.format) }}</span>
                </th>
                <td [attr.data-label]="t('organiser.list.columns.status')">
                  <span class="chip" [attr.data-status]="item.view.status">{{ t('organiser.status.' + item.view.status) }}</span>
                </td>
                <td [attr.data-label]="t('organiser.list.columns.dates')">{{ item.dates }}</td>
                <td [attr.data-label]="t('organiser.list.columns.seats')">
                  @if (item.view.capacity === null) {
                    {{ t('organiser.list.seatsNoLimit', { taken: item.view.seatsTaken }) }}
                  } @else {
                    {{ t('organiser.list.seats', { taken: item.view.seatsTaken, capacity: item.view.capacity }) }}
                  }
                </td>
                <td class="links">
                  <a mat-button [routerLink]="item.registrations">{{ t('organiser.list.registrations') }}</a>
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (nextCursor()) {
          <button mat-stroked-button type="button" class="more" [disabled]="loading()" (click)="load(false)">
            {{ loading() ? t('common.loading') : t('organiser.list.more') }}
          </button>
        }
      }
    </div>
  `,
  styles: `
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    .filter {
      min-inline-size: 14rem;
    }
    .workshops {
      inline-size: 100%;
      border-collapse: collapse;
    }
    .workshops th,
    .workshops td {
      text-align: start;
      padding: 8px 12px 8px 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .detail {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .chip {
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .chip[data-status='cancelled'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .more {
      margin-block-start: 16px;
    }
    @media (max-width: 719.98px) {
      .workshops thead {
        display: none;
      }
      .workshops tr,
      .workshops th,
      .workshops td {
        display: block;
      }
      .workshops td[data-label]::before {
        content: attr(data-label) ': ';
        font-weight: 500;
      }
    }
  `,
})
export default class WorkshopListComponent implements OnInit {
  private readonly organiser = inject(OrganiserService);
  private readonly language = inject(LanguageService);
  private readonly dates = inject(DateTimeService);
  private readonly auth = inject(AuthService);

  protected readonly statuses = WORKSHOP_STATUSES;
  protected readonly newLink = routeUrl(webPages.organiserWorkshop, { id: 'new' });
  protected readonly isAdmin = computed(() => this.auth.hasRole('admin'));
  protected readonly status = signal<WorkshopStatus | ''>('');
  protected readonly items = signal<WorkshopView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly failureKey = signal<string | null>(null);

  protected readonly rows = computed(() => {
    const reader = this.language.active();
    return this.items().map((view) => ({
      view,
      title: displayText(view.title, reader, view.defaultLocale),
      lang: displayLocale(view.title, reader, view.defaultLocale),
      dates: this.dates.formatDayRange(view.startDate, view.endDate),
      link: routeUrl(webPages.organiserWorkshop, { id: view.id }),
      registrations: routeUrl(webPages.organiserRegistrations, { id: view.id }),
    }));
  });

  ngOnInit(): void {
    void this.load(true);
  }

  protected filter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set((WORKSHOP_STATUSES as readonly string[]).includes(value) ? (value as WorkshopStatus) : '');
    void this.load(true);
  }

  protected async load(fresh: boolean): Promise<void> {
    this.loading.set(true);
    this.failureKey.set(null);
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    const status = this.status();
    if (status) params['status'] = status;
    const cursor = fresh ? null : this.nextCursor();
    if (cursor) params['cursor'] = cursor;
    try {
      const page = await this.organiser.workshops(params);
      if (status !== this.status()) return;
      this.items.update((items) => (fresh ? page.items : [...items, ...page.items]));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
    } finally {
      this.loading.set(false);
    }
  }
}
