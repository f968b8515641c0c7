import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import type {
  AttemptQuestionView,
  Locale,
  QuizAnswer,
  QuizAnswers,
  QuizAttemptView,
  QuizOverview,
  QuizReview,
} from '@aula/contracts';
import { quizApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { QuizService, clock, remainingMs } from './quiz.service';

/** Autosave waits this long after the last change, so typing does not send a request per key. */
const SAVE_DELAY_MS = 800;
type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * A trainee's quiz inside the activity player: dates (viewer's time zone), attempts, start or
 * resume, the questions with answers saved as they go (and restored after a reload), a countdown
 * when timed (on the server's clock), submit after a confirmation, then the score and the review
 * as far as the quiz allows. The server is the judge of time: when it says time is up, the
 * attempt is already submitted and this screen shows the result.
 */
@Component({
  selector: 'aula-quiz-player',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoDirective,
    IconComponent,
    LocalDateTimePipe,
  ],
  templateUrl: './quiz-player.component.html',
  styleUrl: './quiz-player.component.scss',
})
export class QuizPlayerComponent {
  private readonly api = inject(QuizService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);

  readonly activityId = input.required<string>();
  readonly locale = input<Locale | null>(null);
  /** An attempt was submitted and graded: the course progress around the player may have moved. */
  readonly graded = output<void>();

  protected readonly tags = LANGUAGE_TAGS;

  protected readonly overview = httpResource<QuizOverview>(() => {
    const locale = this.locale();
    const params: Record<string, string> = locale ? { locale } : {};
    return { url: routeUrl(quizApi.overview, { activityId: this.activityId() }), params };
  });
  protected readonly info = computed(() => (this.overview.hasValue() ? this.overview.value() : null));

  protected readonly attempt = signal<QuizAttemptView | null>(null);
  protected readonly answers = signal<QuizAnswers>({});
  protected readonly review = signal<QuizReview | null>(null);
  protected readonly busy = signal(false);
  protected readonly saveState = signal<SaveState>('idle');
  /** Numeric fields as typed ("3," while typing 3,5), so a half-typed number is not thrown away. */
  protected readonly numberText = signal<Record<string, string>>({});

  private pending: QuizAnswers = {};
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  /** Server clock − device clock, from the last attempt answer. */
  private offsetMs = 0;
  private readonly nowMs = signal(Date.now());

  protected readonly inProgress = computed(() => {
    const a = this.attempt();
    return !!a && !a.submittedAt;
  });
  protected readonly remaining = computed(() => {
    const a = this.attempt();
    if (!a || a.submittedAt) return null;
    return remainingMs(a.deadlineAt, this.nowMs(), this.offsetMs);
  });
  protected readonly remainingText = computed(() => {
    const ms = this.remaining();
    return ms === null ? '' : clock(ms);
  });
  /** Announced to screen readers at a few moments only, not every second. */
  protected readonly timeWarning = computed(() => {
    const ms = this.remaining();
    if (ms === null) return '';
    const minutes = Math.ceil(ms / 60_000);
    return minutes === 5 || minutes === 1 ? this.transloco.translate('quiz.minutesLeft', { minutes }) : '';
  });
  protected readonly answeredCount = computed(() => {
    const a = this.attempt();
    const answers = this.answers();
    return a ? a.questions.filter((q) => hasAnswer(answers[q.id])).length : 0;
  });

  constructor() {
    const timer = setInterval(() => {
      this.nowMs.set(Date.now());
      const left = untracked(this.remaining);
      if (left === 0 && untracked(this.inProgress) && !untracked(this.busy)) void this.timeUp();
    }, 1000);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      if (this.saveTimer) clearTimeout(this.saveTimer);
      void this.flush();
    });
    // After a reload the attempt in progress comes back with its answers.
    effect(() => {
      const info = this.info();
      if (!info?.inProgressAttemptId || untracked(this.attempt)?.id === info.inProgressAttemptId) return;
      const attemptId = info.inProgressAttemptId;
      untracked(() => void this.open(() => this.api.attempt(attemptId, this.locale())));
    });
  }

  protected start(): Promise<void> {
    return this.open(() => this.api.start(this.activityId(), this.locale()));
  }

  private async open(load: () => Promise<QuizAttemptView>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      this.show(await load());
      this.review.set(null);
    } catch (error) {
      this.failed(error, 'quiz.startFailed');
      this.overview.reload();
    } finally {
      this.busy.set(false);
    }
  }

  private show(attempt: QuizAttemptView): void {
    this.offsetMs = new Date(attempt.serverNow).getTime() - Date.now();
    this.attempt.set(attempt);
    this.answers.set({ ...attempt.answers, ...this.pending });
    this.numberText.set(
      Object.fromEntries(
        attempt.questions
          .filter((q) => q.kind === 'numeric' && typeof attempt.answers[q.id] === 'number')
          .map((q) => [q.id, String(attempt.answers[q.id])]),
      ),
    );
  }

  // ---- answering ----

  protected answer(questionId: string, value: QuizAnswer): void {
    if (!this.inProgress()) return;
    this.answers.update((all) => ({ ...all, [questionId]: value }));
    this.pending = { ...this.pending, [questionId]: value };
    this.saveState.set('pending');
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  protected toggle(question: AttemptQuestionView, optionId: string, checked: boolean): void {
    const current = this.answers()[question.id];
    const picked = new Set(Array.isArray(current) ? current : []);
    if (checked) picked.add(optionId);
    else picked.delete(optionId);
    // Keep the options' order, so the saved answer reads like the screen.
    this.answer(question.id, question.options.map((o) => o.id).filter((id) => picked.has(id)));
  }

  protected typedNumber(questionId: string, text: string): void {
    this.numberText.update((all) => ({ ...all, [questionId]: text }));
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') return this.answer(questionId, null);
    const value = Number(trimmed);
    if (Number.isFinite(value)) this.answer(questionId, value);
  }

  protected typedText(questionId: string, text: string): void {
    this.answer(questionId, text.trim() ? text : null);
  }

  protected picked(questionId: string, optionId: string): boolean {
    const value = this.answers()[questionId];
    return Array.isArray(value) ? value.includes(optionId) : value === optionId;
  }

  protected textOf(questionId: string): string {
    const value = this.answers()[questionId];
    return typeof value === 'string' ? value : '';
  }

  protected booleanOf(questionId: string): string | null {
    const value = this.answers()[questionId];
    return typeof value === 'boolean' ? String(value) : null;
  }

  /** Sends what changed since the last save; one request at a time. */
  private async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (this.saving) await this.saving;
    const attempt = this.attempt();
    const changes = this.pending;
    if (!attempt || attempt.submittedAt || Object.keys(changes).length === 0) return;
    this.pending = {};
    this.saveState.set('saving');
    this.saving = (async () => {
      try {
        await this.api.saveAnswers(attempt.id, changes);
        this.saveState.set(Object.keys(this.pending).length ? 'pending' : 'saved');
      } catch (error) {
        if (statusOf(error) === 409) {
          await this.closedByServer(attempt.id);
          return;
        }
        // Keep the answers to send them again with the next change or the submit.
        this.pending = { ...changes, ...this.pending };
        this.saveState.set('failed');
        if (!this.saveTimer) this.saveTimer = setTimeout(() => void this.flush(), 5000);
      }
    })();
    await this.saving;
    this.saving = null;
  }

  /** The server submitted the attempt (time is up): show the result it recorded. */
  private async closedByServer(attemptId: string): Promise<void> {
    this.pending = {};
    this.saveState.set('idle');
    this.notices.show(this.transloco.translate('quiz.timeUpNotice'), 'error');
    try {
      const attempt = await this.api.attempt(attemptId, this.locale());
      this.show(attempt);
      await this.loadReview(attempt);
    } finally {
      this.overview.reload();
    }
  }

  private async timeUp(): Promise<void> {
    const attempt = this.attempt();
    if (!attempt) return;
    await this.submitNow(attempt, () =>
      this.notices.show(this.transloco.translate('quiz.timeUpNotice'), 'error'),
    );
  }

  /** Saves what is pending, submits, then shows the result and its review; `notify` says it happened. */
  private async submitNow(attempt: QuizAttemptView, notify: () => void): Promise<void> {
    this.busy.set(true);
    try {
      await this.flush();
      const done = await this.api.submit(attempt.id, this.locale());
      this.pending = {};
      this.show(done);
      notify();
      await this.loadReview(done);
      this.overview.reload();
      this.graded.emit();
    } catch (error) {
      this.failed(error, 'quiz.submitFailed');
    } finally {
      this.busy.set(false);
    }
  }

  protected async submit(): Promise<void> {
    const attempt = this.attempt();
    const info = this.info();
    if (!attempt || this.busy()) return;
    const unanswered = attempt.questions.length - this.answeredCount();
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
          data: {
            titleKey: 'quiz.confirmTitle',
            messageKey: unanswered > 0 ? 'quiz.confirmUnanswered' : 'quiz.confirmText',
            confirmKey: 'quiz.submit',
            name: unanswered > 0 ? String(unanswered) : (info?.title ?? ''),
          },
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    await this.submitNow(attempt, () => this.notices.show(this.transloco.translate('quiz.submitted')));
  }

  protected async openReview(attemptId: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const attempt = await this.api.attempt(attemptId, this.locale());
      this.show(attempt);
      await this.loadReview(attempt);
    } catch (error) {
      this.failed(error, 'quiz.loadFailed');
    } finally {
      this.busy.set(false);
    }
  }

  protected close(): void {
    this.attempt.set(null);
    this.review.set(null);
  }

  private async loadReview(attempt: QuizAttemptView): Promise<void> {
    if (!attempt.submittedAt) return;
    this.review.set(await this.api.review(attempt.id, this.locale()));
  }

  private failed(error: unknown, key: string): void {
    this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : key), 'error');
  }

  // ---- review helpers ----

  protected reviewOf(questionId: string) {
    return this.review()?.questions.find((q) => q.id === questionId) ?? null;
  }

  protected isCorrectOption(questionId: string, optionId: string): boolean {
    return this.reviewOf(questionId)?.correct?.optionIds?.includes(optionId) ?? false;
  }

  protected answerText(question: AttemptQuestionView): string {
    const value = this.answers()[question.id];
    if (value === undefined || value === null) return this.transloco.translate('quiz.noAnswer');
    if (typeof value === 'boolean') return this.transloco.translate(value ? 'quiz.true' : 'quiz.false');
    return String(value);
  }
}

function hasAnswer(value: QuizAnswer | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'string' || value.trim() !== '';
}
