import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import type { Locale, QuestionAdminView, QuestionInput, QuestionKind, Translations } from '@aula/contracts';
import { QUESTION_KINDS, QUIZ_LIMITS } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageTabsComponent } from '../admin/language-tabs.component';
import { textByLocale, toTranslations, type TextByLocale } from '../admin/translations';
import { problemOf, statusOf } from '../core/api/problem';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { QuizService } from './quiz.service';

export interface QuestionDialogData {
  courseId: string;
  defaultLocale: Locale;
  /** Absent: a new question. */
  question?: QuestionAdminView;
}

interface OptionDraft {
  id?: string;
  text: TextByLocale;
  correct: boolean;
  feedback: TextByLocale;
}

interface Draft {
  kind: QuestionKind;
  prompt: TextByLocale;
  feedback: TextByLocale;
  options: OptionDraft[];
  correctBoolean: boolean | null;
  acceptedAnswers: string;
  caseSensitive: boolean;
  accentSensitive: boolean;
  numericAnswer: string;
  tolerance: string;
  points: string;
}

const emptyOption = (correct = false): OptionDraft => ({ text: textByLocale({}), correct, feedback: textByLocale({}) });

function draftOf(q: QuestionAdminView | undefined): Draft {
  return {
    kind: q?.kind ?? 'single',
    prompt: textByLocale(q?.prompt),
    feedback: textByLocale(q?.feedback),
    options: q?.options.length
      ? q.options.map((o) => ({ id: o.id, text: textByLocale(o.text), correct: o.correct, feedback: textByLocale(o.feedback) }))
      : [emptyOption(true), emptyOption()],
    correctBoolean: q?.correctBoolean ?? true,
    acceptedAnswers: (q?.acceptedAnswers ?? []).join('\n'),
    caseSensitive: q?.caseSensitive ?? false,
    accentSensitive: q?.accentSensitive ?? false,
    numericAnswer: q?.numericAnswer === null || q?.numericAnswer === undefined ? '' : String(q.numericAnswer),
    tolerance: q ? String(q.tolerance) : '0',
    points: q ? String(q.points) : '1',
  };
}

const parseNumber = (text: string): number | null => {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};

/**
 * One question of the bank: its kind, prompt and feedback per language, and the answer key of
 * its kind (options with the right ones, true/false, accepted answers with case and accent rules,
 * a number with its tolerance). Saves itself; closes with the question as saved.
 */
@Component({
  selector: 'aula-question-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoDirective,
    LanguageTabsComponent,
    IconComponent,
  ],
  templateUrl: './question-dialog.component.html',
  styles: `
    .full-width { inline-size: 100%; }
    .row { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
    .option { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 8px 12px; margin-block: 8px; }
    .errors { margin: 0 0 12px; padding: 12px 16px; border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .errors ul { margin: 0; padding-inline-start: 16px; }
    h3 { font: var(--mat-sys-title-small); margin: 16px 0 4px; }
  `,
})
export class QuestionDialogComponent {
  protected readonly data = inject<QuestionDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<QuestionDialogComponent, QuestionAdminView>>(MatDialogRef);
  private readonly api = inject(QuizService);

  protected readonly kinds = QUESTION_KINDS;
  protected readonly limits = QUIZ_LIMITS;
  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly active = signal<Locale>(this.data.defaultLocale);
  protected readonly draft = signal<Draft>(draftOf(this.data.question));
  protected readonly busy = signal(false);
  /** Problems to show: translation keys with the field they concern. */
  protected readonly problems = signal<{ key: string; field: string }[]>([]);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly isChoice = computed(() => ['single', 'multiple'].includes(this.draft().kind));
  protected readonly filled = computed(() =>
    APP_LOCALES.filter((l) => this.draft().prompt[l].trim() || this.draft().options.some((o) => o.text[l].trim())),
  );

  protected patch(change: Partial<Draft>): void {
    this.draft.update((d) => ({ ...d, ...change }));
  }

  protected setText(field: 'prompt' | 'feedback', locale: Locale, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: { ...d[field], [locale]: value } }));
  }

  protected setOption(index: number, change: Partial<OptionDraft>): void {
    this.draft.update((d) => {
      let options = d.options.map((o, i) => (i === index ? { ...o, ...change } : o));
      // Single choice: choosing one right option un-chooses the others.
      if (d.kind === 'single' && change.correct) options = options.map((o, i) => ({ ...o, correct: i === index }));
      return { ...d, options };
    });
  }

  protected setOptionText(index: number, field: 'text' | 'feedback', locale: Locale, value: string): void {
    const option = this.draft().options[index];
    this.setOption(index, { [field]: { ...option[field], [locale]: value } });
  }

  protected addOption(): void {
    this.draft.update((d) => ({ ...d, options: [...d.options, emptyOption()] }));
  }

  protected removeOption(index: number): void {
    this.draft.update((d) => ({ ...d, options: d.options.filter((_, i) => i !== index) }));
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    const input = this.toInput();
    if (!input) return;
    this.busy.set(true);
    try {
      const saved = this.data.question
        ? await this.api.updateQuestion(this.data.question.id, input)
        : await this.api.createQuestion(this.data.courseId, input);
      this.dialog.close(saved);
    } catch (error) {
      if (statusOf(error) === 400) {
        this.problems.set((problemOf(error)?.errors ?? []).map((e) => ({ key: 'quiz.admin.invalidField', field: e.path })));
      } else {
        this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
      }
    } finally {
      this.busy.set(false);
    }
  }

  private toInput(): QuestionInput | null {
    const d = this.draft();
    const problems: { key: string; field: string }[] = [];
    const prompt = toTranslations(d.prompt);
    if (!Object.keys(prompt).length) problems.push({ key: 'quiz.admin.needPrompt', field: 'prompt' });
    const points = parseNumber(d.points);
    if (points === null || !(points > 0)) problems.push({ key: 'quiz.admin.needPoints', field: 'points' });
    const input: QuestionInput = { kind: d.kind, prompt, feedback: toTranslations(d.feedback), points: points ?? 1 };
    switch (d.kind) {
      case 'single':
      case 'multiple': {
        input.options = d.options.map((o) => ({
          ...(o.id ? { id: o.id } : {}),
          text: toTranslations(o.text),
          correct: o.correct,
          feedback: toTranslations(o.feedback),
        }));
        if (input.options.length < 2 || input.options.some((o) => !Object.keys(o.text as Translations).length))
          problems.push({ key: 'quiz.admin.needOptions', field: 'options' });
        const right = d.options.filter((o) => o.correct).length;
        if (d.kind === 'single' ? right !== 1 : right < 1) problems.push({ key: 'quiz.admin.needCorrect', field: 'options' });
        break;
      }
      case 'true_false':
        input.correctBoolean = d.correctBoolean;
        break;
      case 'short_answer':
        input.acceptedAnswers = d.acceptedAnswers.split('\n').map((a) => a.trim()).filter(Boolean);
        input.caseSensitive = d.caseSensitive;
        input.accentSensitive = d.accentSensitive;
        if (!input.acceptedAnswers.length) problems.push({ key: 'quiz.admin.needAccepted', field: 'acceptedAnswers' });
        break;
      case 'numeric': {
        const answer = parseNumber(d.numericAnswer);
        const tolerance = parseNumber(d.tolerance) ?? 0;
        if (answer === null || Number.isNaN(answer)) problems.push({ key: 'quiz.admin.needNumber', field: 'numericAnswer' });
        if (Number.isNaN(tolerance) || tolerance < 0) problems.push({ key: 'quiz.admin.needTolerance', field: 'tolerance' });
        input.numericAnswer = answer;
        input.tolerance = tolerance;
        break;
      }
    }
    this.problems.set(problems);
    return problems.length ? null : input;
  }
}
