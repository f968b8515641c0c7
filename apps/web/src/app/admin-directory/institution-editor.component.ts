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
import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type {
  InstitutionKind,
  InstitutionNameType,
  InstitutionRef,
  InstitutionRelationshipType,
  InstitutionStatus,
  InstitutionView,
  Page,
  RegionView,
  StakeholderSector,
} from '@aula/contracts';
import {
  DIRECTORY_LIMITS,
  INSTITUTION_KINDS,
  INSTITUTION_NAME_TYPES,
  INSTITUTION_RELATIONSHIP_TYPES,
  STAKEHOLDER_SECTORS,
  directoryApi,
  routeUrl,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { focusFirstInvalid } from '../auth/auth-forms';
import { webAddressValidator } from '../admin/admin-validators';
import { CountryFieldComponent } from '../shared/country-field.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { DIRECTORY_ADMIN } from './admin-directory.routes';
import { AdminDirectoryService } from './admin-directory.service';
import { DirectoryErrorComponent } from './directory-error.component';
import { DirectoryNavComponent } from './directory-nav.component';
import {
  identifierValidator,
  institutionControlFor,
  institutionFormValue,
  institutionRequest,
  languageCodeValidator,
  officialNameValidator,
  yearValidator,
  type InstitutionFormValue,
  type NameRow,
  type RelationshipRow,
  applyDirectoryErrors,
} from './directory-rules';
import { InstitutionDeletion } from './institution-deletion';
import { InstitutionPickerComponent } from './institution-picker.component';

type NameGroup = FormGroup<{
  value: FormControl<string>;
  lang: FormControl<string>;
  type: FormControl<InstitutionNameType>;
}>;
type RelationshipGroup = FormGroup<{
  type: FormControl<InstitutionRelationshipType>;
  institution: FormControl<InstitutionRef | null>;
}>;

/**
 * `/admin/directory/institutions/new` and `…/:id`: an institution's names, kind, place,
 * identifiers and relationships; for one that exists, its status and a way to merge others into it.
 */
@Component({
  selector: 'aula-institution-editor',
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
    LocalDateTimePipe,
    CountryFieldComponent,
    IconComponent,
    DirectoryErrorComponent,
    DirectoryNavComponent,
    InstitutionPickerComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './institution-editor.component.html',
  styleUrl: './institution-editor.component.scss',
})
export default class InstitutionEditorComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly deletion = inject(InstitutionDeletion);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly base = DIRECTORY_ADMIN;
  protected readonly kinds = INSTITUTION_KINDS;
  protected readonly sectors = STAKEHOLDER_SECTORS;
  protected readonly nameTypes = INSTITUTION_NAME_TYPES;
  protected readonly relationshipTypes = INSTITUTION_RELATIONSHIP_TYPES;
  protected readonly maxNames = DIRECTORY_LIMITS.names;
  protected readonly maxRelationships = DIRECTORY_LIMITS.relationships;

  /** Null on `…/new`. */
  protected readonly institutionId = computed(() => this.params().get('id'));
  protected readonly institution = httpResource<InstitutionView>(() => {
    const id = this.institutionId();
    return id ? routeUrl(directoryApi.adminInstitution, { id }) : undefined;
  });
  protected readonly view = computed(() => (this.institution.hasValue() ? this.institution.value() : null));
  protected readonly notFound = computed(() => statusOf(this.institution.error()) === 404);

  protected readonly regions = httpResource<Page<RegionView>>(() => ({
    url: directoryApi.adminRegions.path,
    params: { limit: 100, locale: this.language.active() },
  }));

  protected readonly saving = signal(false);
  protected readonly statusBusy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly newRelationshipType = signal<InstitutionRelationshipType>('parent');

  protected readonly form = this.fb.group({
    names: this.fb.array<NameGroup>([this.nameGroup({ value: '', lang: '', type: 'official' })], {
      validators: [officialNameValidator],
    }),
    kind: this.fb.control<InstitutionKind | ''>('', [Validators.required]),
    sector: this.fb.control<StakeholderSector | ''>(''),
    country: this.fb.control('', [Validators.required]),
    regionId: this.fb.control(''),
    website: this.fb.control('', [Validators.maxLength(DIRECTORY_LIMITS.website), webAddressValidator]),
    established: this.fb.control('', [yearValidator]),
    identifiers: this.fb.group({
      ror: this.fb.control('', [identifierValidator('ror')]),
      orgId: this.fb.control('', [identifierValidator('orgId')]),
      wikidata: this.fb.control('', [identifierValidator('wikidata')]),
    }),
    relationships: this.fb.array<RelationshipGroup>([]),
    public: this.fb.control(true),
  });

  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** The regions of the chosen country, and the one chosen even if it lies elsewhere. */
  protected readonly regionOptions = computed(() => {
    const country = this.formValue().country ?? '';
    const chosen = this.formValue().regionId ?? '';
    const all = this.regions.hasValue() ? this.regions.value().items : [];
    return all.filter((region) => !country || region.country === country || region.id === chosen);
  });
  protected readonly relatedIds = computed(() => [
    ...(this.institutionId() ? [this.institutionId() as string] : []),
    ...(this.formValue().relationships ?? []).map((row) => row.institution?.id ?? '').filter(Boolean),
  ]);

  constructor() {
    pageTitleFrom(() => this.view()?.displayName);
    let shownId: string | null = null;
    effect(() => {
      const view = this.view();
      if (!view || view.id === shownId) return;
      shownId = view.id;
      untracked(() => this.resetForm(view));
    });
  }

  protected get names(): FormArray<NameGroup> {
    return this.form.controls.names;
  }

  protected get relationships(): FormArray<RelationshipGroup> {
    return this.form.controls.relationships;
  }

  protected addName(): void {
    if (this.names.length >= this.maxNames) return;
    this.names.push(this.nameGroup({ value: '', lang: '', type: this.names.length ? 'alias' : 'official' }));
    this.form.markAsDirty();
    setTimeout(() =>
      this.host.nativeElement.querySelector<HTMLInputElement>('.name-row:last-of-type input')?.focus(),
    );
  }

  protected removeName(index: number): void {
    if (this.names.length <= 1) return;
    this.names.removeAt(index);
    this.form.markAsDirty();
  }

  protected addRelationship(institution: InstitutionRef): void {
    if (this.relationships.length >= this.maxRelationships) return;
    this.relationships.push(this.relationshipGroup({ type: this.newRelationshipType(), institution }));
    this.relationships.setErrors(null);
    this.form.markAsDirty();
  }

  protected removeRelationship(index: number): void {
    this.relationships.removeAt(index);
    this.relationships.setErrors(null);
    this.form.markAsDirty();
  }

  protected chooseRelationshipType(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as InstitutionRelationshipType;
    if ((INSTITUTION_RELATIONSHIP_TYPES as readonly string[]).includes(value))
      this.newRelationshipType.set(value);
  }

  protected mergeInto(): void {
    const id = this.institutionId();
    if (id) void this.router.navigate([this.base, 'merge'], { queryParams: { into: id } });
  }

  protected async remove(): Promise<void> {
    const view = this.view();
    if (!view || this.statusBusy()) return;
    this.statusBusy.set(true);
    try {
      const outcome = await this.deletion.run(view);
      if (outcome === 'deleted') await this.router.navigate([this.base], { replaceUrl: true });
      if (outcome === 'merge')
        await this.router.navigate([this.base, 'merge'], { queryParams: { ids: view.id } });
      if (outcome === 'archive') {
        this.statusBusy.set(false);
        await this.setStatus('archived');
      }
    } finally {
      this.statusBusy.set(false);
    }
  }

  protected async setStatus(status: InstitutionStatus): Promise<void> {
    const view = this.view();
    if (!view || this.statusBusy()) return;
    this.statusBusy.set(true);
    try {
      const updated = await this.directory.setInstitutionStatus(view.id, status);
      this.institution.set(updated);
      const key =
        status === 'active'
          ? view.status === 'pending'
            ? 'adminDirectory.institutions.confirmed'
            : 'adminDirectory.institutions.restored'
          : 'adminDirectory.institutions.archived';
      this.notices.show(this.transloco.translate(key, { name: updated.displayName }));
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'adminDirectory.institutions.changeFailed';
      this.notices.show(this.transloco.translate(key, { name: view.displayName }), 'error');
    } finally {
      this.statusBusy.set(false);
    }
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const body = institutionRequest(this.form.getRawValue() as InstitutionFormValue);
    this.saving.set(true);
    try {
      const view = this.view();
      if (!view) {
        const created = await this.directory.createInstitution(body);
        this.notices.show(
          this.transloco.translate('adminDirectory.institution.created', { name: created.displayName }),
        );
        await this.router.navigate([this.base, 'institutions', created.id], { replaceUrl: true });
        return;
      }
      const saved = await this.directory.updateInstitution(view.id, body);
      this.institution.set(saved);
      this.resetForm(saved);
      this.notices.show(this.transloco.translate('adminDirectory.institution.saved'));
    } catch (error) {
      const status = statusOf(error);
      if (status === 400 || status === 409) {
        const { unclaimed, messages } = applyDirectoryErrors(
          this.form,
          error,
          this.language.active(),
          institutionControlFor(this.form),
        );
        this.otherMessages.set(messages);
        if (unclaimed > messages.length || (!problemOf(error)?.errors?.length && status === 400))
          this.failureKey.set('errors.invalidInput');
        if (status === 409 && !problemOf(error)?.errors?.length) {
          const detail = problemOf(error)?.detail;
          if (detail && speaksReadersLanguage(error, this.language.active()))
            this.otherMessages.set([detail]);
          else this.failureKey.set('adminDirectory.institution.conflict');
        }
      } else {
        this.failureKey.set(status === 0 ? 'errors.offline' : 'errors.unexpected');
      }
      focusFirstInvalid(this.host.nativeElement);
    } finally {
      this.saving.set(false);
    }
  }

  private nameGroup(row: NameRow): NameGroup {
    return this.fb.group({
      value: this.fb.control(row.value, [Validators.maxLength(DIRECTORY_LIMITS.name)]),
      lang: this.fb.control(row.lang, [languageCodeValidator]),
      type: this.fb.control<InstitutionNameType>(row.type),
    });
  }

  private relationshipGroup(row: RelationshipRow): RelationshipGroup {
    return this.fb.group({
      type: this.fb.control<InstitutionRelationshipType>(row.type),
      institution: this.fb.control<InstitutionRef | null>(row.institution),
    });
  }

  private resetForm(view: InstitutionView): void {
    const value = institutionFormValue(view);
    this.names.clear({ emitEvent: false });
    for (const row of value.names) this.names.push(this.nameGroup(row), { emitEvent: false });
    if (!this.names.length) this.names.push(this.nameGroup({ value: '', lang: '', type: 'official' }));
    this.relationships.clear({ emitEvent: false });
    for (const row of value.relationships)
      this.relationships.push(this.relationshipGroup(row), { emitEvent: false });
    this.form.reset({
      names: value.names.length ? value.names : [{ value: '', lang: '', type: 'official' }],
      kind: value.kind,
      sector: value.sector,
      country: value.country,
      regionId: value.regionId,
      website: value.website,
      established: value.established,
      identifiers: value.identifiers,
      relationships: value.relationships,
      public: value.public,
    });
  }
}
