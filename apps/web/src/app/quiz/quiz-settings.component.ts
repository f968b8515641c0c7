import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { ActivityAdminView, CourseAdminView, Locale, QuizSettingsInput, QuizSettingsView } from '@aula/contracts';
import { catalogApi, QUIZ_GRADING_METHODS, QUIZ_REVIEW_WHEN, quizApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { displayText } from '../admin/translations';
import { problemOf, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NoticeService } from '../shared/notice.service';
import { QuestionBankComponent } from './question-bank.component';
import { QuizService } from './quiz.service';

interface SettingsDraft extends Omit<QuizSettingsInput, 'randomCount' | 'timeLimitMinutes' | 'attemptsAllowed' | 'maxPoints'> {
  /** As typed; empty means "none" (unlimited attempts, no time limit). */
  randomCount: string;
  timeLimitMinutes: string;
  attemptsAllowed: string;
  maxPoints: string;
}

const text = (n: number | null) => (n === null ? '' : String(n));

/**
 * `/admin/courses/:courseId/quizzes/:activityId`: a quiz's settings (questions fixed or drawn at
 * random, shuffling, time limit, attempts, grading method, review options, max points) and the
 * course's question bank. Open and close dates are set per cohort.
 */
@Component({
  selector: 'aula-quiz-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    QuestionBankComponent,
  ],
  templateUrl: './quiz-settings.component.html',
  styles: `
    .form { display: grid; gap: 8px; max-width: 48rem; }
    .row { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
    .errors { padding: 12px 16px; border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .muted { color: var(--mat-sys-on-surface-variant); }
    aula-question-bank { display: block; margin-top: 24px; max-width: 48rem; }
  `,
})
export default class QuizSettingsComponent {
  private readonly api = inject(QuizService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly methods = QUIZ_GRADING_METHODS;
  protected readonly reviewWhen = QUIZ_REVIEW_WHEN;
  protected readonly courseId = computed(() => this.params().get('courseId') ?? '');
  protected readonly activityId = computed(() => this.params().get('activityId') ?? '');
  protected readonly course = httpResource<CourseAdminView>(() => routeUrl(catalogApi.course, { id: this.courseId() }));
  protected readonly settings = httpResource<QuizSettingsView>(
    () => routeUrl(quizApi.settings, { id: this.activityId() }),
  );
  protected readonly defaultLocale = computed<Locale>(() => (this.course.hasValue() ? this.course.value().defaultLocale : 'en'));
  protected readonly activity = computed<ActivityAdminView | null>(() => {
    if (!this.course.hasValue()) return null;
    return this.course.value().modules.flatMap((m) => m.activities).find((a) => a.id === this.activityId()) ?? null;
  });
  protected readonly title = computed(() => {
    const activity = this.activity();
    return activity ? displayText(activity.title, this.language.active() as Locale, this.defaultLocale()) : '';
  });
  protected readonly notFound = computed(() => [404].includes(statusOf(this.settings.error() ?? this.course.error())));

  protected readonly draft = signal<SettingsDraft | null>(null);
  protected readonly selected = signal<string[] | null>(null);
  protected readonly saving = signal(false);
  protected readonly problems = signal<string[]>([]);

  constructor() {
    pageTitleFrom(() => this.title());
    effect(() => {
      if (!this.settings.hasValue()) return;
      const s = this.settings.value();
      untracked(() => {
        this.draft.set({
          ...s,
          randomCount: text(s.randomCount),
          timeLimitMinutes: text(s.timeLimitMinutes),
          attemptsAllowed: text(s.attemptsAllowed),
          maxPoints: text(s.maxPoints),
        });
        this.selected.set(s.questionIds);
      });
    });
  }

  protected patch(change: Partial<SettingsDraft>): void {
    this.draft.update((d) => (d ? { ...d, ...change } : d));
  }

  protected async save(): Promise<void> {
    const d = this.draft();
    if (!d || this.saving()) return;
    const whole = (s: string) => (s.trim() === '' ? null : Number(s));
    const input: QuizSettingsInput = {
      questionMode: d.questionMode,
      questionIds: this.selected() ?? [],
      randomCount: d.questionMode === 'random' ? whole(d.randomCount) : null,
      shuffleQuestions: d.shuffleQuestions,
      shuffleOptions: d.shuffleOptions,
      timeLimitMinutes: whole(d.timeLimitMinutes),
      attemptsAllowed: whole(d.attemptsAllowed),
      gradingMethod: d.gradingMethod,
      showCorrectAnswers: d.showCorrectAnswers,
      showFeedback: d.showFeedback,
      maxPoints: Number(d.maxPoints.replace(',', '.')),
    };
    this.saving.set(true);
    this.problems.set([]);
    try {
      await this.api.saveSettings(this.activityId(), input);
      this.settings.reload();
      this.notices.show(this.transloco.translate('quiz.admin.settingsSaved'));
    } catch (error) {
      if (statusOf(error) === 400) {
        this.problems.set((problemOf(error)?.errors ?? []).map((e) => e.path));
      } else {
        this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
      }
    } finally {
      this.saving.set(false);
    }
  }
}
