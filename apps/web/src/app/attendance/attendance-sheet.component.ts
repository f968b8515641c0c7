import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { routeUrl, webPages, workshopsApi, type WorkshopAttendanceSheet } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { BarChartComponent } from '../network/bar-chart.component';
import type { ChartRow } from '../network/bar-chart';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { AttendanceService } from './attendance.service';
import { sessionTitle } from './session-label';

/**
 * `/organiser/workshops/:id/attendance`: the attendance sheet. Each participant's share of the
 * session hours against the workshop's threshold (what participation certificates go by), each
 * session's count as a chart, and the badges of everyone to print.
 */
@Component({
  selector: 'aula-attendance-sheet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoDirective, BarChartComponent, IconComponent],
  templateUrl: './attendance-sheet.component.html',
  styleUrl: './attendance-sheet.component.scss',
})
export default class AttendanceSheetComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(AttendanceService);
  protected readonly language = inject(LanguageService);
  private readonly dateTime = inject(DateTimeService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly workshopId = computed(() => this.params().get('id') ?? '');
  protected readonly sheet = httpResource<WorkshopAttendanceSheet>(() => routeUrl(workshopsApi.attendanceSheet, { id: this.workshopId() }));
  protected readonly view = computed(() => (this.sheet.hasValue() ? this.sheet.value() : null));
  protected readonly notFound = computed(() => statusOf(this.sheet.error()) === 404);
  protected readonly checkInLink = computed(() => routeUrl(webPages.organiserCheckIn, { id: this.workshopId() }));
  protected readonly downloading = signal(false);

  private readonly percent = computed(() => new Intl.NumberFormat(this.language.tag(), { style: 'percent', maximumFractionDigits: 0 }));
  private readonly hours = computed(() => new Intl.NumberFormat(this.language.tag(), { maximumFractionDigits: 1 }));

  /** Participants' rates as a chart, in percent. */
  protected readonly rateRows = computed<ChartRow[]>(() =>
    (this.view()?.participants ?? []).map((p) => ({ key: p.registrationId, label: p.displayName, value: Math.round(p.rate * 100) })),
  );
  /** Who came to each session. */
  protected readonly sessionRows = computed<ChartRow[]>(() =>
    (this.view()?.sessions ?? []).map((s) => ({
      key: s.id,
      label: `${sessionTitle(s.title, this.language.active())} · ${this.dateTime.format(s.startsAt, 'dateTime')}`,
      value: s.present,
    })),
  );
  protected readonly meeting = computed(() => (this.view()?.participants ?? []).filter((p) => p.meetsThreshold).length);

  protected rate(value: number): string {
    return this.percent().format(value);
  }

  protected hoursOf(value: number): string {
    return this.hours().format(value);
  }

  protected rollLink(sessionId: string): string {
    return routeUrl(webPages.organiserRollList, { id: this.workshopId(), sessionId });
  }

  protected sessionName(title: WorkshopAttendanceSheet['sessions'][number]['title']): string {
    return sessionTitle(title, this.language.active());
  }

  protected async downloadBadges(): Promise<void> {
    this.downloading.set(true);
    try {
      await this.api.downloadBadges(this.workshopId(), this.language.active(), 'badges.pdf');
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'attendance.sheet.badgesFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.downloading.set(false);
    }
  }
}
