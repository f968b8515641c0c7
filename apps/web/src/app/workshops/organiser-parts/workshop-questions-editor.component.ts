import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormArray, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { WORKSHOP_QUESTION_KINDS, routeUrl, workshopsApi, type WorkshopQuestion } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, statusOf } from '../../core/api/problem';
import { APP_LOCALES } from '../../core/i18n/languages';
import { LanguageService } from '../../core/i18n/language.service';
import { FieldErrorComponent } from '../../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';
import { NoticeService } from '../../shared/notice.service';
import {
  freshId,
  optionGroup,
  questionGroup,
  questionsRequest,
  type QuestionGroup,
} from './questions-editor';

/**
 * The organisers' own questions on a workshop's application form (text or choice, in every
 * language, required or not), saved as a whole. Standalone, to be placed on the organiser's page.
 */
@Component({
  selector: 'aula-workshop-questions-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    FieldErrorComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <section
      class="questions-editor"
      *transloco="let t"
      [attr.aria-busy]="busy()"
      aria-labelledby="questions-editor-title"
    >
      <h2 id="questions-editor-title">{{ t('workshopApply.questions.title') }}</h2>
      <p>{{ t('workshopApply.questions.lead') }}</p>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <ol formArrayName="questions" class="list">
          @for (q of list.controls; track q; let i = $index) {
            <li [formGroupName]="i" class="question">
              <fieldset>
                <legend>{{ t('workshopApply.questions.number', { n: i + 1 }) }}</legend>
                <mat-form-field>
                  <mat-label>{{ t('workshopApply.questions.kind') }}</mat-label>
                  <mat-select formControlName="kind">
                    @for (kind of kinds; track kind) {
                      <mat-option [value]="kind">{{ t('workshopApply.questions.kinds.' + kind) }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <div formGroupName="prompt">
                  @for (locale of locales; track locale) {
                    <mat-form-field class="full-width">
                      <mat-label>{{
                        t('workshopApply.questions.prompt', { language: t('languageNames.' + locale) })
                      }}</mat-label>
                      <input matInput [formControlName]="locale" dir="auto" />
                      <mat-error
                        ><aula-field-error [control]="q.controls.prompt.controls[locale]"
                      /></mat-error>
                    </mat-form-field>
                  }
                </div>
                <mat-checkbox formControlName="required">{{
                  t('workshopApply.questions.required')
                }}</mat-checkbox>
                @if (q.controls.kind.value === 'choice') {
                  <ol formArrayName="options" class="options">
                    @for (o of q.controls.options.controls; track o; let j = $index) {
                      <li [formGroupName]="j">
                        <div formGroupName="label">
                          @for (locale of locales; track locale) {
                            <mat-form-field>
                              <mat-label>{{
                                t('workshopApply.questions.option', {
                                  n: j + 1,
                                  language: t('languageNames.' + locale),
                                })
                              }}</mat-label>
                              <input matInput [formControlName]="locale" dir="auto" />
                              <mat-error
                                ><aula-field-error [control]="o.controls.label.controls[locale]"
                              /></mat-error>
                            </mat-form-field>
                          }
                        </div>
                        <button mat-button type="button" (click)="q.controls.options.removeAt(j)">
                          {{ t('workshopApply.questions.removeOption') }}
                        </button>
                      </li>
                    }
                  </ol>
                  <p class="field-error" aria-live="polite">
                    <aula-field-error [control]="q.controls.options" />
                  </p>
                  <button mat-stroked-button type="button" (click)="addOption(q)">
                    {{ t('workshopApply.questions.addOption') }}
                  </button>
                }
                <button mat-button type="button" (click)="list.removeAt(i)">
                  {{ t('workshopApply.questions.remove') }}
                </button>
              </fieldset>
            </li>
          } @empty {
            <li class="empty">{{ t('workshopApply.questions.empty') }}</li>
          }
        </ol>
        <div class="actions">
          <button mat-stroked-button type="button" (click)="add()">
            {{ t('workshopApply.questions.add') }}
          </button>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ t('actions.save') }}</button>
        </div>
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
      </form>
    </section>
  `,
  styles: `
    .list,
    .options {
      padding-inline-start: 1.25rem;
    }
    .question fieldset {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin-block-end: 1rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .error,
    .field-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class WorkshopQuestionsEditorComponent {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);

  readonly workshopId = input.required<string>();

  protected readonly kinds = WORKSHOP_QUESTION_KINDS;
  protected readonly locales = APP_LOCALES;
  protected readonly list = new FormArray<QuestionGroup>([]);
  protected readonly form = new FormGroup({ questions: this.list });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => void this.load(this.workshopId()));
  }

  protected add(): void {
    const id = freshId(
      'q',
      this.list.getRawValue().map((q) => q.id),
    );
    this.list.push(questionGroup({ id, kind: 'text', prompt: {}, required: false }));
  }

  protected addOption(q: QuestionGroup): void {
    q.controls.options.push(
      optionGroup(
        freshId(
          'o',
          q.controls.options.getRawValue().map((o) => o.id),
        ),
      ),
    );
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const saved = await firstValueFrom(
        this.http.put<WorkshopQuestion[]>(
          routeUrl(workshopsApi.setWorkshopQuestions, { id: this.workshopId() }),
          {
            questions: questionsRequest(this.list),
          },
        ),
      );
      this.fill(saved);
      this.notices.show(this.transloco.translate('workshopApply.questions.saved'));
    } catch (error) {
      if (statusOf(error) === 400) {
        const { unclaimed, messages } = applyFieldErrors(this.form, error, this.language.active());
        this.error.set(
          unclaimed ? messages.join(' ') || this.transloco.translate('workshops.checkForm') : null,
        );
      } else
        this.error.set(
          this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'workshops.actionFailed'),
        );
    } finally {
      this.busy.set(false);
    }
  }

  private async load(id: string): Promise<void> {
    this.busy.set(true);
    try {
      this.fill(
        await firstValueFrom(
          this.http.get<WorkshopQuestion[]>(routeUrl(workshopsApi.workshopQuestions, { id })),
        ),
      );
    } catch {
      this.error.set(this.transloco.translate('workshopApply.questions.loadFailed'));
    } finally {
      this.busy.set(false);
    }
  }

  private fill(questions: WorkshopQuestion[]): void {
    this.list.clear();
    for (const q of questions) this.list.push(questionGroup(q));
  }
}
