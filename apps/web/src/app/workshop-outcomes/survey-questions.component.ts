import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  LOCALES,
  WORKSHOP_OUTCOME_LIMITS,
  WORKSHOP_SURVEY_QUESTION_KINDS,
  routeUrl,
  workshopsApi,
  type WorkshopSurveyQuestion,
  type WorkshopSurveyView,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { NoticeService } from '../shared/notice.service';
import { cleanQuestions, newQuestionId } from './workshop-outcomes';

/**
 * The organiser's survey questions (rating 1–5 or free text, prompts in every language), editable
 * until the first answer arrives; no questions of their own means the default survey.
 */
@Component({
  selector: 'aula-survey-questions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoDirective],
  template: `
    <section *transloco="let t" aria-labelledby="survey-questions-title">
      <h2 id="survey-questions-title">{{ t('workshopOutcomes.questions.title') }}</h2>
      @if (survey.hasValue()) {
        @let s = survey.value();
        <p>{{ s.isDefault ? t('workshopOutcomes.questions.isDefault') : t('workshopOutcomes.questions.isOwn') }}</p>
        @if (s.responses > 0) {
          <p role="status">{{ t('workshopOutcomes.questions.locked') }}</p>
          <ol>
            @for (q of s.questions; track q.id) {
              <li dir="auto">{{ promptOf(q) }} ({{ t('workshopOutcomes.questions.kinds.' + q.kind) }})</li>
            }
          </ol>
        } @else {
          <form (ngSubmit)="save()" novalidate>
            @for (q of draft(); track q.id; let i = $index) {
              <fieldset class="question">
                <legend>{{ t('workshopOutcomes.questions.number', { n: i + 1 }) }}</legend>
                <mat-form-field appearance="outline">
                  <mat-label>{{ t('workshopOutcomes.questions.kind') }}</mat-label>
                  <mat-select [name]="'kind-' + q.id" [(ngModel)]="q.kind">
                    @for (k of kinds; track k) {
                      <mat-option [value]="k">{{ t('workshopOutcomes.questions.kinds.' + k) }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                @for (l of locales; track l) {
                  <mat-form-field appearance="outline" class="full">
                    <mat-label>{{ t('workshopOutcomes.questions.prompt', { language: t('workshopOutcomes.languages.' + l) }) }}</mat-label>
                    <input matInput [name]="'prompt-' + q.id + '-' + l" [(ngModel)]="q.prompt[l]" [maxlength]="maxPrompt" dir="auto" />
                  </mat-form-field>
                }
                <mat-checkbox [name]="'required-' + q.id" [(ngModel)]="q.required">{{ t('workshopOutcomes.questions.required') }}</mat-checkbox>
                <button mat-button type="button" (click)="remove(i)">{{ t('workshopOutcomes.questions.remove') }}</button>
                @for (message of errors()[i] ?? []; track $index) {
                  <p class="error" role="alert">{{ message }}</p>
                }
              </fieldset>
            }
            <div class="buttons">
              <button mat-stroked-button type="button" (click)="add()">{{ t('workshopOutcomes.questions.add') }}</button>
              <button mat-flat-button type="submit" [disabled]="saving()">{{ t('workshopOutcomes.questions.save') }}</button>
              @if (!s.isDefault) {
                <button mat-button type="button" (click)="restoreDefault()" [disabled]="saving()">{{ t('workshopOutcomes.questions.restoreDefault') }}</button>
              }
            </div>
          </form>
        }
      }
    </section>
  `,
  styles: `
    .question {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      padding: 12px;
      margin: 0 0 12px;
      display: grid;
      gap: 4px;
    }
    .full {
      inline-size: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 0;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class SurveyQuestionsComponent {
  readonly workshopId = input.required<string>();
  /** After a save: the results' prompts may have changed. */
  readonly saved = output<void>();

  private readonly http = inject(HttpClient);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  protected readonly kinds = WORKSHOP_SURVEY_QUESTION_KINDS;
  protected readonly locales = LOCALES;
  protected readonly maxPrompt = WORKSHOP_OUTCOME_LIMITS.prompt;

  protected readonly survey = httpResource<WorkshopSurveyView>(() => routeUrl(workshopsApi.organiserSurvey, { id: this.workshopId() }));
  protected readonly draft = signal<WorkshopSurveyQuestion[]>([]);
  protected readonly errors = signal<Record<number, string[]>>({});
  protected readonly saving = signal(false);

  constructor() {
    // Editing starts from what is saved (the default questions included).
    effect(() => {
      if (this.survey.hasValue()) this.draft.set(structuredClone(this.survey.value().questions));
    });
  }

  protected promptOf(q: WorkshopSurveyQuestion): string {
    return q.prompt[this.language.active()] ?? Object.values(q.prompt).find((p) => !!p) ?? '';
  }

  protected add(): void {
    this.draft.update((qs) => [...qs, { id: newQuestionId(qs.map((q) => q.id)), kind: 'rating', prompt: {}, required: false }]);
  }

  protected remove(index: number): void {
    this.draft.update((qs) => qs.filter((_, i) => i !== index));
    this.errors.set({});
  }

  protected save(): Promise<void> {
    return this.send(cleanQuestions(this.draft()));
  }

  protected restoreDefault(): Promise<void> {
    return this.send([]);
  }

  private async send(questions: WorkshopSurveyQuestion[]): Promise<void> {
    this.saving.set(true);
    this.errors.set({});
    try {
      await firstValueFrom(this.http.put<WorkshopSurveyView>(routeUrl(workshopsApi.saveSurvey, { id: this.workshopId() }), { questions }));
      this.notices.show(this.transloco.translate('workshopOutcomes.questions.saved'));
      this.survey.reload();
      this.saved.emit();
    } catch (error) {
      const status = statusOf(error);
      if (status === 400) {
        const readable = speaksReadersLanguage(error, this.language.active());
        const byIndex: Record<number, string[]> = {};
        for (const { path, message } of problemOf(error)?.errors ?? []) {
          const index = Number(path.split('.')[1]);
          const text = readable ? message : this.transloco.translate('workshopOutcomes.questions.invalidField', { field: path.split('.').slice(2).join('.') || path });
          (byIndex[Number.isInteger(index) ? index : 0] ??= []).push(text);
        }
        this.errors.set(byIndex);
      } else if (status === 409) {
        this.notices.show(this.transloco.translate('workshopOutcomes.questions.locked'), 'error');
        this.survey.reload();
      } else this.notices.show(this.transloco.translate(status === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    } finally {
      this.saving.set(false);
    }
  }
}
