import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { LearnerDashboard } from '@aula/contracts';
import { learningApi } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { MyCertificatesComponent } from '../certification/my-certificates.component';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { DateTimeService } from '../core/time/date-time.service';
import { CohortDatesComponent } from '../shared/cohort-dates.component';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { EnrolmentStatusComponent } from '../shared/enrolment-status.component';
import { HomeHeaderComponent } from '../shared/home-header.component';
import { IconComponent } from '../shared/icon.component';
import { ProgressMeterComponent } from '../shared/progress-meter.component';

type Upcoming = LearnerDashboard['upcoming'][number];

/** The day after `date` (`YYYY-MM-DD`): a cohort's last day ends when the next one begins. */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** `/learn`: a trainee's cohorts with their progress and what to do next, and the dates ahead. */
@Component({
  selector: 'aula-learner-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    TranslocoDirective,
    HomeHeaderComponent,
    EmptyStateComponent,
    EnrolmentStatusComponent,
    ProgressMeterComponent,
    CohortDatesComponent,
    IconComponent,
    MyCertificatesComponent,
  ],
  templateUrl: './learner-home.component.html',
  styleUrl: './learner-home.component.scss',
})
export default class LearnerHomeComponent {
  private readonly dateTime = inject(DateTimeService);

  protected readonly tags = LANGUAGE_TAGS;
  protected readonly dashboard = httpResource<LearnerDashboard>(() => learningApi.dashboard.path);
  protected readonly cohorts = computed(() =>
    this.dashboard.hasValue() ? this.dashboard.value().cohorts : [],
  );
  protected readonly upcoming = computed(() => {
    const items = this.dashboard.hasValue() ? this.dashboard.value().upcoming : [];
    return items.map((item) => ({ ...item, ...this.when(item) }));
  });

  /** The day as the cohort counts it and, when the viewer's clock differs, the moment for them. */
  private when(item: Upcoming): { day: string; forYou: string | null; iso: string } {
    const boundary = item.kind === 'cohort-start' ? item.date : nextDay(item.date);
    const instant = this.dateTime.dayStartForViewer(boundary, item.timeZone);
    return {
      day: this.dateTime.formatDay(item.date, 'longDate'),
      forYou: instant ? this.dateTime.format(instant, 'dateTime') : null,
      iso: item.date,
    };
  }
}
