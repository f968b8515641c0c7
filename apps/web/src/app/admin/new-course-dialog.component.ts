import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CourseAdminView, Locale, ProgrammeView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { applyFieldErrors, statusOf } from '../core/api/problem';
import { TEXT_LIMITS, slugFrom } from '../core/catalog/catalog-rules';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { focusFirstInvalid } from '../auth/auth-forms';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { AdminCatalogService } from './admin-catalog.service';
import { slugValidator } from './admin-validators';
import { displayText } from './translations';

/**
 * Starts a course with what it cannot do without: programme, default language, a title in it and
 * its address. The rest is written in the editor. On a fresh platform it creates the programme too.
 */
@Component({
  selector: 'aula-new-course-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('admin.courses.newTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="create()" novalidate>
        <mat-dialog-content class="fields">
          <div class="form-error" role="alert">
            @if (failureKey(); as key) {
              <p>{{ t(key) }}</p>
            }
          </div>
          @if (programmes().length) {
            <mat-form-field>
              <mat-label>{{ t('admin.course.fields.programme') }}</mat-label>
              <select matNativeControl formControlName="programmeId" required>
                @for (programme of programmes(); track programme.id) {
                  <option [value]="programme.id" dir="auto">{{ programmeTitle(programme) }}</option>
                }
              </select>
              <mat-error><aula-field-error [control]="form.controls.programmeId" /></mat-error>
            </mat-form-field>
          } @else if (loaded()) {
            <mat-form-field>
              <mat-label>{{ t('admin.courses.programmeTitle') }}</mat-label>
              <input matInput formControlName="programmeTitle" dir="auto" required />
              <mat-hint>{{ t('admin.courses.programmeTitleHint') }}</mat-hint>
              <mat-error><aula-field-error [control]="form.controls.programmeTitle" /></mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ t('admin.course.fields.defaultLocale') }}</mat-label>
            <select matNativeControl formControlName="defaultLocale" required>
              @for (locale of locales; track locale) {
                <option [value]="locale" [attr.lang]="tags[locale]">
                  {{ t('languageNames.' + locale) }}
                </option>
              }
            </select>
            <mat-hint>{{ t('admin.course.fields.defaultLocaleHint') }}</mat-hint>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{
              t('admin.course.fields.titleIn', {
                language: t('languageNames.' + form.controls.defaultLocale.value),
              })
            }}</mat-label>
            <input
              matInput
              formControlName="title"
              dir="auto"
              required
              [attr.lang]="tags[form.controls.defaultLocale.value]"
              (input)="titleTyped()"
            />
            <mat-error><aula-field-error [control]="form.controls.title" /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('admin.course.fields.slug') }}</mat-label>
            <input
              matInput
              formControlName="slug"
              required
              autocapitalize="off"
              spellcheck="false"
              (input)="slugEdited.set(true)"
            />
            <mat-hint>{{ t('admin.course.fields.slugHint') }}</mat-hint>
            <mat-error><aula-field-error [control]="form.controls.slug" /></mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('actions.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy() || !loaded()">
            {{ busy() ? t('actions.saving') : t('admin.courses.create') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .form-error:empty {
      display: none;
    }
    .form-error p {
      margin: 0;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class NewCourseDialogComponent {
  private readonly catalog = inject(AdminCatalogService);
  private readonly language = inject(LanguageService);
  private readonly dialog = inject<MatDialogRef<NewCourseDialogComponent, CourseAdminView>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly programmes = signal<ProgrammeView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly slugEdited = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    programmeId: [''],
    programmeTitle: ['', [Validators.maxLength(TEXT_LIMITS.title)]],
    defaultLocale: [this.language.active() as Locale, [Validators.required]],
    title: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.title)]],
    slug: ['', [Validators.required, slugValidator]],
  });

  constructor() {
    void this.loadProgrammes();
  }

  protected programmeTitle(programme: ProgrammeView): string {
    return displayText(programme.title, this.language.active(), programme.defaultLocale);
  }

  protected titleTyped(): void {
    if (!this.slugEdited()) this.form.controls.slug.setValue(slugFrom(this.form.controls.title.value));
  }

  protected async create(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    const needsProgramme = this.programmes().length === 0;
    this.form.controls.programmeTitle.setValidators(
      needsProgramme ? [Validators.required, Validators.maxLength(TEXT_LIMITS.title)] : [],
    );
    this.form.controls.programmeTitle.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    const value = this.form.getRawValue();
    try {
      let programmeId = value.programmeId;
      if (needsProgramme) {
        const programme = await this.catalog.createProgramme({
          slug: slugFrom(value.programmeTitle) || 'programme',
          defaultLocale: value.defaultLocale,
          title: { [value.defaultLocale]: value.programmeTitle.trim() },
        });
        this.programmes.set([programme]);
        this.form.controls.programmeId.setValue(programme.id);
        programmeId = programme.id;
      }
      const course = await this.catalog.createCourse({
        programmeId,
        slug: value.slug.trim(),
        defaultLocale: value.defaultLocale,
        title: { [value.defaultLocale]: value.title.trim() },
      });
      this.dialog.close(course);
    } catch (error) {
      const status = statusOf(error);
      if (status === 409) {
        this.form.controls.slug.setErrors({ slugTaken: true });
        this.form.controls.slug.markAsTouched();
      } else if (status === 400) {
        const { unclaimed } = applyFieldErrors(this.form, error, this.language.active(), (path) =>
          path.startsWith('title.') ? this.form.controls.title : this.form.get(path.split('.')[0] ?? path),
        );
        if (unclaimed) this.failureKey.set('errors.invalidInput');
      } else {
        this.failureKey.set(status === 0 ? 'errors.offline' : 'errors.unexpected');
      }
      focusFirstInvalid(this.host.nativeElement);
    } finally {
      this.busy.set(false);
    }
  }

  private async loadProgrammes(): Promise<void> {
    try {
      const page = await this.catalog.programmes();
      this.programmes.set(page.items);
      if (page.items[0]) this.form.controls.programmeId.setValue(page.items[0].id);
    } catch {
      this.failureKey.set('admin.courses.programmesFailed');
    } finally {
      this.loaded.set(true);
    }
  }
}
