import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { WORKSHOP_LIMITS } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

export interface ReasonDialogData {
  /** Translation keys; `message` may place `{{count}}`. */
  titleKey: string;
  messageKey: string;
  confirmKey: string;
  count?: number;
}

/** Asks for the reason people will be told (declining, cancelling). Closes with the reason, or nothing. */
@Component({
  selector: 'aula-reason-dialog',
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
      <h2 mat-dialog-title>{{ t(data.titleKey, { count: data.count ?? 0 }) }}</h2>
      <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
        <mat-dialog-content>
          <p>{{ t(data.messageKey, { count: data.count ?? 0 }) }}</p>
          <mat-form-field class="reason">
            <mat-label>{{ t('organiser.reason.label') }}</mat-label>
            <textarea matInput formControlName="reason" rows="4" dir="auto" required cdkFocusInitial></textarea>
            <mat-hint>{{ t('organiser.reason.hint') }}</mat-hint>
            <mat-error><aula-field-error [control]="form.controls.reason" /></mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="undefined">{{ t('actions.cancel') }}</button>
          <button mat-flat-button type="submit" class="destructive">{{ t(data.confirmKey) }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .reason {
      inline-size: 100%;
      min-inline-size: min(28rem, 80vw);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ReasonDialogComponent {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialogComponent, string>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(WORKSHOP_LIMITS.reason)]],
  });

  protected confirm(): void {
    const reason = this.form.controls.reason.value.trim();
    if (!reason) this.form.controls.reason.setValue('');
    if (this.form.invalid || !reason) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close(reason);
  }
}
