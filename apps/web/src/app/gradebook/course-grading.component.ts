import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CourseGradingInput, CourseGradingView } from '@aula/contracts';
import { gradebookApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problemOf, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NoticeService } from '../shared/notice.service';
import { formatNumber, titleIn } from './gradebook-text';

interface ItemDraft {
  activityId: string;
  weight: string;
  category: string;
}

/**
 * `/gradebook/courses/:id` (administrators): how the course total is made — weight and category
 * of each quiz and assignment, weight of each category, the pass mark, and whether completing
 * the course needs it. Max points are set with each quiz or assignment and only shown here.
 */
@Component({
  selector: 'aula-course-grading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './course-grading.component.html',
  styleUrl: './course-grading.component.scss',
})
export default class CourseGradingComponent {
  private readonly http = inject(HttpClient);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly courseId = computed(() => this.params().get('id') ?? '');
  protected readonly settings = httpResource<CourseGradingView>(() =>
    routeUrl(gradebookApi.grading, { id: this.courseId() }),
  );
  protected readonly view = computed(() => (this.settings.hasValue() ? this.settings.value() : null));
  protected readonly notFound = computed(() => [403, 404].includes(statusOf(this.settings.error())));

  protected readonly passPercent = signal('');
  protected readonly requiresPass = signal(false);
  protected readonly items = signal<ItemDraft[]>([]);
  protected readonly categoryWeights = signal<Record<string, string>>({});
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly titles = computed(
    () =>
      new Map(
        (this.view()?.items ?? []).map((i) => [
          i.activityId,
          { ...titleIn(i.title, this.language.active()), max: i.maxPoints, kind: i.kind },
        ]),
      ),
  );
  /** Categories in use, in the order items name them. */
  protected readonly categories = computed(() => [
    ...new Set(
      this.items()
        .map((i) => i.category.trim())
        .filter(Boolean),
    ),
  ]);

  constructor() {
    effect(() => {
      const view = this.view();
      if (!view) return;
      this.passPercent.set(view.passPercent === null ? '' : String(view.passPercent));
      this.requiresPass.set(view.completionRequiresPass);
      this.items.set(
        view.items.map((i) => ({
          activityId: i.activityId,
          weight: String(i.weight),
          category: i.category ?? '',
        })),
      );
      this.categoryWeights.set(
        Object.fromEntries(Object.entries(view.categoryWeights).map(([k, v]) => [k, String(v)])),
      );
    });
  }

  protected number(value: number): string {
    return formatNumber(value, this.language.tag());
  }

  protected setItem(index: number, field: 'weight' | 'category', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.items.update((items) => items.map((item, i) => (i === index ? { ...item, [field]: value } : item)));
  }

  protected setCategoryWeight(name: string, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.categoryWeights.update((w) => ({ ...w, [name]: value }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    const parse = (text: string) => (text.trim() === '' ? NaN : Number(text.replace(',', '.')));
    const pass = this.passPercent().trim() === '' ? null : parse(this.passPercent());
    const weights: Record<string, number> = {};
    for (const name of this.categories()) weights[name] = parse(this.categoryWeights()[name] ?? '1');
    const body: CourseGradingInput = {
      passPercent: pass,
      completionRequiresPass: this.requiresPass(),
      categoryWeights: weights,
      items: this.items().map((i) => ({
        activityId: i.activityId,
        weight: parse(i.weight),
        category: i.category.trim() || null,
      })),
    };
    this.saving.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.http.put<CourseGradingView>(routeUrl(gradebookApi.saveGrading, { id: this.courseId() }), body),
      );
      this.settings.reload();
      this.notices.show(this.transloco.translate('gradebook.settings.saved'));
    } catch (error) {
      const path = problemOf(error)?.errors?.[0]?.path;
      this.error.set(
        statusOf(error) === 0
          ? this.transloco.translate('errors.offline')
          : path
            ? this.transloco.translate('gradebook.settings.checkField', { field: this.fieldName(path) })
            : this.transloco.translate('errors.unexpected'),
      );
    } finally {
      this.saving.set(false);
    }
  }

  private fieldName(path: string): string {
    const item = /^items\.(\d+)\./.exec(path);
    if (item) return this.titles().get(this.items()[Number(item[1])]?.activityId ?? '')?.text ?? path;
    if (path.startsWith('categoryWeights'))
      return this.transloco.translate('gradebook.settings.categoryWeights');
    if (path === 'passPercent') return this.transloco.translate('gradebook.settings.passPercent');
    return path;
  }
}
