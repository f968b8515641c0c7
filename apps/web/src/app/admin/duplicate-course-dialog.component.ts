import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CourseAdminView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { applyFieldErrors, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { focusFirstInvalid } from '../auth/auth-forms';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NameInTextComponent } from '../shared/name-in-text.component';
import { AdminCatalogService } from './admin-catalog.service';
import { slugValidator } from './admin-validators';

export interface DuplicateCourseDialogData {
  course: CourseAdminView;
  /** The course's title as shown to this administrator. */
  title: string;
}

/** A copy of a course for a new run: asks for the copy's address. Closes with the new draft. */
@Component({
  selector: 'aula-duplicate-course-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
    NameInTextComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        <aula-name-in-text key="admin.course.duplicateDialog.title" [name]="data.title" />
      </h2>
      <form [formGroup]="form" (ngSubmit)="duplicate()" novalidate>
        <mat-dialog-content>
          <p class="lead">{{ t('admin.course.duplicateDialog.text') }}</p>
          @if (failureKey(); as key) {
            <p class="error" role="alert">{{ t(key) }}</p>
          }
          <mat-form-field class="full-width">
            <mat-label>{{ t('admin.course.fields.slug') }}</mat-label>
            <input matInput formControlName="slug" required autocapitalize="off" spellcheck="false" />
            <mat-hint>{{ t('admin.course.fields.slugHint') }}</mat-hint>
            <mat-error><aula-field-error [control]="form.controls.slug" /></mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('actions.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? t('actions.saving') : t('admin.course.duplicate') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
    .lead {
      margin-block-start: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class DuplicateCourseDialogComponent {
  protected readonly data = inject<DuplicateCourseDialogData>(MAT_DIALOG_DATA);
  private readonly dialog =
    inject<MatDialogRef<DuplicateCourseDialogComponent, CourseAdminView>>(MatDialogRef);
  private readonly catalog = inject(AdminCatalogService);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    slug: [`${this.data.course.slug}-copy`.slice(0, 80), [Validators.required, slugValidator]],
  });

  protected async duplicate(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      this.dialog.close(
        await this.catalog.duplicate(this.data.course.id, this.form.getRawValue().slug.trim()),
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === 409) this.form.controls.slug.setErrors({ slugTaken: true });
      else if (status === 400) applyFieldErrors(this.form, error, this.language.active());
      else this.failureKey.set(status === 0 ? 'errors.offline' : 'errors.unexpected');
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
    } finally {
      this.busy.set(false);
    }
  }
}
