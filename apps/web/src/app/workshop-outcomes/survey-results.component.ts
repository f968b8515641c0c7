import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { routeUrl, workshopsApi, type WorkshopRatingResult, type WorkshopSurveyResults, type WorkshopTextResult } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { BarChartComponent } from '../network/bar-chart.component';
import type { ChartRow } from '../network/bar-chart';
import { inLanguage, organiserWorkshop } from './organiser-workshop';
import { ratingRows } from './workshop-outcomes';
import { SurveyQuestionsComponent } from './survey-questions.component';

interface RatingBlock {
  result: WorkshopRatingResult;
  prompt: string;
  rows: ChartRow[];
  mean: string;
}

/** `/organiser/workshops/:id/survey-results`: per rating question a chart of answers 1–5 and the mean; free-text answers listed. */
@Component({
  selector: 'aula-survey-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoDirective, BarChartComponent, SurveyQuestionsComponent],
  template: `
    <div class="page" *transloco="let t">
      <a mat-button [routerLink]="page.backLink()">{{ t('workshopOutcomes.organiser.back') }}</a>
      <h1>{{ t('workshopOutcomes.titles.surveyResults') }}</h1>
      @if (page.title()) {
        <p class="subtitle" dir="auto">{{ page.title() }}</p>
      }
      @if (page.notFound()) {
        <p role="alert">{{ t('workshopOutcomes.organiser.notFound') }}</p>
      } @else if (results.isLoading() && !view()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('workshopOutcomes.common.loading')" />
      } @else if (results.error()) {
        <p role="alert">{{ t('workshopOutcomes.common.loadFailed') }}</p>
        <button mat-stroked-button type="button" (click)="results.reload()">{{ t('workshopOutcomes.common.retry') }}</button>
      } @else if (view(); as r) {
        <p class="summary" role="status">{{ t('workshopOutcomes.results.responses', { count: r.responses, anonymous: r.anonymous }) }}</p>
        @if (r.responses === 0) {
          <p>{{ t('workshopOutcomes.results.none') }}</p>
        } @else {
          <table class="table summary-table">
            <caption class="cdk-visually-hidden">{{ t('workshopOutcomes.results.tableCaption') }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ t('workshopOutcomes.results.question') }}</th>
                <th scope="col">{{ t('workshopOutcomes.results.answers') }}</th>
                <th scope="col">{{ t('workshopOutcomes.results.mean') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (b of ratings(); track b.result.questionId) {
                <tr>
                  <th scope="row" dir="auto">{{ b.prompt }}</th>
                  <td>{{ b.result.count }}</td>
                  <td>{{ b.mean }}</td>
                </tr>
              }
            </tbody>
          </table>
          <div class="charts">
            @for (b of ratings(); track b.result.questionId) {
              <aula-bar-chart
                [caption]="b.prompt"
                [rows]="b.rows"
                [labelHeader]="t('workshopOutcomes.results.rating')"
                [valueHeader]="t('workshopOutcomes.results.answers')"
                [locale]="tag()"
                [sort]="false"
              />
            }
          </div>
          @for (q of texts(); track q.result.questionId) {
            <section>
              <h2 dir="auto">{{ q.prompt }}</h2>
              @if (q.result.answers.length === 0) {
                <p>{{ t('workshopOutcomes.results.noText') }}</p>
              } @else {
                <ul>
                  @for (a of q.result.answers; track $index) {
                    <li dir="auto" class="answer">{{ a }}</li>
                  }
                </ul>
              }
            </section>
          }
        }
      }
      @if (page.view()) {
        <aula-survey-questions [workshopId]="page.id()" (saved)="results.reload()" />
      }
    </div>
  `,
  styleUrl: './organiser-screens.scss',
  styles: `
    .summary-table {
      margin-block: 16px 24px;
    }
    .answer {
      white-space: pre-line;
      margin-block-end: 8px;
    }
  `,
})
export default class SurveyResultsComponent {
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);

  protected readonly page = organiserWorkshop();
  protected readonly tag = this.language.tag;

  protected readonly results = httpResource<WorkshopSurveyResults>(() =>
    this.page.id() ? routeUrl(workshopsApi.surveyResults, { id: this.page.id() }) : undefined,
  );
  protected readonly view = computed(() => (this.results.hasValue() ? this.results.value() : null));

  private prompt(text: WorkshopRatingResult['prompt']): string {
    return inLanguage(text, this.language.active(), this.page.view()?.defaultLocale ?? 'en');
  }

  protected readonly ratings = computed((): RatingBlock[] => {
    this.transloco.activeLang();
    const numbers = new Intl.NumberFormat(this.language.tag(), { maximumFractionDigits: 2 });
    return (this.view()?.questions ?? [])
      .filter((q): q is WorkshopRatingResult => q.kind === 'rating')
      .map((result) => ({
        result,
        prompt: this.prompt(result.prompt),
        rows: ratingRows(result, (rating) => this.transloco.translate('workshopOutcomes.results.ratingLabel', { rating })),
        mean: result.mean === null ? '—' : numbers.format(result.mean),
      }));
  });

  protected readonly texts = computed(() =>
    (this.view()?.questions ?? [])
      .filter((q): q is WorkshopTextResult => q.kind === 'text')
      .map((result) => ({ result, prompt: this.prompt(result.prompt) })),
  );
}
