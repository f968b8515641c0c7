import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Locale, ModuleAdminView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { applyFieldErrors, statusOf } from '../core/api/problem';
import { TEXT_LIMITS } from '../core/catalog/catalog-rules';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { focusFirstInvalid } from '../auth/auth-forms';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { AdminCatalogService } from './admin-catalog.service';
import { LanguageTabsComponent } from './language-tabs.component';
import { controlForPath, filledLocales, invalidLocales, toTranslations } from './translations';

export interface ModuleDialogData {
  courseId: string;
  defaultLocale: Locale;
  /** Absent: a new module, added last. */
  module?: ModuleAdminView;
}

/** A module's title in each language. Saves itself; closes with the module as saved. */
@Component({
  selector: 'aula-module-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
    LanguageTabsComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t(data.module ? 'admin.module.editTitle' : 'admin.module.newTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content>
          <div class="form-error" role="alert">
            @if (failureKey(); as key) {
              <p>{{ t(key) }}</p>
            }
          </div>
          <aula-language-tabs
            [(active)]="active"
            [defaultLocale]="data.defaultLocale"
            [filled]="filled()"
            [invalid]="invalid()"
          >
            <div formGroupName="text">
              @for (locale of locales; track locale) {
                @if (locale === active()) {
                  <div [formGroupName]="locale">
                    <mat-form-field class="full-width">
                      <mat-label>{{
                        t('admin.course.fields.titleIn', { language: t('languageNames.' + locale) })
                      }}</mat-label>
                      <input
                        matInput
                        formControlName="title"
                        dir="auto"
                        [attr.lang]="tags[locale]"
                        [required]="locale === data.defaultLocale"
                      />
                      <mat-error
                        ><aula-field-error [control]="form.controls.text.controls[locale].controls.title"
                      /></mat-error>
                    </mat-form-field>
                  </div>
                }
              }
            </div>
          </aula-language-tabs>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('actions.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? t('actions.saving') : t('actions.save') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
    .form-error:empty {
      display: none;
    }
    .form-error p {
      margin: 0 0 12px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ModuleDialogComponent {
  protected readonly data = inject<ModuleDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<ModuleDialogComponent, ModuleAdminView>>(MatDialogRef);
  private readonly catalog = inject(AdminCatalogService);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly active = signal<Locale>(this.data.defaultLocale);
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly invalid = signal<Locale[]>([]);

  private readonly title = (locale: Locale) =>
    this.fb.group({
      title: [this.data.module?.title[locale] ?? '', [Validators.maxLength(TEXT_LIMITS.title)]],
    });
  protected readonly form = this.fb.group({
    text: this.fb.group({ en: this.title('en'), es: this.title('es'), pt: this.title('pt') }),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly filled = computed(() => filledLocales(this.value().text ?? {}));

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    const text = this.form.getRawValue().text;
    const main = this.form.controls.text.controls[this.data.defaultLocale].controls.title;
    if (!text[this.data.defaultLocale].title.trim()) {
      main.setErrors({ required: true });
      main.markAsTouched();
    }
    if (this.form.invalid) return this.showInvalid();
    this.busy.set(true);
    const title = toTranslations({ en: text.en.title, es: text.es.title, pt: text.pt.title });
    try {
      const saved = this.data.module
        ? await this.catalog.updateModule(this.data.module.id, { title })
        : await this.catalog.addModule(this.data.courseId, { title });
      this.dialog.close(saved);
    } catch (error) {
      const status = statusOf(error);
      if (status === 400) {
        const { unclaimed } = applyFieldErrors(
          this.form,
          error,
          this.language.active(),
          controlForPath(this.form),
        );
        if (unclaimed) this.failureKey.set('errors.invalidInput');
        this.showInvalid();
      } else {
        this.failureKey.set(status === 0 ? 'errors.offline' : 'errors.unexpected');
      }
    } finally {
      this.busy.set(false);
    }
  }

  /** Shows the first language with an error, and puts the cursor in its field. */
  private showInvalid(): void {
    this.form.markAllAsTouched();
    const invalid = invalidLocales(this.form.controls.text);
    this.invalid.set(invalid);
    if (invalid[0] && !invalid.includes(this.active())) this.active.set(invalid[0]);
    setTimeout(() => focusFirstInvalid(this.host.nativeElement));
  }
}
