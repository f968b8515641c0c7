import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ActivityAdminView, ActivityKind, Locale } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subscription } from 'rxjs';
import { applyFieldErrors, statusOf } from '../core/api/problem';
import { AUTHORED_KINDS, FILE_EXTENSIONS, FILE_MAX_BYTES, TEXT_LIMITS } from '../core/catalog/catalog-rules';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { focusFirstInvalid } from '../auth/auth-forms';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FileSizePipe } from '../shared/file-size.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { AdminCatalogService } from './admin-catalog.service';
import { webAddressValidator } from './admin-validators';
import { LanguageTabsComponent } from './language-tabs.component';
import { RichTextFieldComponent } from './rich-text-field.component';
import { controlForPath, filledLocales, invalidLocales, toRichText, toTranslations } from './translations';

export interface ActivityDialogData {
  moduleId: string;
  defaultLocale: Locale;
  /** Absent: a new activity, added last in the module. */
  activity?: ActivityAdminView;
}

/**
 * An activity's kind, text in each language, address or file. Saves itself (then uploads the
 * file, with its progress); closes with the activity as saved.
 */
@Component({
  selector: 'aula-activity-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    FieldErrorComponent,
    FileSizePipe,
    LanguageTabsComponent,
    RichTextFieldComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './activity-dialog.component.html',
  styleUrl: './activity-dialog.component.scss',
})
export class ActivityDialogComponent {
  protected readonly data = inject<ActivityDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<ActivityDialogComponent, ActivityAdminView>>(MatDialogRef);
  private readonly catalog = inject(AdminCatalogService);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private upload: Subscription | null = null;

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly kinds = AUTHORED_KINDS;
  protected readonly accept = FILE_EXTENSIONS.map((extension) => `.${extension}`).join(',');
  protected readonly extensions = FILE_EXTENSIONS.join(', ');
  protected readonly maxBytes = FILE_MAX_BYTES;
  protected readonly active = signal<Locale>(this.data.defaultLocale);
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly invalid = signal<Locale[]>([]);
  /** Saved by this dialog already (created before its upload failed): the next try updates it. */
  protected readonly saved = signal<ActivityAdminView | null>(this.data.activity ?? null);
  protected readonly file = signal<File | null>(null);
  protected readonly fileErrorKey = signal<string | null>(null);
  protected readonly uploadProgress = signal<number | null>(null);

  private readonly localeGroup = (locale: Locale) =>
    this.fb.group({
      title: [this.data.activity?.title[locale] ?? '', [Validators.maxLength(TEXT_LIMITS.title)]],
      body: [this.data.activity?.body[locale] ?? ''],
    });
  protected readonly form = this.fb.group({
    kind: [(this.data.activity?.kind ?? 'page') as ActivityKind, [Validators.required]],
    url: [this.data.activity?.url ?? '', [webAddressValidator]],
    required: [this.data.activity?.required ?? true],
    text: this.fb.group({
      en: this.localeGroup('en'),
      es: this.localeGroup('es'),
      pt: this.localeGroup('pt'),
    }),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly kind = computed(() => this.value().kind ?? 'page');
  protected readonly filled = computed(() => filledLocales(this.value().text ?? {}));

  constructor() {
    if (this.data.activity) this.form.controls.kind.disable();
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
    // Opened with `disableClose`, so that Escape and the backdrop also go through `cancel()`.
    this.dialog
      .backdropClick()
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.cancel());
    this.dialog
      .keydownEvents()
      .pipe(takeUntilDestroyed())
      .subscribe((event) => {
        if (event.key === 'Escape') this.cancel();
      });
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.fileErrorKey.set(null);
    if (file && file.size > FILE_MAX_BYTES) {
      this.fileErrorKey.set('admin.activity.fileTooLarge');
      input.value = '';
      this.file.set(null);
      return;
    }
    this.file.set(file);
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    const value = this.form.getRawValue();
    const main = this.form.controls.text.controls[this.data.defaultLocale].controls.title;
    if (!value.text[this.data.defaultLocale].title.trim()) {
      main.setErrors({ required: true });
      main.markAsTouched();
    }
    if (value.kind === 'link' && !value.url.trim()) {
      this.form.controls.url.setErrors({ required: true });
    }
    if (this.form.invalid) return this.showInvalid();

    this.busy.set(true);
    const title = toTranslations({
      en: value.text.en.title,
      es: value.text.es.title,
      pt: value.text.pt.title,
    });
    const body =
      value.kind === 'page'
        ? toTranslations({
            en: toRichText(value.text.en.body),
            es: toRichText(value.text.es.body),
            pt: toRichText(value.text.pt.body),
          })
        : undefined;
    const url = value.kind === 'link' ? value.url.trim() : null;
    try {
      const existing = this.saved();
      const activity = existing
        ? await this.catalog.updateActivity(existing.id, {
            title,
            ...(body ? { body } : {}),
            ...(value.kind === 'link' ? { url } : {}),
            required: value.required,
          })
        : await this.catalog.addActivity(this.data.moduleId, {
            kind: value.kind,
            title,
            ...(body ? { body } : {}),
            ...(value.kind === 'link' ? { url } : {}),
            required: value.required,
          });
      this.saved.set(activity);
      const file = this.file();
      if (value.kind === 'file' && file) {
        this.sendFile(activity, file);
        return;
      }
      this.dialog.close(activity);
    } catch (error) {
      this.failed(error);
    }
    this.busy.set(false);
  }

  /** Closes; with the activity when something was saved already (created before its upload failed). */
  protected cancel(): void {
    this.upload?.unsubscribe();
    const saved = this.saved();
    this.dialog.close(saved !== (this.data.activity ?? null) ? (saved ?? undefined) : undefined);
  }

  private sendFile(activity: ActivityAdminView, file: File): void {
    this.uploadProgress.set(0);
    this.upload = this.catalog.uploadFile(activity.id, file).subscribe({
      next: (event) => {
        if ('progress' in event) this.uploadProgress.set(event.progress);
        else this.dialog.close(event.done);
      },
      error: (error: unknown) => {
        this.uploadProgress.set(null);
        this.busy.set(false);
        const status = statusOf(error);
        this.fileErrorKey.set(
          status === 413
            ? 'admin.activity.fileTooLarge'
            : status === 415
              ? 'admin.activity.fileType'
              : status === 0
                ? 'errors.offline'
                : 'admin.activity.uploadFailed',
        );
      },
    });
  }

  private failed(error: unknown): void {
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
  }

  private showInvalid(): void {
    this.form.markAllAsTouched();
    const invalid = invalidLocales(this.form.controls.text);
    this.invalid.set(invalid);
    if (invalid[0] && !invalid.includes(this.active()) && this.form.controls.url.valid)
      this.active.set(invalid[0]);
    setTimeout(() => focusFirstInvalid(this.host.nativeElement));
  }
}
