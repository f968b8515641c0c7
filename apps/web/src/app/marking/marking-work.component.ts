import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  MARKING_FEEDBACK_MAX_LENGTH,
  markingApi,
  routeUrl,
  type GradeChangeView,
  type MarkingView,
  type RubricMarks,
  type SaveMarkRequest,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { FileSizePipe } from '../shared/file-size.pipe';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { MarkingService } from './marking.service';
import { ParticipantComponent } from './participant.component';

/** Points after a late penalty, to the cent, as the API computes them. */
function afterPenalty(raw: number, percent: number): number {
  return Math.max(0, Math.round(raw * (100 - Math.min(100, Math.max(0, percent)))) / 100);
}

type Busy = 'draft' | 'ready' | 'release' | 'file' | null;

/**
 * `/tutor/cohorts/:id/marking/:activityId/:enrolmentId` (and `/admin/...`): one trainee's latest
 * submission beside the rubric, score, feedback and feedback file; save as draft, mark ready,
 * release. When someone else saved meanwhile the API answers 409 and the page offers a reload.
 * Stacked on phones: the submission first, then the mark.
 */
@Component({
  selector: 'aula-marking-work',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    LocalDateTimePipe,
    FileSizePipe,
    IconComponent,
    ParticipantComponent,
  ],
  templateUrl: './marking-work.component.html',
  styleUrl: './marking-work.component.scss',
})
export default class MarkingWorkComponent {
  private readonly router = inject(Router);
  private readonly marking = inject(MarkingService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly area = this.router.url.startsWith('/admin') ? '/admin' : '/tutor';
  protected readonly cohortId = computed(() => this.params().get('id') ?? '');
  private readonly activityId = computed(() => this.params().get('activityId') ?? '');
  private readonly enrolmentId = computed(() => this.params().get('enrolmentId') ?? '');
  protected readonly feedbackMax = MARKING_FEEDBACK_MAX_LENGTH;

  protected readonly resource = httpResource<MarkingView>(() =>
    routeUrl(markingApi.work, { activityId: this.activityId(), enrolmentId: this.enrolmentId() }),
  );
  /** What the page shows: the last answer of the API (loaded, saved, file changed). */
  protected readonly current = linkedSignal<MarkingView | null>(() =>
    this.resource.hasValue() ? this.resource.value() : null,
  );
  /** What the form started from: reset on load and after a save, not when only the file changes. */
  private readonly baseline = linkedSignal<MarkingView | null>(() =>
    this.resource.hasValue() ? this.resource.value() : null,
  );
  protected readonly marks = linkedSignal<RubricMarks>(() => ({
    ...(this.baseline()?.grade?.rubricMarks ?? {}),
  }));
  protected readonly points = linkedSignal<string>(() => {
    const raw = this.baseline()?.grade?.rawPoints;
    return raw === null || raw === undefined ? '' : String(raw);
  });
  protected readonly feedback = linkedSignal<string>(() => this.baseline()?.grade?.feedback ?? '');

  protected readonly busy = signal<Busy>(null);
  protected readonly conflict = signal(false);
  protected readonly problems = signal<string[]>([]);

  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.resource.error())));
  protected readonly rubric = computed(() => this.current()?.activity.rubric ?? null);
  protected readonly released = computed(() => this.current()?.grade?.status === 'released');

  /** Points before the penalty, as the form stands: the rubric's sum, or what was typed. */
  protected readonly rawPoints = computed<number | null>(() => {
    const rubric = this.rubric();
    if (rubric) {
      const chosen = rubric.criteria.filter((c) => this.marks()[c.id]);
      if (chosen.length === 0) return null;
      const cents = chosen.reduce(
        (sum, c) => sum + Math.round((c.levels.find((l) => l.id === this.marks()[c.id])?.points ?? 0) * 100),
        0,
      );
      return cents / 100;
    }
    const typed = this.points().trim();
    if (!typed) return null;
    const value = Number(typed.replace(',', '.'));
    return Number.isFinite(value) ? value : Number.NaN;
  });
  protected readonly finalPoints = computed(() => {
    const raw = this.rawPoints();
    return raw === null || Number.isNaN(raw)
      ? null
      : afterPenalty(raw, this.current()?.latePenaltyPercent ?? 0);
  });
  protected readonly pointsInvalid = computed(() => {
    const raw = this.rawPoints();
    const max = this.current()?.activity.maxPoints ?? 0;
    return raw !== null && (Number.isNaN(raw) || raw < 0 || raw > max);
  });
  protected readonly complete = computed(() => {
    const rubric = this.rubric();
    if (rubric) return rubric.criteria.every((c) => !!this.marks()[c.id]);
    return this.rawPoints() !== null && !this.pointsInvalid();
  });
  protected readonly dirty = computed(() => {
    const grade = this.current()?.grade;
    const rubric = this.rubric();
    const sameMarks = rubric
      ? rubric.criteria.every((c) => (this.marks()[c.id] ?? null) === (grade?.rubricMarks?.[c.id] ?? null))
      : (this.rawPoints() ?? null) === (grade?.rawPoints ?? null);
    return !sameMarks || this.feedback().trim() !== (grade?.feedback ?? '');
  });
  /** Newest first, as the API sends it. */
  protected readonly history = computed(() => this.current()?.history ?? []);

  constructor() {
    pageTitleFrom(() => this.current()?.activity.title);
  }

  protected choose(criterionId: string, levelId: string): void {
    this.marks.update((marks) => ({ ...marks, [criterionId]: levelId }));
  }

  protected lateText(seconds: number): string {
    const hours = Math.ceil(seconds / 3600);
    return hours < 48
      ? this.transloco.translate('marking.lateByHours', { hours })
      : this.transloco.translate('marking.lateByDays', { days: Math.ceil(seconds / 86_400) });
  }

  protected changeText(change: GradeChangeView): string {
    const show = (points: number | null | undefined) =>
      points === null || points === undefined ? '—' : this.transloco.translate('marking.points', { points });
    const before = change.before;
    const parts: string[] = [];
    if (!before || before.points !== change.after.points)
      parts.push(`${show(before?.points)} → ${show(change.after.points)}`);
    if (before && before.status !== change.after.status)
      parts.push(
        `${this.transloco.translate('marking.gradeStatus.' + before.status)} → ${this.transloco.translate('marking.gradeStatus.' + change.after.status)}`,
      );
    if ((before?.feedback ?? null) !== change.after.feedback)
      parts.push(this.transloco.translate('marking.history.feedbackChanged'));
    if ((before?.feedbackFileName ?? null) !== (change.after.feedbackFileName ?? null))
      parts.push(this.transloco.translate('marking.history.fileChanged'));
    return parts.join(' · ');
  }

  protected reload(): void {
    this.conflict.set(false);
    this.problems.set([]);
    this.resource.reload();
  }

  protected async save(status: 'draft' | 'ready'): Promise<MarkingView | null> {
    const view = this.current();
    if (!view || this.busy()) return null;
    if (this.pointsInvalid()) {
      this.problems.set([
        this.transloco.translate('marking.form.pointsRange', { max: view.activity.maxPoints }),
      ]);
      return null;
    }
    if (status === 'ready' && !this.complete()) {
      this.problems.set([
        this.transloco.translate(
          view.activity.rubric ? 'marking.form.rubricIncomplete' : 'marking.form.pointsRequired',
        ),
      ]);
      return null;
    }
    const body: SaveMarkRequest = {
      feedback: this.feedback(),
      status,
      expectedVersion: view.grade?.version ?? null,
      ...(view.activity.rubric ? { rubricMarks: this.marks() } : { rawPoints: this.rawPoints() }),
    };
    this.busy.set(status);
    this.problems.set([]);
    try {
      const saved = await this.marking.save(view.activity.id, view.participant.enrolmentId, body);
      this.current.set(saved);
      this.baseline.set(saved);
      this.notices.show(
        this.transloco.translate(
          saved.grade?.status === 'released'
            ? 'marking.form.savedReleased'
            : status === 'ready'
              ? 'marking.form.savedReady'
              : 'marking.form.savedDraft',
        ),
      );
      return saved;
    } catch (error) {
      this.failed(error);
      return null;
    } finally {
      this.busy.set(null);
    }
  }

  /** Saves what the form holds as ready when needed, then releases that version. */
  protected async release(): Promise<void> {
    let view = this.current();
    if (!view || this.busy()) return;
    if (!view.grade || this.dirty() || view.grade.status === 'draft') {
      view = await this.save('ready');
      if (!view?.grade) return;
    }
    const grade = view.grade;
    if (!grade) return;
    this.busy.set('release');
    try {
      const released = await this.marking.release(
        view.activity.id,
        view.participant.enrolmentId,
        grade.version,
      );
      this.current.set(released);
      this.baseline.set(released);
      this.notices.show(this.transloco.translate('marking.form.released'));
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async attach(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const view = this.current();
    if (!file || !view || this.busy()) return;
    this.busy.set('file');
    this.problems.set([]);
    try {
      this.current.set(
        await this.marking.attachFeedbackFile(
          view.activity.id,
          view.participant.enrolmentId,
          file,
          view.grade?.version ?? null,
        ),
      );
      this.notices.show(this.transloco.translate('marking.file.attached'));
    } catch (error) {
      const status = statusOf(error);
      if (status === 413 || status === 415)
        this.problems.set([this.transloco.translate(`marking.file.refused${status}`)]);
      else this.failed(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async removeFile(): Promise<void> {
    const view = this.current();
    if (!view?.grade || this.busy()) return;
    this.busy.set('file');
    try {
      this.current.set(
        await this.marking.removeFeedbackFile(
          view.activity.id,
          view.participant.enrolmentId,
          view.grade.version,
        ),
      );
      this.notices.show(this.transloco.translate('marking.file.removed'));
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async download(url: string, name: string): Promise<void> {
    try {
      await this.marking.download(url, name);
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'marking.file.downloadFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    }
  }

  private failed(error: unknown): void {
    const status = statusOf(error);
    if (status === 409 && /changed/i.test(problemOf(error)?.detail ?? '')) {
      this.conflict.set(true);
      return;
    }
    if (status === 400 || status === 409) {
      const readable = speaksReadersLanguage(error, this.language.active());
      const problem = problemOf(error);
      const messages = readable
        ? [problem?.detail ?? '', ...(problem?.errors ?? []).map((e) => `${e.path}: ${e.message}`)].filter(
            Boolean,
          )
        : [];
      this.problems.set(messages.length ? messages : [this.transloco.translate('errors.invalidInput')]);
      return;
    }
    this.problems.set([this.transloco.translate(status === 0 ? 'errors.offline' : 'errors.unexpected')]);
  }
}
