import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { ActivityView, LearnerDashboard, Locale } from '@aula/contracts';
import { learningApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { MANUAL_KINDS } from '../core/catalog/catalog-rules';
import { LANGUAGE_TAGS, isLocale } from '../core/i18n/languages';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { FileSizePipe } from '../shared/file-size.pipe';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { ProgressMeterComponent } from '../shared/progress-meter.component';
import { LearningService } from './learning.service';
import { AssignmentSubmissionComponent } from '../assignment/assignment-submission.component';
import { QuizPlayerComponent } from '../quiz/quiz-player.component';

/** Only web addresses open from an activity; anything else (`javascript:`, `data:`) is not a link. */
function webAddress(url: string | null): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * `/learn/activities/:id`: one activity of a course (page, file, link), "mark as done",
 * previous/next and the course progress. `?lang=` keeps the language chosen on the course page.
 */
@Component({
  selector: 'aula-activity-player',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    IconComponent,
    ProgressMeterComponent,
    FileSizePipe,
    AssignmentSubmissionComponent,
    QuizPlayerComponent,
  ],
  templateUrl: './activity-player.component.html',
  styleUrl: './activity-player.component.scss',
})
export default class ActivityPlayerComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly learning = inject(LearningService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly id = computed(() => this.params().get('id') ?? '');
  private readonly chosenLocale = computed<Locale | null>(() => {
    const lang = this.queryParams().get('lang');
    return isLocale(lang) ? lang : null;
  });
  protected readonly linkParams = computed(() => {
    const locale = this.chosenLocale();
    return locale ? { lang: locale } : {};
  });
  protected readonly tags = LANGUAGE_TAGS;

  protected readonly activity = httpResource<ActivityView>(() => {
    const locale = this.chosenLocale();
    const params: Record<string, string> = locale ? { locale } : {};
    return { url: routeUrl(learningApi.activity, { id: this.id() }), params };
  });
  /** For the course's name, address and the reader's progress in it. */
  protected readonly dashboard = httpResource<LearnerDashboard>(() => learningApi.dashboard.path);

  protected readonly view = computed(() => (this.activity.hasValue() ? this.activity.value() : null));
  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.activity.error())));
  protected readonly place = computed(() => {
    const courseId = this.view()?.courseId;
    const cohorts = this.dashboard.hasValue() ? this.dashboard.value().cohorts : [];
    return (
      cohorts.find(
        (entry) => entry.course.id === courseId && ['active', 'completed'].includes(entry.enrolment.status),
      ) ?? null
    );
  });
  protected readonly progress = linkedSignal(() => this.place()?.enrolment.progressPercent ?? null);
  protected readonly done = linkedSignal(() => this.view()?.done);
  protected readonly canMarkDone = computed(() => {
    const view = this.view();
    return !!view && view.done !== undefined && MANUAL_KINDS.includes(view.kind);
  });
  protected readonly link = computed(() => webAddress(this.view()?.url ?? null));
  protected readonly marking = signal(false);
  protected readonly downloading = signal(false);

  constructor() {
    pageTitleFrom(() => this.view()?.title);
  }

  protected async markDone(): Promise<void> {
    const view = this.view();
    if (!view || this.marking() || this.done()) return;
    this.marking.set(true);
    try {
      const enrolment = await this.learning.markDone(view.id);
      this.done.set(true);
      this.progress.set(enrolment.progressPercent);
      this.notices.show(
        this.transloco.translate(
          enrolment.status === 'completed' ? 'activity.courseCompleted' : 'activity.markedDone',
        ),
      );
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'activity.markFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.marking.set(false);
    }
  }

  protected async download(): Promise<void> {
    const view = this.view();
    if (!view?.file || this.downloading()) return;
    this.downloading.set(true);
    try {
      await this.learning.downloadFile(view.id, view.file.name);
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'activity.downloadFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.downloading.set(false);
    }
  }
}
