import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { routeUrl, workshopsApi, WORKSHOP_OUTCOME_LIMITS, type WorkshopSurveyAnswer, type WorkshopSurveyPublicView } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { NoticeService } from '../shared/notice.service';
import { missingRequired, RATINGS, surveyAnswers, type SurveyFormValue } from './workshop-outcomes';
import { WorkshopOutcomesService } from './workshop-outcomes.service';

/**
 * `<aula-workshop-survey [workshopSlug]>`: the feedback survey for a confirmed participant once
 * the workshop is held — ratings 1–5 and free text, optionally anonymous, answered once. Shows
 * nothing for readers who are not participants.
 */
@Component({
  selector: 'aula-workshop-survey',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      @if (!hidden()) {
        <section class="survey" aria-labelledby="workshop-survey-title">
          <h2 id="workshop-survey-title">{{ t('workshopOutcomes.survey.title') }}</h2>
          @if (survey.isLoading() && !view()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('workshopOutcomes.common.loading')" />
          } @else if (survey.error()) {
            <p role="alert">{{ t('workshopOutcomes.common.loadFailed') }}</p>
            <button mat-stroked-button type="button" (click)="survey.reload()">{{ t('workshopOutcomes.common.retry') }}</button>
          } @else if (view(); as s) {
            @if (s.answered) {
              <p class="done" role="status">{{ t(s.myResponse ? 'workshopOutcomes.survey.thanks' : 'workshopOutcomes.survey.thanksAnonymous') }}</p>
            } @else if (!s.open) {
              <p>{{ t('workshopOutcomes.survey.notOpen') }}</p>
            } @else if (!s.canAnswer) {
              <p>{{ t('workshopOutcomes.survey.organiserNote') }}</p>
            } @else {
              <form (ngSubmit)="submit(s)" novalidate>
                <p class="intro">{{ t('workshopOutcomes.survey.intro') }}</p>
                @for (q of s.questions; track q.id) {
                  <fieldset [attr.aria-invalid]="!!errors()[q.id]" [attr.aria-describedby]="errors()[q.id] ? 'err-' + q.id : null">
                    <legend dir="auto">
                      {{ q.prompt }}
                      @if (q.required) {
                        <span class="required">({{ t('workshopOutcomes.survey.required') }})</span>
                      }
                    </legend>
                    @if (q.kind === 'rating') {
                      <mat-radio-group [name]="q.id" [ngModel]="value()[q.id]" (ngModelChange)="set(q.id, $event)" class="ratings">
                        @for (r of ratings; track r) {
                          <mat-radio-button [value]="r">{{ r }} <span class="cdk-visually-hidden">{{ t('workshopOutcomes.survey.ratingOf', { rating: r, max: 5 }) }}</span></mat-radio-button>
                        }
                      </mat-radio-group>
                      <p class="scale">{{ t('workshopOutcomes.survey.scale') }}</p>
                    } @else {
                      <mat-form-field appearance="outline" class="full">
                        <mat-label>{{ t('workshopOutcomes.survey.yourAnswer') }}</mat-label>
                        <textarea matInput rows="3" [name]="q.id" [maxlength]="maxText" [ngModel]="value()[q.id] ?? ''" (ngModelChange)="set(q.id, $event)" dir="auto"></textarea>
                      </mat-form-field>
                    }
                    @if (errors()[q.id]; as message) {
                      <p class="error" [id]="'err-' + q.id" role="alert">{{ message }}</p>
                    }
                  </fieldset>
                }
                <mat-checkbox name="anonymous" [ngModel]="anonymous()" (ngModelChange)="anonymous.set($event)">{{ t('workshopOutcomes.survey.anonymous') }}</mat-checkbox>
                <p class="hint">{{ t('workshopOutcomes.survey.anonymousHint') }}</p>
                <button mat-flat-button type="submit" [disabled]="sending()">{{ sending() ? t('workshopOutcomes.survey.sending') : t('workshopOutcomes.survey.send') }}</button>
              </form>
            }
          }
        </section>
      }
    </ng-container>
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 16px;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-block-end: 4px;
    }
    .required,
    .scale,
    .hint,
    .intro {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .ratings {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .full {
      inline-size: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 4px 0 0;
    }
    .done {
      font: var(--mat-sys-body-large);
    }
  `,
})
export class WorkshopSurveyComponent {
  readonly workshopSlug = input.required<string>();

  private readonly api = inject(WorkshopOutcomesService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  protected readonly ratings = RATINGS;
  protected readonly maxText = WORKSHOP_OUTCOME_LIMITS.textAnswer;

  protected readonly survey = httpResource<WorkshopSurveyPublicView>(() => ({
    url: routeUrl(workshopsApi.survey, { slug: this.workshopSlug() }),
    params: { locale: this.language.active() },
  }));
  protected readonly view = computed(() => (this.survey.hasValue() ? this.survey.value() : null));
  protected readonly hidden = computed(() => [401, 404].includes(statusOf(this.survey.error())));

  protected readonly value = signal<SurveyFormValue>({});
  protected readonly anonymous = signal(false);
  protected readonly sending = signal(false);
  /** Messages per question id. */
  protected readonly errors = signal<Record<string, string>>({});

  protected set(questionId: string, value: number | string | null): void {
    this.value.update((v) => ({ ...v, [questionId]: value }));
    this.errors.update(({ [questionId]: _gone, ...rest }) => rest);
  }

  protected async submit(s: WorkshopSurveyPublicView): Promise<void> {
    const missing = missingRequired(s.questions, this.value());
    if (missing.length) {
      const required = this.transloco.translate('validation.required');
      this.errors.set(Object.fromEntries(missing.map((id) => [id, required])));
      return;
    }
    const answers = surveyAnswers(s.questions, this.value());
    this.sending.set(true);
    try {
      await this.api.answer(this.workshopSlug(), { answers, anonymous: this.anonymous() });
      this.notices.show(this.transloco.translate('workshopOutcomes.survey.sent'));
      this.survey.reload();
    } catch (error) {
      this.showError(error, answers);
    } finally {
      this.sending.set(false);
    }
  }

  private showError(error: unknown, sent: WorkshopSurveyAnswer[]): void {
    const status = statusOf(error);
    if (status === 409) {
      // Answered already (in another tab) or the survey is not open: show how things stand.
      this.survey.reload();
      return;
    }
    if (status === 400) {
      const readable = speaksReadersLanguage(error, this.language.active());
      const fallback = this.transloco.translate('validation.invalid');
      const byQuestion: Record<string, string> = {};
      for (const { path, message } of problemOf(error)?.errors ?? []) {
        const [, segment] = path.split('.');
        const index = Number(segment);
        const id = Number.isInteger(index) ? sent[index]?.questionId : segment;
        if (id) byQuestion[id] = readable ? message : fallback;
      }
      this.errors.set(byQuestion);
      return;
    }
    this.notices.show(this.transloco.translate(status === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
  }
}
