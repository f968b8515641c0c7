import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { Locale, RegionStatus, RegionView, WorldRegion } from '@aula/contracts';
import { DIRECTORY_LIMITS, REGION_STATUSES, WORLD_REGIONS, directoryApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { focusFirstInvalid } from '../auth/auth-forms';
import { slugValidator } from '../admin/admin-validators';
import { LanguageTabsComponent } from '../admin/language-tabs.component';
import { CountryFieldComponent } from '../shared/country-field.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NoticeService } from '../shared/notice.service';
import { DIRECTORY_ADMIN } from './admin-directory.routes';
import { AdminDirectoryService } from './admin-directory.service';
import { DirectoryErrorComponent } from './directory-error.component';
import { DirectoryNavComponent } from './directory-nav.component';
import {
  coordinateValidator,
  regionControlFor,
  regionFormValue,
  regionRequest,
  subdivisionValidator,
  type RegionFormValue,
  applyDirectoryErrors,
} from './directory-rules';

/** A name in at least one language. */
const someName: ValidatorFn = (group) =>
  Object.values((group.value ?? {}) as Record<string, string>).some((text) => text?.trim())
    ? null
    : { required: true };

/**
 * `/admin/directory/regions/new` and `…/:id`: a region's names and descriptions per language,
 * its ISO codes, place on the map and standing in the programme.
 */
@Component({
  selector: 'aula-region-editor',
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
    LanguageTabsComponent,
    CountryFieldComponent,
    DirectoryErrorComponent,
    DirectoryNavComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './region-editor.component.html',
  styleUrl: './institution-editor.component.scss',
})
export default class RegionEditorComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly base = DIRECTORY_ADMIN;
  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly statuses = REGION_STATUSES;
  protected readonly worldRegions = WORLD_REGIONS;
  protected readonly activeLocale = signal<Locale>(this.language.active());

  protected readonly regionId = computed(() => this.params().get('id'));
  protected readonly region = httpResource<RegionView>(() => {
    const id = this.regionId();
    return id ? routeUrl(directoryApi.adminRegion, { id }) : undefined;
  });
  protected readonly view = computed(() => (this.region.hasValue() ? this.region.value() : null));
  protected readonly notFound = computed(() => statusOf(this.region.error()) === 404);

  protected readonly saving = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);

  private readonly textGroup = (max: number, validators: ValidatorFn[] = []) =>
    this.fb.group(
      {
        en: this.fb.control('', [Validators.maxLength(max)]),
        es: this.fb.control('', [Validators.maxLength(max)]),
        pt: this.fb.control('', [Validators.maxLength(max)]),
      },
      { validators },
    );

  protected readonly form = this.fb.group({
    slug: this.fb.control('', [Validators.required, slugValidator]),
    name: this.textGroup(DIRECTORY_LIMITS.name, [someName]),
    description: this.textGroup(DIRECTORY_LIMITS.description),
    country: this.fb.control('', [Validators.required]),
    subdivision: this.fb.control(''),
    worldRegion: this.fb.control<WorldRegion>('latin-america-caribbean', [Validators.required]),
    status: this.fb.control<RegionStatus>('participating', [Validators.required]),
    lat: this.fb.control('', [coordinateValidator(90)]),
    lon: this.fb.control('', [coordinateValidator(180)]),
    joinedOn: this.fb.control(''),
    public: this.fb.control(true),
  });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly filled = computed(() => {
    const value = this.formValue();
    return APP_LOCALES.filter((l) => value.name?.[l]?.trim() || value.description?.[l]?.trim());
  });
  protected readonly invalid = signal<Locale[]>([]);

  constructor() {
    this.form.controls.subdivision.addValidators(
      subdivisionValidator(() => this.form.controls.country.value),
    );
    pageTitleFrom(() => this.view()?.displayName);
    let shownId: string | null = null;
    effect(() => {
      const view = this.view();
      if (!view || view.id === shownId) return;
      shownId = view.id;
      untracked(() => this.form.reset(regionFormValue(view)));
    });
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    this.form.controls.subdivision.updateValueAndValidity();
    if (this.form.invalid) {
      this.showInvalid();
      return;
    }
    const body = regionRequest(this.form.getRawValue() as RegionFormValue);
    this.saving.set(true);
    try {
      const view = this.view();
      if (!view) {
        const created = await this.directory.createRegion(body);
        this.notices.show(
          this.transloco.translate('adminDirectory.region.created', { name: created.displayName }),
        );
        await this.router.navigate([this.base, 'regions', created.id], { replaceUrl: true });
        return;
      }
      const saved = await this.directory.updateRegion(view.id, body);
      this.region.set(saved);
      this.form.reset(regionFormValue(saved));
      this.notices.show(this.transloco.translate('adminDirectory.region.saved'));
    } catch (error) {
      const status = statusOf(error);
      if (status === 400 || status === 409) {
        const { unclaimed, messages } = applyDirectoryErrors(
          this.form,
          error,
          this.language.active(),
          regionControlFor(this.form),
        );
        this.otherMessages.set(messages);
        if (unclaimed > messages.length) this.failureKey.set('errors.invalidInput');
        if (!problemOf(error)?.errors?.length) {
          const detail = problemOf(error)?.detail;
          if (detail && speaksReadersLanguage(error, this.language.active()))
            this.otherMessages.set([detail]);
          else this.failureKey.set('errors.invalidInput');
        }
        this.showInvalid();
      } else {
        this.failureKey.set(status === 0 ? 'errors.offline' : 'errors.unexpected');
      }
    } finally {
      this.saving.set(false);
    }
  }

  private showInvalid(): void {
    this.form.markAllAsTouched();
    const invalid = APP_LOCALES.filter(
      (l) =>
        this.form.controls.name.controls[l].invalid || this.form.controls.description.controls[l].invalid,
    );
    this.invalid.set(invalid);
    if (invalid[0] && !invalid.includes(this.activeLocale())) this.activeLocale.set(invalid[0]);
    setTimeout(() => focusFirstInvalid(this.host.nativeElement));
  }
}
