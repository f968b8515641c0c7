import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { ActivityKind, CohortSummary, CoursePageView, EnrolmentStatus, Locale } from '@aula/contracts';
import { learningApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { LANGUAGE_TAGS, isLocale } from '../core/i18n/languages';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { PlatformService } from '../core/platform/platform.service';
import { LearningService } from '../learner/learning.service';
import { CohortDatesComponent } from '../shared/cohort-dates.component';
import { seatsText } from '../shared/cohort-offer';
import { EnrolmentStatusComponent } from '../shared/enrolment-status.component';
import { IconComponent, IconName } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { ProgressMeterComponent } from '../shared/progress-meter.component';

const KIND_ICONS: Record<ActivityKind, IconName> = {
  page: 'page',
  file: 'file',
  link: 'link',
  quiz: 'quiz',
  assignment: 'assignment',
};

/** Enrolments that hold a place (or ask for one): the person does not choose a cohort again. */
const HOLDING: readonly EnrolmentStatus[] = ['pending', 'waitlisted', 'active', 'completed'];

/**
 * `/courses/:slug`: what a course is, what it contains, its open cohorts and the reader's place in
 * one. Public; `?lang=` reads it in another of its languages.
 */
@Component({
  selector: 'aula-course-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    IconComponent,
    CohortDatesComponent,
    EnrolmentStatusComponent,
    ProgressMeterComponent,
  ],
  templateUrl: './course-page.component.html',
  styleUrl: './course-page.component.scss',
})
export default class CoursePageComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);
  private readonly learning = inject(LearningService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly slug = computed(() => this.params().get('slug') ?? '');
  /** The language the reader picked on this page, if any; otherwise the API chooses (profile, browser). */
  protected readonly chosenLocale = computed<Locale | null>(() => {
    const lang = this.queryParams().get('lang');
    return isLocale(lang) ? lang : null;
  });

  protected readonly tags = LANGUAGE_TAGS;
  protected readonly kindIcons = KIND_ICONS;
  protected readonly seats = seatsText;
  protected readonly signedIn = this.auth.signedIn;
  protected readonly platform = inject(PlatformService).info;
  protected readonly busyCohortId = signal<string | null>(null);
  protected readonly confirmingLeave = signal(false);
  protected readonly leaving = signal(false);

  protected readonly course = httpResource<CoursePageView>(() => {
    const slug = this.slug();
    // Read so the page is fetched again after signing in or out (it shows the reader's enrolment)
    // and when the interface language changes (the API answers in it unless `?lang=` says otherwise).
    this.auth.user();
    this.language.active();
    const locale = this.chosenLocale();
    const params: Record<string, string> = locale ? { locale } : {};
    return { url: routeUrl(learningApi.course, { slug }), params };
  });
  protected readonly view = computed(() => (this.course.hasValue() ? this.course.value() : null));
  protected readonly notFound = computed(() => statusOf(this.course.error()) === 404);

  /** The reader's enrolment when it holds a place; withdrawn ones let them choose again. */
  protected readonly enrolment = computed(() => {
    const enrolment = this.view()?.enrolment;
    return enrolment && HOLDING.includes(enrolment.status) ? enrolment : null;
  });
  protected readonly enrolledCohort = computed(() => {
    const enrolment = this.enrolment();
    return this.view()?.openCohorts.find((cohort) => cohort.id === enrolment?.cohortId) ?? null;
  });
  protected readonly canOpenActivities = computed(() => {
    const status = this.enrolment()?.status;
    return status === 'active' || status === 'completed' || this.auth.hasRole('admin');
  });
  /** Where "continue" leads: the first activity not done, else the first one. */
  protected readonly nextActivityId = computed(() => {
    const activities = this.view()?.modules.flatMap((module) => module.activities) ?? [];
    return (activities.find((activity) => activity.done === false) ?? activities[0])?.id ?? null;
  });
  protected readonly activityCount = computed(
    () => this.view()?.modules.reduce((sum, module) => sum + module.activities.length, 0) ?? 0,
  );
  /** The course is not offered in the interface language: say which language it is shown in. */
  protected readonly fallbackFrom = computed<Locale | null>(() => {
    const view = this.view();
    const wanted = this.chosenLocale() ?? this.language.active();
    return view && view.locale !== wanted && !view.locales.includes(wanted) ? wanted : null;
  });
  protected readonly activityParams = computed(() => {
    const locale = this.chosenLocale();
    return locale ? { lang: locale } : {};
  });
  protected readonly signInParams = computed(() => ({ returnUrl: `/courses/${this.slug()}` }));

  constructor() {
    pageTitleFrom(() => this.view()?.title);
  }

  protected async enrol(cohort: CohortSummary): Promise<void> {
    if (this.busyCohortId()) return;
    this.busyCohortId.set(cohort.id);
    try {
      const enrolment = await this.learning.enrol(cohort.id);
      const key =
        enrolment.status === 'pending'
          ? 'course.requested'
          : enrolment.status === 'waitlisted'
            ? 'course.waitlisted'
            : 'course.enrolled';
      this.notices.show(this.transloco.translate(key, { cohort: cohort.name }));
      this.course.reload();
    } catch (error) {
      this.showError(error, {
        403: 'course.inviteOnly',
        404: 'course.cohortGone',
        409: 'course.enrolConflict',
      });
      this.course.reload();
    } finally {
      this.busyCohortId.set(null);
    }
  }

  protected async leave(): Promise<void> {
    const enrolment = this.enrolment();
    if (!enrolment || this.leaving()) return;
    this.leaving.set(true);
    try {
      await this.learning.withdraw(enrolment.id);
      this.confirmingLeave.set(false);
      this.notices.show(this.transloco.translate('course.left'));
      this.course.reload();
    } catch (error) {
      this.showError(error, { 409: 'course.leaveFailed' });
    } finally {
      this.leaving.set(false);
    }
  }

  private showError(error: unknown, keys: Record<number, string>): void {
    const status = statusOf(error);
    const detail = problemOf(error)?.detail;
    if (detail && speaksReadersLanguage(error, this.language.active()) && status !== 0) {
      this.notices.show(detail, 'error');
      return;
    }
    const key = status === 0 ? 'errors.offline' : (keys[status] ?? 'errors.unexpected');
    this.notices.show(this.transloco.translate(key), 'error');
  }
}
