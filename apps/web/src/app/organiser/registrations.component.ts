import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  routeUrl,
  webPages,
  WORKSHOP_REGISTRATION_STATUSES,
  type WorkshopRegistrationRow,
  type WorkshopRegistrationStatus,
  type WorkshopView,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, map } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { DateTimeService } from '../core/time/date-time.service';
import { displayLocale, displayText } from '../admin/translations';
import { BarChartComponent } from '../network/bar-chart.component';
import { attachmentName, saveFile } from '../shared/download';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { OrganiserService } from './organiser.service';
import { ReasonDialogComponent, type ReasonDialogData } from './reason-dialog.component';
import {
  APPROVABLE,
  applicable,
  countsByCountry,
  countsByStatus,
  DECLINABLE,
  isRegistrationStatus,
  isSort,
  REGISTRATION_SORTS,
  visibleRows,
  waitingList,
  type RegistrationSort,
} from './registrations-table';

/**
 * `/organiser/workshops/:id/registrations`: everyone who registered, in arrival order (the order
 * seats and the waiting list follow, shown as numbers so it can be explained), filtered and
 * sorted from the address; approving or declining many at once; the waiting list; the counts
 * as charts; the CSV.
 */
@Component({
  selector: 'aula-workshop-registrations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    BarChartComponent,
    EmptyStateComponent,
    IconComponent,
  ],
  templateUrl: './registrations.component.html',
  styleUrl: './registrations.component.scss',
})
export default class RegistrationsComponent implements OnInit {
  private readonly organiser = inject(OrganiserService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  protected readonly dates = inject(DateTimeService);

  protected readonly statuses = WORKSHOP_REGISTRATION_STATUSES;
  protected readonly sorts = REGISTRATION_SORTS;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly tag = this.language.tag;
  private readonly id = this.route.snapshot.paramMap.get('id') ?? '';
  protected readonly editorLink = routeUrl(webPages.organiserWorkshop, { id: this.id });

  protected readonly workshop = signal<WorkshopView | null>(null);
  protected readonly rows = signal<WorkshopRegistrationRow[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadedCount = signal(0);
  protected readonly loadFailedKey = signal<string | null>(null);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly working = signal<{ done: number; total: number } | null>(null);
  protected readonly exporting = signal(false);
  protected readonly report = signal<string | null>(null);

  private readonly query = toSignal(this.route.queryParamMap.pipe(map((q) => ({ status: q.get('status'), sort: q.get('sort') }))), {
    initialValue: { status: null, sort: null },
  });
  protected readonly status = computed<WorkshopRegistrationStatus | ''>(() => {
    const status = this.query().status;
    return isRegistrationStatus(status) ? status : '';
  });
  protected readonly sort = computed<RegistrationSort>(() => {
    const sort = this.query().sort;
    return isSort(sort) ? sort : 'arrival';
  });

  protected readonly heading = computed(() => {
    const w = this.workshop();
    return w ? displayText(w.title, this.language.active(), w.defaultLocale) : '';
  });
  protected readonly headingLang = computed(() => {
    const w = this.workshop();
    return w ? displayLocale(w.title, this.language.active(), w.defaultLocale) : this.language.active();
  });
  protected readonly visible = computed(() => visibleRows(this.rows(), this.status(), this.sort(), this.language.tag()));
  protected readonly waiting = computed(() => waitingList(this.rows()));
  private readonly regionNames = computed(() => {
    try {
      return new Intl.DisplayNames([this.language.tag()], { type: 'region' });
    } catch {
      return null;
    }
  });
  protected readonly byStatus = computed(() =>
    countsByStatus(this.rows(), (s) => this.transloco.translate(`organiser.registrationStatus.${s}`)),
  );
  protected readonly byCountry = computed(() =>
    countsByCountry(this.rows(), (c) => (c ? this.countryName(c) : this.transloco.translate('organiser.registrations.noCountry'))),
  );
  protected readonly allVisibleSelected = computed(() => {
    const visible = this.visible();
    const selected = this.selected();
    return visible.length > 0 && visible.every((row) => selected.has(row.id));
  });
  protected readonly someVisibleSelected = computed(() => this.visible().some((row) => this.selected().has(row.id)));
  protected readonly approvable = computed(() => applicable(this.rows(), this.selected(), APPROVABLE));
  protected readonly declinable = computed(() => applicable(this.rows(), this.selected(), DECLINABLE));

  ngOnInit(): void {
    void this.load();
  }

  protected countryName(code: string): string {
    return this.regionNames()?.of(code) ?? code;
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadFailedKey.set(null);
    this.loadedCount.set(0);
    try {
      const [w, rows] = await Promise.all([
        this.organiser.workshop(this.id),
        this.organiser.allRegistrations(this.id, (count) => this.loadedCount.set(count)),
      ]);
      this.workshop.set(w);
      this.rows.set(rows);
      // Keep only selections that still exist.
      const ids = new Set(rows.map((r) => r.id));
      this.selected.update((selected) => new Set([...selected].filter((id) => ids.has(id))));
    } catch (error) {
      const status = statusOf(error);
      this.loadFailedKey.set(status === 404 ? 'organiser.editor.notFound' : status === 0 ? 'errors.offline' : 'errors.unexpected');
    } finally {
      this.loading.set(false);
    }
  }

  protected setFilter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { queryParams: { status: value || null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected setSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], {
      queryParams: { sort: value === 'arrival' ? null : value },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected toggle(id: string, on: boolean): void {
    this.selected.update((selected) => {
      const next = new Set(selected);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected toggleAll(on: boolean): void {
    const visible = this.visible().map((row) => row.id);
    this.selected.update((selected) => {
      const next = new Set(selected);
      for (const id of visible) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
  }

  protected async approveSelected(): Promise<void> {
    const { rows, skipped } = this.approvable();
    if (!rows.length) return;
    await this.runBulk(rows, (row) => this.organiser.approve(row.id), 'organiser.registrations.approvedReport', skipped);
  }

  protected async declineSelected(): Promise<void> {
    const { rows, skipped } = this.declinable();
    if (!rows.length) return;
    const reason = await firstValueFrom(
      this.dialog
        .open<ReasonDialogComponent, ReasonDialogData, string>(ReasonDialogComponent, {
          data: {
            titleKey: 'organiser.registrations.declineTitle',
            messageKey: 'organiser.registrations.declineMessage',
            confirmKey: 'organiser.registrations.decline',
            count: rows.length,
          },
        })
        .afterClosed(),
    );
    if (!reason) return;
    await this.runBulk(rows, (row) => this.organiser.decline(row.id, reason), 'organiser.registrations.declinedReport', skipped);
  }

  /** One request after another (each locks the workshop), with progress; a failure does not stop the rest. */
  private async runBulk(
    rows: WorkshopRegistrationRow[],
    action: (row: WorkshopRegistrationRow) => Promise<unknown>,
    reportKey: string,
    skipped: number,
  ): Promise<void> {
    if (this.working()) return;
    this.report.set(null);
    let done = 0;
    let failed = 0;
    this.working.set({ done: 0, total: rows.length });
    for (const row of rows) {
      try {
        await action(row);
      } catch {
        failed++;
      }
      done++;
      this.working.set({ done, total: rows.length });
    }
    this.working.set(null);
    const text = this.transloco.translate(reportKey, { count: done - failed, failed, skipped });
    this.report.set(text);
    this.notices.show(text, failed ? 'error' : 'info');
    this.clearSelection();
    await this.load();
  }

  protected async exportCsv(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    try {
      const response = await this.organiser.exportRegistrations(this.id, this.status() || undefined);
      if (response.body) saveFile(response.body, attachmentName(response, 'registrations.csv'));
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    } finally {
      this.exporting.set(false);
    }
  }
}
