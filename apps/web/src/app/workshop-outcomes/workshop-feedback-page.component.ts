import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { routeUrl, webPages } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { WorkshopMaterialsComponent } from './workshop-materials.component';
import { WorkshopSurveyComponent } from './workshop-survey.component';

/**
 * `/workshops/:slug/feedback`: a participant's materials and feedback survey on a page of their
 * own (what a mail after the workshop links to). Readers who are not participants see a note.
 */
@Component({
  selector: 'aula-workshop-feedback-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslocoDirective, WorkshopMaterialsComponent, WorkshopSurveyComponent],
  template: `
    <div class="page" *transloco="let t">
      <a mat-button [routerLink]="workshopLink()">{{ t('workshopOutcomes.report.backToWorkshop') }}</a>
      <h1>{{ t('workshopOutcomes.titles.feedback') }}</h1>
      <p class="note">{{ t('workshopOutcomes.feedback.note') }}</p>
      <aula-workshop-survey [workshopSlug]="slug()" />
      <aula-workshop-materials [workshopSlug]="slug()" />
    </div>
  `,
  styles: `
    .page {
      max-inline-size: 900px;
      margin: 0 auto;
      padding: 24px 16px;
      display: grid;
      gap: 24px;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
  `,
})
export default class WorkshopFeedbackPageComponent {
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  protected readonly slug = computed(() => this.params().get('slug') ?? '');
  protected readonly workshopLink = computed(() => routeUrl(webPages.workshop, { slug: this.slug() }));
}
