import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CourseAdminView, Locale } from '@aula/contracts';
import { catalogApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { displayText } from '../admin/translations';
import { LanguageService } from '../core/i18n/language.service';
import { QuestionBankComponent } from './question-bank.component';

/** `/admin/courses/:courseId/questions`: the course's question bank on its own. */
@Component({
  selector: 'aula-question-bank-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoDirective, QuestionBankComponent],
  template: `
    <div class="page wide" *transloco="let t">
      <nav class="breadcrumbs" [attr.aria-label]="t('shell.breadcrumbs')">
        <a routerLink="/admin">{{ t('areas.admin') }}</a>
        <span aria-hidden="true">›</span>
        <a [routerLink]="['/admin/courses', courseId()]" dir="auto">{{ courseTitle() || t('titles.adminCourse') }}</a>
        <span aria-hidden="true">›</span>
        <span aria-current="page">{{ t('quiz.admin.bankTitle') }}</span>
      </nav>
      <aula-question-bank [courseId]="courseId()" [defaultLocale]="defaultLocale()" />
    </div>
  `,
  styles: `aula-question-bank { display: block; max-width: 48rem; }`,
})
export default class QuestionBankPageComponent {
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  private readonly language = inject(LanguageService);
  protected readonly courseId = computed(() => this.params().get('courseId') ?? '');
  private readonly course = httpResource<CourseAdminView>(() => routeUrl(catalogApi.course, { id: this.courseId() }));
  protected readonly defaultLocale = computed<Locale>(() => (this.course.hasValue() ? this.course.value().defaultLocale : 'en'));
  protected readonly courseTitle = computed(() =>
    this.course.hasValue() ? displayText(this.course.value().title, this.language.active() as Locale, this.defaultLocale()) : '',
  );
}
