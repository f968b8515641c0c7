import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type {
  ActivityAdminView,
  AssignmentFileType,
  AssignmentLatePolicy,
  AssignmentSettings,
  AssignmentSettingsInput,
  CourseAdminView,
  Locale,
  RubricDefinition,
  Translations,
} from '@aula/contracts';
import {
  ASSIGNMENT_FILE_TYPES,
  ASSIGNMENT_LATE_POLICIES,
  assignmentApi,
  catalogApi,
  routeUrl,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AdminCatalogService } from '../admin/admin-catalog.service';
import { LanguageTabsComponent } from '../admin/language-tabs.component';
import { RichTextFieldComponent } from '../admin/rich-text-field.component';
import { displayText, toRichText, toTranslations } from '../admin/translations';
import { applyFieldErrors, statusOf } from '../core/api/problem';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { LanguageService } from '../core/i18n/language.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { ASSIGNMENT_LIMITS, formPathOf, rubricId } from './assignment-rules';
import { AssignmentService } from './assignment.service';

type TextGroup = FormGroup<Record<Locale, FormControl<string>>>;
type LevelGroup = FormGroup<{ id: FormControl<string>; title: TextGroup; points: FormControl<number> }>;
type CriterionGroup = FormGroup<{ id: FormControl<string>; title: TextGroup; levels: FormArray<LevelGroup> }>;

/**
 * `/admin/courses/:courseId/assignments/:activityId`: an assignment's instructions (the
 * activity's body, per language), what trainees may hand in, the late policy, resubmission,
 * blind marking, max points, and the rubric editor (criteria × levels with points; titles per
 * language). Dates are set per cohort.
 */
@Component({
  selector: 'aula-assignment-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    IconComponent,
    FieldErrorComponent,
    LanguageTabsComponent,
    RichTextFieldComponent,
  ],
  templateUrl: './assignment-settings.component.html',
  styleUrl: './assignment-settings.component.scss',
})
export default class AssignmentSettingsComponent {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(AssignmentService);
  private readonly catalog = inject(AdminCatalogService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly fileTypes = ASSIGNMENT_FILE_TYPES;
  protected readonly latePolicies = ASSIGNMENT_LATE_POLICIES;
  protected readonly limits = ASSIGNMENT_LIMITS;

  protected readonly courseId = computed(() => this.params().get('courseId') ?? '');
  protected readonly activityId = computed(() => this.params().get('activityId') ?? '');
  protected readonly course = httpResource<CourseAdminView>(
    () => routeUrl(catalogApi.course, { id: this.courseId() }),
  );
  protected readonly settings = httpResource<AssignmentSettings>(
    () => routeUrl(assignmentApi.settings, { activityId: this.activityId() }),
  );
  protected readonly activity = computed<ActivityAdminView | null>(() => {
    if (!this.course.hasValue()) return null;
    const id = this.activityId();
    return this.course.value().modules.flatMap((m) => m.activities).find((a) => a.id === id) ?? null;
  });
  protected readonly defaultLocale = computed<Locale>(() => (this.course.hasValue() ? this.course.value().defaultLocale : 'en'));
  protected readonly title = computed(() => {
    const activity = this.activity();
    return activity ? displayText(activity.title, this.language.active() as Locale, this.defaultLocale()) : '';
  });
  protected readonly loadError = computed(() => this.course.error() ?? this.settings.error());
  protected readonly notFound = computed(
    () => [404, 409].includes(statusOf(this.loadError())) || (this.course.hasValue() && !this.activity()),
  );

  protected readonly activeLocale = signal<Locale>('en');
  protected readonly saving = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  private readonly loaded = signal(false);

  protected readonly form = this.fb.group({
    instructions: this.textGroup(),
    acceptsText: true,
    acceptsFiles: true,
    maxFiles: [3, [Validators.required, Validators.min(1), Validators.max(ASSIGNMENT_LIMITS.maxFiles)]],
    maxFileMb: [10, [Validators.required, Validators.min(0.01), Validators.max(ASSIGNMENT_LIMITS.maxFileMb)]],
    allowedFileTypes: this.fb.group(
      Object.fromEntries(ASSIGNMENT_FILE_TYPES.map((type) => [type, false])) as Record<AssignmentFileType, boolean>,
    ),
    latePolicy: 'accept' as AssignmentLatePolicy,
    latePenaltyPercentPerDay: [0, [Validators.required, Validators.min(0), Validators.max(100)]],
    allowResubmission: true,
    blindMarking: false,
    maxPoints: [100, [Validators.required, Validators.min(0.01), Validators.max(100000)]],
    useRubric: false,
    criteria: this.fb.array<CriterionGroup>([]),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly latePolicy = computed(() => this.value().latePolicy);
  protected readonly useRubric = computed(() => !!this.value().useRubric);
  protected readonly rubricTotal = computed(() =>
    (this.value().criteria ?? []).reduce(
      (sum, c) => sum + Math.max(0, ...(c.levels ?? []).map((l) => Number(l.points) || 0)),
      0,
    ),
  );
  protected readonly filled = computed(() =>
    APP_LOCALES.filter((l) => (this.value().instructions?.[l] ?? '').trim().length > 0),
  );

  constructor() {
    pageTitleFrom(() => this.title());
    effect(() => {
      const activity = this.activity();
      if (!activity || !this.settings.hasValue() || untracked(this.loaded)) return;
      const settings = this.settings.value();
      untracked(() => {
        this.activeLocale.set(this.defaultLocale());
        this.fill(activity, settings);
        this.loaded.set(true);
      });
    });
    this.form.controls.useRubric.valueChanges.subscribe((use) => {
      if (use && this.criteria.length === 0) this.addCriterion();
    });
  }

  protected get criteria(): FormArray<CriterionGroup> {
    return this.form.controls.criteria;
  }

  protected addCriterion(): void {
    this.criteria.push(
      this.criterionGroup({
        id: rubricId('c'),
        title: {},
        levels: [
          { id: rubricId('l'), title: {}, points: 0 },
          { id: rubricId('l'), title: {}, points: 1 },
        ],
      }),
    );
    this.form.markAsDirty();
  }

  protected removeCriterion(index: number): void {
    this.criteria.removeAt(index);
    this.form.markAsDirty();
  }

  protected moveCriterion(index: number, step: -1 | 1): void {
    const target = index + step;
    if (target < 0 || target >= this.criteria.length) return;
    const control = this.criteria.at(index);
    this.criteria.removeAt(index);
    this.criteria.insert(target, control);
    this.form.markAsDirty();
  }

  protected addLevel(criterion: CriterionGroup): void {
    const levels = criterion.controls.levels;
    const top = Math.max(0, ...levels.getRawValue().map((l) => l.points));
    levels.push(this.levelGroup({ id: rubricId('l'), title: {}, points: top + 1 }));
    this.form.markAsDirty();
  }

  protected removeLevel(criterion: CriterionGroup, index: number): void {
    criterion.controls.levels.removeAt(index);
    this.form.markAsDirty();
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    const value = this.form.getRawValue();
    const types = ASSIGNMENT_FILE_TYPES.filter((type) => value.allowedFileTypes[type]);
    if (value.acceptsFiles && types.length === 0) {
      this.failureKey.set('assignment.admin.noTypes');
      return;
    }
    if (!value.acceptsText && !value.acceptsFiles) {
      this.failureKey.set('assignment.admin.acceptNothing');
      return;
    }
    if (value.useRubric) {
      for (const criterion of this.criteria.controls) {
        for (const group of [criterion.controls.title, ...criterion.controls.levels.controls.map((l) => l.controls.title)]) {
          const texts = group.getRawValue();
          if (!APP_LOCALES.some((l) => texts[l].trim())) {
            group.controls[this.defaultLocale()].setErrors({ required: true });
            group.controls[this.defaultLocale()].markAsTouched();
          }
        }
      }
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.failureKey.set('errors.invalidInput');
      return;
    }
    const rubric: RubricDefinition | null = value.useRubric
      ? {
          criteria: value.criteria.map((c) => ({
            id: c.id,
            title: toTranslations(c.title),
            levels: c.levels.map((l) => ({ id: l.id, title: toTranslations(l.title), points: Number(l.points) })),
          })),
        }
      : null;
    const input: AssignmentSettingsInput = {
      acceptsText: value.acceptsText,
      acceptsFiles: value.acceptsFiles,
      maxFiles: Number(value.maxFiles),
      maxFileBytes: Math.round(Number(value.maxFileMb) * 1024 * 1024),
      ...(types.length ? { allowedFileTypes: types } : {}),
      latePolicy: value.latePolicy,
      latePenaltyPercentPerDay: Number(value.latePenaltyPercentPerDay),
      allowResubmission: value.allowResubmission,
      blindMarking: value.blindMarking,
      rubric,
      ...(rubric ? {} : { maxPoints: Number(value.maxPoints) }),
    };
    const body: Translations = toTranslations({
      en: toRichText(value.instructions.en),
      es: toRichText(value.instructions.es),
      pt: toRichText(value.instructions.pt),
    });
    this.saving.set(true);
    try {
      if (this.form.controls.instructions.dirty) {
        await this.catalog.updateActivity(this.activityId(), { body });
        this.form.controls.instructions.markAsPristine();
      }
      const saved = await this.api.updateSettings(this.activityId(), input);
      this.form.controls.maxPoints.setValue(saved.maxPoints);
      this.form.markAsPristine();
      this.notices.show(this.transloco.translate('assignment.admin.saved'));
    } catch (error) {
      const status = statusOf(error);
      if (status === 400) {
        const { unclaimed, messages } = applyFieldErrors(this.form, error, this.language.active(), (path) =>
          this.form.get(formPathOf(path, this.defaultLocale())),
        );
        this.failureKey.set(unclaimed ? 'errors.invalidInput' : 'assignment.admin.checkFields');
        this.otherMessages.set(messages);
      } else {
        this.failureKey.set(status === 0 ? 'errors.offline' : 'assignment.admin.saveFailed');
      }
    } finally {
      this.saving.set(false);
    }
  }

  private fill(activity: ActivityAdminView, s: AssignmentSettings): void {
    this.form.controls.instructions.setValue({
      en: activity.body.en ?? '',
      es: activity.body.es ?? '',
      pt: activity.body.pt ?? '',
    });
    this.criteria.clear();
    for (const c of s.rubric?.criteria ?? []) this.criteria.push(this.criterionGroup(c));
    this.form.patchValue({
      acceptsText: s.acceptsText,
      acceptsFiles: s.acceptsFiles,
      maxFiles: s.maxFiles,
      maxFileMb: Math.round((s.maxFileBytes / 1024 / 1024) * 100) / 100,
      allowedFileTypes: Object.fromEntries(
        ASSIGNMENT_FILE_TYPES.map((type) => [type, s.allowedFileTypes.includes(type)]),
      ) as Record<AssignmentFileType, boolean>,
      latePolicy: s.latePolicy,
      latePenaltyPercentPerDay: s.latePenaltyPercentPerDay,
      allowResubmission: s.allowResubmission,
      blindMarking: s.blindMarking,
      maxPoints: s.maxPoints,
      useRubric: !!s.rubric,
    });
    this.form.markAsPristine();
  }

  private textGroup(value: Translations = {}): TextGroup {
    return this.fb.group({ en: value.en ?? '', es: value.es ?? '', pt: value.pt ?? '' }) as TextGroup;
  }

  private levelGroup(level: { id: string; title: Translations; points: number }): LevelGroup {
    return this.fb.group({
      id: level.id,
      title: this.textGroup(level.title),
      points: [level.points, [Validators.required, Validators.min(0), Validators.max(10000)]],
    });
  }

  private criterionGroup(c: { id: string; title: Translations; levels: { id: string; title: Translations; points: number }[] }): CriterionGroup {
    return this.fb.group({
      id: c.id,
      title: this.textGroup(c.title),
      levels: this.fb.array(c.levels.map((l) => this.levelGroup(l))),
    });
  }
}
