import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type {
  ActivityAdminView,
  ActivityKind,
  CourseAdminView,
  CourseStatus,
  CourseUpdate,
  Locale,
  ModuleAdminView,
  Translations,
} from '@aula/contracts';
import { catalogApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';
import { TEXT_LIMITS } from '../core/catalog/catalog-rules';
import { LanguageService } from '../core/i18n/language.service';
import { PlatformService } from '../core/platform/platform.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { focusFirstInvalid } from '../auth/auth-forms';
import { ConfirmDialogComponent, ConfirmDialogData } from '../shared/confirm-dialog.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent, IconName } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { ActivityDialogComponent, ActivityDialogData } from './activity-dialog.component';
import { AdminCatalogService } from './admin-catalog.service';
import {
  integerValidator,
  parseReminderHours,
  reminderHoursValidator,
  slugValidator,
} from './admin-validators';
import {
  DuplicateCourseDialogComponent,
  DuplicateCourseDialogData,
} from './duplicate-course-dialog.component';
import { ItemActionsComponent } from './item-actions.component';
import { LanguageTabsComponent } from './language-tabs.component';
import { ModuleDialogComponent, ModuleDialogData } from './module-dialog.component';
import { RichTextFieldComponent } from './rich-text-field.component';
import {
  controlForPath,
  displayLocale,
  displayText,
  filledLocales,
  invalidLocales,
  toRichText,
  toTranslations,
} from './translations';

const KIND_ICONS: Record<ActivityKind, IconName> = {
  page: 'page',
  file: 'file',
  link: 'link',
  quiz: 'quiz',
  assignment: 'assignment',
};

const DIALOG = { width: '42rem', maxWidth: 'calc(100vw - 32px)', autoFocus: 'first-tabbable' } as const;

/** Which button gets focus back after a move, so keyboard users can keep moving the same item. */
interface MoveFocus {
  id: string;
  direction: 'up' | 'down';
}

/**
 * `/admin/courses/:id`: a course's details in every language, its modules and activities (add,
 * edit, delete, reorder with buttons), files, status and duplication.
 */
@Component({
  selector: 'aula-course-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    FieldErrorComponent,
    IconComponent,
    ItemActionsComponent,
    LanguageTabsComponent,
    RichTextFieldComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './course-editor.component.html',
  styleUrl: './course-editor.component.scss',
})
export default class CourseEditorComponent {
  private readonly catalog = inject(AdminCatalogService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly platform = inject(PlatformService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly kindIcons = KIND_ICONS;
  protected readonly courseId = computed(() => this.params().get('id') ?? '');
  protected readonly course = httpResource<CourseAdminView>(
    () => routeUrl(catalogApi.course, { id: this.courseId() }),
  );
  protected readonly view = computed(() => (this.course.hasValue() ? this.course.value() : null));
  protected readonly notFound = computed(() => statusOf(this.course.error()) === 404);

  protected readonly activeLocale = signal<Locale>('en');
  protected readonly invalid = signal<Locale[]>([]);
  protected readonly saving = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly statusBusy = signal(false);
  /** Messages saying what keeps the course from being published. */
  protected readonly publishProblems = signal<string[]>([]);
  /** Id of the module or activity being moved or deleted. */
  protected readonly busyId = signal<string | null>(null);

  private readonly localeGroup = () =>
    this.fb.group({
      title: ['', [Validators.maxLength(TEXT_LIMITS.title)]],
      summary: ['', [Validators.maxLength(TEXT_LIMITS.summary)]],
      description: [''],
    });
  protected readonly form = this.fb.group({
    slug: ['', [Validators.required, slugValidator]],
    defaultLocale: ['en' as Locale, [Validators.required]],
    estimatedHours: ['', [integerValidator, Validators.min(1), Validators.max(1000)]],
    topics: [''],
    reminderDefault: [true],
    // Named as the API's field, so a 400 naming it lands on this control.
    reminderOffsetsHours: [{ value: '', disabled: true }, [reminderHoursValidator]],
    text: this.fb.group({ en: this.localeGroup(), es: this.localeGroup(), pt: this.localeGroup() }),
  });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly filled = computed(() => filledLocales(this.formValue().text ?? {}));
  protected readonly defaultLocale = computed(
    () => (this.formValue().defaultLocale ?? this.view()?.defaultLocale ?? 'en') as Locale,
  );
  protected readonly title = computed(() => {
    const view = this.view();
    return view ? this.text(view.title) : '';
  });

  constructor() {
    pageTitleFrom(() => this.title());
    // The course's own hours are asked for (and checked) only when it leaves the platform's default.
    this.form.controls.reminderDefault.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((useDefault) => this.syncReminderHours(useDefault));
    // The details form follows the course when it (re)loads as another course; saving resets it too.
    let shownId: string | null = null;
    effect(() => {
      const view = this.view();
      if (!view || view.id === shownId) return;
      shownId = view.id;
      untracked(() => {
        this.resetForm(view);
        this.activeLocale.set(view.defaultLocale);
      });
    });
  }

  // ---- display ----

  protected text(value: Translations): string {
    const view = this.view();
    return displayText(value, this.language.active(), view?.defaultLocale ?? 'en');
  }

  protected textLocale(value: Translations): Locale {
    const view = this.view();
    return displayLocale(value, this.language.active(), view?.defaultLocale ?? 'en');
  }

  /** Languages of the course that this item has no title in (shown as a warning next to it). */
  protected missingTitles(value: Translations): Locale[] {
    return (this.view()?.locales ?? []).filter((locale) => !value[locale]?.trim());
  }

  /** "English and Português", as the interface language writes a list. */
  protected languageList(locales: Locale[], t: (key: string) => string): string {
    const names = locales.map((locale) => t(`languageNames.${locale}`));
    return new Intl.ListFormat(this.language.tag(), { type: 'conjunction' }).format(names);
  }

  /** "72 h and 24 h": the platform's reminder hours, as the interface language writes a list. */
  protected platformReminderHours(t: (key: string, params?: Record<string, unknown>) => string): string {
    const hours = this.platform
      .info()
      .reminderOffsetsHours.map((h) => t('admin.course.reminders.hour', { hours: h }));
    return new Intl.ListFormat(this.language.tag(), { type: 'conjunction' }).format(hours);
  }

  protected activityLabel(activity: ActivityAdminView, index: number): string {
    return (
      this.text(activity.title) ||
      this.transloco.translate('admin.course.activityNumber', { number: index + 1 })
    );
  }

  // ---- details ----

  protected async save(): Promise<void> {
    const view = this.view();
    if (!view || this.saving()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    const value = this.form.getRawValue();
    const main = this.form.controls.text.controls[value.defaultLocale].controls.title;
    if (!value.text[value.defaultLocale].title.trim()) {
      main.setErrors({ required: true });
      main.markAsTouched();
    }
    if (this.form.invalid) return this.showInvalid();

    const pick = (field: 'title' | 'summary' | 'description', rich = false) =>
      toTranslations(
        Object.fromEntries(
          APP_LOCALES.map((locale) => {
            const text = value.text[locale][field];
            return [locale, rich ? toRichText(text) : text];
          }),
        ),
      );
    const body: CourseUpdate = {
      slug: value.slug.trim(),
      defaultLocale: value.defaultLocale,
      title: pick('title'),
      summary: pick('summary'),
      description: pick('description', true),
      topics: [
        ...new Set(
          value.topics
            .split(/[,\n]/)
            .map((topic) => topic.trim())
            .filter(Boolean),
        ),
      ],
      estimatedHours: String(value.estimatedHours).trim() ? Number(value.estimatedHours) : null,
      reminderOffsetsHours: value.reminderDefault ? null : this.reminderHours(value.reminderOffsetsHours),
    };
    this.saving.set(true);
    try {
      const saved = await this.catalog.updateCourse(view.id, body);
      this.course.set(saved);
      this.resetForm(saved);
      this.invalid.set([]);
      this.notices.show(this.transloco.translate('admin.course.saved'));
    } catch (error) {
      const status = statusOf(error);
      if (status === 409) {
        this.form.controls.slug.setErrors({ slugTaken: true });
        this.form.controls.slug.markAsTouched();
      } else if (status === 400) {
        const { unclaimed, messages } = applyFieldErrors(
          this.form,
          error,
          this.language.active(),
          controlForPath(this.form),
        );
        this.otherMessages.set(messages);
        if (unclaimed > messages.length) this.failureKey.set('errors.invalidInput');
      } else {
        this.failureKey.set(status === 0 ? 'errors.offline' : 'errors.unexpected');
      }
      this.showInvalid();
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    const view = this.view();
    if (view) this.resetForm(view);
    this.invalid.set([]);
    this.failureKey.set(null);
  }

  // ---- status and copies ----

  protected async setStatus(status: CourseStatus): Promise<void> {
    const view = this.view();
    if (!view || this.statusBusy()) return;
    this.statusBusy.set(true);
    this.publishProblems.set([]);
    try {
      const saved = await this.catalog.setStatus(view.id, status);
      this.course.set(saved);
      this.notices.show(this.transloco.translate(`admin.course.statusChanged.${status}`));
    } catch (error) {
      if (statusOf(error) === 409 && status === 'published') {
        const problems = (problemOf(error)?.errors ?? []).map((e) => this.describeProblem(e.path));
        this.publishProblems.set(
          problems.length ? problems : [this.transloco.translate('admin.course.problems.other')],
        );
        afterNextRender(
          { write: () => this.host.nativeElement.querySelector<HTMLElement>('#publish-problems')?.focus() },
          { injector: this.injector },
        );
      } else {
        const key = statusOf(error) === 0 ? 'errors.offline' : 'admin.course.statusFailed';
        this.notices.show(this.transloco.translate(key), 'error');
      }
    } finally {
      this.statusBusy.set(false);
    }
  }

  protected async duplicate(): Promise<void> {
    const view = this.view();
    if (!view) return;
    const ref = this.dialog.open<DuplicateCourseDialogComponent, DuplicateCourseDialogData, CourseAdminView>(
      DuplicateCourseDialogComponent,
      { ...DIALOG, width: '32rem', data: { course: view, title: this.title() } },
    );
    const copy = await firstValueFrom(ref.afterClosed());
    if (!copy) return;
    await this.router.navigate(['/admin/courses', copy.id]);
    this.notices.show(this.transloco.translate('admin.course.duplicated'));
  }

  // ---- modules ----

  protected async editModule(module?: ModuleAdminView): Promise<void> {
    const view = this.view();
    if (!view) return;
    const ref = this.dialog.open<ModuleDialogComponent, ModuleDialogData, ModuleAdminView>(
      ModuleDialogComponent,
      {
        ...DIALOG,
        width: '34rem',
        data: { courseId: view.id, defaultLocale: view.defaultLocale, module },
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.updateModules((modules) =>
      module ? modules.map((m) => (m.id === saved.id ? saved : m)) : [...modules, saved],
    );
    this.notices.show(this.transloco.translate(module ? 'admin.module.saved' : 'admin.module.added'));
  }

  protected async deleteModule(module: ModuleAdminView): Promise<void> {
    const name = this.text(module.title);
    if (!(await this.confirm('admin.module.deleteDialog', name))) return;
    await this.structural(module.id, async () => {
      await this.catalog.deleteModule(module.id);
      this.updateModules((modules) => modules.filter((m) => m.id !== module.id));
      this.notices.show(this.transloco.translate('admin.module.deleted', { name }));
    });
  }

  protected async moveModule(index: number, delta: -1 | 1): Promise<void> {
    const view = this.view();
    const module = view?.modules[index];
    if (!view || !module || !view.modules[index + delta]) return;
    const ids = view.modules.map((m) => m.id);
    [ids[index], ids[index + delta]] = [ids[index + delta] as string, ids[index] as string];
    await this.structural(module.id, async () => {
      this.course.set(await this.catalog.reorderModules(view.id, ids));
      this.afterMove({ id: module.id, direction: delta < 0 ? 'up' : 'down' }, 'admin.module.moved', {
        name: this.text(module.title),
        position: index + delta + 1,
        count: ids.length,
      });
    });
  }

  // ---- activities ----

  protected async editActivity(module: ModuleAdminView, activity?: ActivityAdminView): Promise<void> {
    const view = this.view();
    if (!view) return;
    const ref = this.dialog.open<ActivityDialogComponent, ActivityDialogData, ActivityAdminView>(
      ActivityDialogComponent,
      {
        ...DIALOG,
        disableClose: true,
        data: { moduleId: module.id, defaultLocale: view.defaultLocale, activity },
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.updateModules((modules) =>
      modules.map((m) =>
        m.id !== module.id
          ? m
          : {
              ...m,
              activities: m.activities.some((a) => a.id === saved.id)
                ? m.activities.map((a) => (a.id === saved.id ? saved : a))
                : [...m.activities, saved],
            },
      ),
    );
    this.notices.show(this.transloco.translate(activity ? 'admin.activity.saved' : 'admin.activity.added'));
  }

  protected async deleteActivity(
    module: ModuleAdminView,
    activity: ActivityAdminView,
    index: number,
  ): Promise<void> {
    const name = this.activityLabel(activity, index);
    if (!(await this.confirm('admin.activity.deleteDialog', name))) return;
    await this.structural(activity.id, async () => {
      await this.catalog.deleteActivity(activity.id);
      this.updateModules((modules) =>
        modules.map((m) =>
          m.id === module.id ? { ...m, activities: m.activities.filter((a) => a.id !== activity.id) } : m,
        ),
      );
      this.notices.show(this.transloco.translate('admin.activity.deleted', { name }));
    });
  }

  protected async moveActivity(module: ModuleAdminView, index: number, delta: -1 | 1): Promise<void> {
    const activity = module.activities[index];
    if (!activity || !module.activities[index + delta]) return;
    const ids = module.activities.map((a) => a.id);
    [ids[index], ids[index + delta]] = [ids[index + delta] as string, ids[index] as string];
    await this.structural(activity.id, async () => {
      const saved = await this.catalog.reorderActivities(module.id, ids);
      this.updateModules((modules) => modules.map((m) => (m.id === saved.id ? saved : m)));
      this.afterMove({ id: activity.id, direction: delta < 0 ? 'up' : 'down' }, 'admin.activity.moved', {
        name: this.activityLabel(activity, index),
        position: index + delta + 1,
        count: ids.length,
      });
    });
  }

  // ---- helpers ----

  private resetForm(view: CourseAdminView): void {
    const localeValue = (locale: Locale) => ({
      title: view.title[locale] ?? '',
      summary: view.summary[locale] ?? '',
      description: view.description[locale] ?? '',
    });
    this.form.reset({
      slug: view.slug,
      defaultLocale: view.defaultLocale,
      estimatedHours: view.estimatedHours === null ? '' : String(view.estimatedHours),
      topics: view.topics.join(', '),
      reminderDefault: view.reminderOffsetsHours === null,
      reminderOffsetsHours: (view.reminderOffsetsHours ?? []).join(', '),
      text: { en: localeValue('en'), es: localeValue('es'), pt: localeValue('pt') },
    });
    this.syncReminderHours(view.reminderOffsetsHours === null);
  }

  /** Leaving the default starts from the platform's hours, to adjust rather than type from nothing. */
  private syncReminderHours(useDefault: boolean): void {
    const control = this.form.controls.reminderOffsetsHours;
    if (useDefault) {
      control.disable({ emitEvent: false });
      return;
    }
    if (!control.value.trim()) control.setValue(this.platform.info().reminderOffsetsHours.join(', '));
    control.enable({ emitEvent: false });
  }

  private reminderHours(text: string): number[] {
    const parsed = parseReminderHours(text);
    return Array.isArray(parsed) ? parsed : [];
  }

  /** Which rule the typed hours break, for a message that says how to fix them. */
  protected reminderError(): string | null {
    const error: unknown = this.form.controls.reminderOffsetsHours.errors?.['reminderHours'];
    return typeof error === 'string' ? error : null;
  }

  private showInvalid(): void {
    this.form.markAllAsTouched();
    const invalid = invalidLocales(this.form.controls.text);
    this.invalid.set(invalid);
    const outside = ['slug', 'defaultLocale', 'estimatedHours', 'topics', 'reminderOffsetsHours'].some(
      (name) => this.form.get(name)?.invalid,
    );
    if (!outside && invalid[0] && !invalid.includes(this.activeLocale())) this.activeLocale.set(invalid[0]);
    setTimeout(() => focusFirstInvalid(this.host.nativeElement));
  }

  private updateModules(change: (modules: ModuleAdminView[]) => ModuleAdminView[]): void {
    this.course.update((course) => (course ? { ...course, modules: change(course.modules) } : course));
  }

  private async structural(id: string, work: () => Promise<void>): Promise<void> {
    if (this.busyId()) return;
    this.busyId.set(id);
    try {
      await work();
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'admin.course.changeFailed';
      this.notices.show(this.transloco.translate(key), 'error');
      this.course.reload();
    } finally {
      this.busyId.set(null);
    }
  }

  /** Keeps the keyboard on the item that moved (the other button when it reached an end), and says where it is. */
  private afterMove(focus: MoveFocus, key: string, params: Record<string, unknown>): void {
    this.notices.show(this.transloco.translate(key, params));
    afterNextRender(
      {
        write: () => {
          const root = this.host.nativeElement;
          const same = root.querySelector<HTMLButtonElement>(`#move-${focus.direction}-${focus.id}`);
          const other = root.querySelector<HTMLButtonElement>(
            `#move-${focus.direction === 'up' ? 'down' : 'up'}-${focus.id}`,
          );
          (same && !same.disabled ? same : other)?.focus();
        },
      },
      { injector: this.injector },
    );
  }

  private async confirm(prefix: string, name: string): Promise<boolean> {
    const data: ConfirmDialogData = {
      titleKey: `${prefix}.title`,
      messageKey: `${prefix}.message`,
      confirmKey: 'actions.delete',
      name,
      destructive: true,
    };
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '30rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    return !!(await firstValueFrom(ref.afterClosed()));
  }

  /** What keeps the course from being published, from the API's field paths, in the reader's words. */
  private describeProblem(path: string): string {
    const t = (key: string, params: Record<string, unknown> = {}) =>
      this.transloco.translate(`admin.course.problems.${key}`, params);
    const language = (locale: string | undefined) =>
      this.transloco.translate(`languageNames.${locale ?? 'en'}`);
    const modules = this.view()?.modules ?? [];
    const moduleName = (i: number) =>
      this.text(modules[i]?.title ?? {}) ||
      this.transloco.translate('course.moduleNumber', { number: i + 1 });
    const activityName = (i: number, j: number) => {
      const activity = modules[i]?.activities[j];
      return activity
        ? this.activityLabel(activity, j)
        : this.transloco.translate('admin.course.activityNumber', { number: j + 1 });
    };
    let match = /^title\.(\w+)$/.exec(path);
    if (match) return t('courseTitle', { language: language(match[1]) });
    if (path === 'modules') return t('noActivities');
    match = /^modules\.(\d+)\.title\.(\w+)$/.exec(path);
    if (match)
      return t('moduleTitle', { module: moduleName(Number(match[1])), language: language(match[2]) });
    match = /^modules\.(\d+)\.activities\.(\d+)\.(title\.(\w+)|url|file)$/.exec(path);
    if (match) {
      const params = {
        module: moduleName(Number(match[1])),
        activity: activityName(Number(match[1]), Number(match[2])),
      };
      if (match[3] === 'url') return t('activityUrl', params);
      if (match[3] === 'file') return t('activityFile', params);
      return t('activityTitle', { ...params, language: language(match[4]) });
    }
    return t('other');
  }
}
