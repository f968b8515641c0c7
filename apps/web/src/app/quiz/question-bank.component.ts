import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Locale, QuestionAdminView } from '@aula/contracts';
import { quizApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { displayLocale, displayText } from '../admin/translations';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { QuestionDialogComponent, type QuestionDialogData } from './question-dialog.component';
import { QuizService } from './quiz.service';

/**
 * A course's question bank: add, edit, delete (archived instead when used). With `selected`
 * bound, each question also has an "in this quiz" box; the quiz keeps the order of choosing.
 */
@Component({
  selector: 'aula-question-bank',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatProgressBarModule, TranslocoDirective, IconComponent],
  template: `
    <section class="bank" *transloco="let t" [attr.aria-label]="t('quiz.admin.bankTitle')">
      <div class="bank-header">
        <h2>{{ t('quiz.admin.bankTitle') }}</h2>
        <button mat-flat-button type="button" (click)="edit()"><aula-icon name="add" /> {{ t('quiz.admin.addQuestion') }}</button>
      </div>
      @if (questions.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
      }
      @if (questions.error()) {
        <p role="alert">{{ t('quiz.admin.bankLoadFailed') }}</p>
      }
      @if (list().length === 0 && questions.hasValue()) {
        <p class="muted">{{ t('quiz.admin.bankEmpty') }}</p>
      }
      <ul>
        @for (q of list(); track q.id; let i = $index) {
          <li>
            @if (selected() !== null) {
              <mat-checkbox
                [checked]="isSelected(q.id)"
                (change)="choose(q.id, $event.checked)"
                [aria-label]="t('quiz.admin.useInQuiz', { number: i + 1 })"
              />
            }
            <div class="text">
              <span class="prompt" dir="auto" [attr.lang]="tags[promptLocale(q)]">{{ prompt(q) }}</span>
              <span class="muted">{{ t('quiz.kinds.' + q.kind) }} · {{ t('quiz.questionPoints', { points: q.points }) }}</span>
            </div>
            <button mat-icon-button type="button" [attr.aria-label]="t('quiz.admin.editNumber', { number: i + 1 })" (click)="edit(q)">
              <aula-icon name="edit" />
            </button>
            <button mat-icon-button type="button" [attr.aria-label]="t('quiz.admin.deleteNumber', { number: i + 1 })" (click)="remove(q)">
              <aula-icon name="delete" />
            </button>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .bank-header { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; }
    h2 { font: var(--mat-sys-title-large); margin: 0; }
    ul { list-style: none; padding: 0; margin: 8px 0 0; display: grid; gap: 4px; }
    li { display: flex; align-items: center; gap: 8px; padding: 4px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .text { display: grid; flex: 1; min-width: 0; }
    .prompt { overflow-wrap: anywhere; white-space: pre-line; }
    .muted { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
  `,
})
export class QuestionBankComponent {
  private readonly api = inject(QuizService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  readonly courseId = input.required<string>();
  readonly defaultLocale = input<Locale>('en');
  /** Question ids of the quiz, in order; null: no quiz to choose for. */
  readonly selected = model<string[] | null>(null);

  protected readonly tags = LANGUAGE_TAGS;
  protected readonly questions = httpResource<QuestionAdminView[]>(
    () => routeUrl(quizApi.questions, { courseId: this.courseId() }),
  );
  protected readonly list = computed(() => (this.questions.hasValue() ? this.questions.value() : []));

  protected prompt(q: QuestionAdminView): string {
    return displayText(q.prompt, this.language.active() as Locale, this.defaultLocale());
  }

  protected promptLocale(q: QuestionAdminView): Locale {
    return displayLocale(q.prompt, this.language.active() as Locale, this.defaultLocale());
  }

  protected isSelected(id: string): boolean {
    return this.selected()?.includes(id) ?? false;
  }

  protected choose(id: string, checked: boolean): void {
    const current = this.selected() ?? [];
    this.selected.set(checked ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id));
  }

  protected async edit(question?: QuestionAdminView): Promise<void> {
    const saved = await firstValueFrom(
      this.dialog
        .open<QuestionDialogComponent, QuestionDialogData, QuestionAdminView>(QuestionDialogComponent, {
          data: { courseId: this.courseId(), defaultLocale: this.defaultLocale(), question },
          width: '44rem',
          maxWidth: '96vw',
        })
        .afterClosed(),
    );
    if (!saved) return;
    this.questions.reload();
    this.notices.show(this.transloco.translate('quiz.admin.questionSaved'));
  }

  protected async remove(question: QuestionAdminView): Promise<void> {
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
          data: {
            titleKey: 'quiz.admin.deleteTitle',
            messageKey: 'quiz.admin.deleteText',
            confirmKey: 'actions.delete',
            name: this.prompt(question).slice(0, 80),
            destructive: true,
          },
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    try {
      const result = await this.api.removeQuestion(question.id);
      this.selected.update((ids) => (ids === null ? null : ids.filter((x) => x !== question.id)));
      this.notices.show(this.transloco.translate(result.archived ? 'quiz.admin.archived' : 'quiz.admin.deleted'));
      this.questions.reload();
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    }
  }
}
