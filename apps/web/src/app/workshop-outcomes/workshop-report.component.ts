import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { routeUrl, workshopsApi, type WorkshopReportView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { groupByKind } from './workshop-outcomes';

/**
 * `<aula-workshop-report [workshopSlug]>`: the outcomes published with the workshop report —
 * demands, priorities and lessons per region, cooperation offers and requests between regions.
 * For anyone; shows nothing until the report is published (unless `showUnpublished`).
 */
@Component({
  selector: 'aula-workshop-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (notPublished()) {
        @if (showUnpublished()) {
          <p>{{ t('workshopOutcomes.report.notPublished') }}</p>
        }
      } @else {
        <section class="report" aria-labelledby="workshop-report-title">
          <h2 id="workshop-report-title">{{ t('workshopOutcomes.report.title') }}</h2>
          @if (report.isLoading() && !view()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('workshopOutcomes.common.loading')" />
          } @else if (report.error()) {
            <p role="alert">{{ t('workshopOutcomes.common.loadFailed') }}</p>
            <button mat-stroked-button type="button" (click)="report.reload()">{{ t('workshopOutcomes.common.retry') }}</button>
          } @else if (view(); as r) {
            @if (r.outcomes.length === 0) {
              <p>{{ t('workshopOutcomes.report.empty') }}</p>
            }
            @for (group of groups(); track group.kind) {
              <h3>{{ t('workshopOutcomes.outcomes.kindsPlural.' + group.kind) }}</h3>
              <ul class="entries">
                @for (o of group.entries; track o.id) {
                  <li>
                    <p class="head">
                      <span class="topic" dir="auto">{{ o.topic }}</span> ·
                      <span dir="auto">{{ o.region?.displayName ?? t('workshopOutcomes.outcomes.unknownRegion') }}</span>
                      @if (o.kind === 'offer' || o.kind === 'request') {
                        → <span dir="auto">{{ o.toRegion?.displayName ?? t('workshopOutcomes.outcomes.anyRegion') }}</span>
                      }
                    </p>
                    <p class="description" dir="auto">{{ o.description }}</p>
                  </li>
                }
              </ul>
            }
          }
        </section>
      }
    </ng-container>
  `,
  styles: `
    .entries {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .head {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .description {
      margin: 4px 0 0;
      white-space: pre-line;
    }
  `,
})
export class WorkshopReportComponent {
  readonly workshopSlug = input.required<string>();
  /** Say "not published yet" instead of showing nothing (the report's own page). */
  readonly showUnpublished = input(false);

  private readonly language = inject(LanguageService);

  protected readonly report = httpResource<WorkshopReportView>(() => ({
    url: routeUrl(workshopsApi.report, { slug: this.workshopSlug() }),
    params: { locale: this.language.active() },
  }));
  protected readonly view = computed(() => (this.report.hasValue() ? this.report.value() : null));
  protected readonly notPublished = computed(() => statusOf(this.report.error()) === 404);
  protected readonly groups = computed(() => groupByKind(this.view()?.outcomes ?? []));
}
