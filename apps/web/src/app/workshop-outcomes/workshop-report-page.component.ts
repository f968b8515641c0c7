import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { routeUrl, webPages } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { WorkshopReportComponent } from './workshop-report.component';

/** `/workshops/:slug/report`: a workshop's published outcomes, for anyone. */
@Component({
  selector: 'aula-workshop-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslocoDirective, WorkshopReportComponent],
  template: `
    <div class="page" *transloco="let t">
      <a mat-button [routerLink]="workshopLink()">{{ t('workshopOutcomes.report.backToWorkshop') }}</a>
      <h1>{{ t('workshopOutcomes.titles.report') }}</h1>
      <aula-workshop-report [workshopSlug]="slug()" [showUnpublished]="true" />
    </div>
  `,
  styles: `
    .page {
      max-inline-size: 900px;
      margin: 0 auto;
      padding: 24px 16px;
    }
  `,
})
export default class WorkshopReportPageComponent {
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  protected readonly slug = computed(() => this.params().get('slug') ?? '');
  protected readonly workshopLink = computed(() => routeUrl(webPages.workshop, { slug: this.slug() }));
}
