import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { NameInTextComponent } from '../shared/name-in-text.component';

export interface CertificateActionDialogData {
  action: 'revoke' | 'reissue';
  holderName: string;
}

/** Revoke: the reason (required). Re-issue: an expiry date (optional, `YYYY-MM-DD`, or null). */
export type CertificateActionResult = { reason: string } | { expiresAt: string | null };

const today = () => new Date().toISOString().slice(0, 10);

function futureDay(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value <= today() ? { future: true } : null;
}

/** Asks for what a revocation or a re-issue needs; closes with it, or with nothing when cancelled. */
@Component({
  selector: 'aula-certificate-action-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    NameInTextComponent,
  ],
  template: `
    <form *transloco="let t" [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <h2 mat-dialog-title>
        <aula-name-in-text [key]="'certificates.' + data.action + '.title'" [name]="data.holderName" />
      </h2>
      <mat-dialog-content>
        <p>{{ t('certificates.' + data.action + '.text') }}</p>
        @if (data.action === 'revoke') {
          <mat-form-field class="full-width">
            <mat-label>{{ t('certificates.revoke.reason') }}</mat-label>
            <textarea
              matInput
              formControlName="reason"
              rows="3"
              maxlength="500"
              dir="auto"
              required
            ></textarea>
            <mat-hint>{{ t('certificates.revoke.reasonHint') }}</mat-hint>
            <mat-error>{{ t('certificates.revoke.reasonRequired') }}</mat-error>
          </mat-form-field>
        } @else {
          <mat-form-field class="full-width">
            <mat-label>{{ t('certificates.reissue.expiry') }}</mat-label>
            <input matInput type="date" formControlName="expiry" [min]="minDay" />
            <mat-hint>{{ t('certificates.reissue.expiryHint') }}</mat-hint>
            <mat-error>{{ t('certificates.reissue.expiryFuture') }}</mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('actions.cancel') }}</button>
        <button mat-flat-button type="submit" [class.destructive]="data.action === 'revoke'">
          {{ t('certificates.' + data.action + '.confirm') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class CertificateActionDialogComponent {
  protected readonly data = inject<CertificateActionDialogData>(MAT_DIALOG_DATA);
  private readonly ref =
    inject<MatDialogRef<CertificateActionDialogComponent, CertificateActionResult>>(MatDialogRef);

  protected readonly minDay = (() => {
    const next = new Date(Date.now() + 86_400_000);
    return next.toISOString().slice(0, 10);
  })();
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.maxLength(500),
        (c: AbstractControl<string>) => (c.value.trim() ? null : { required: true }),
      ],
    }),
    expiry: new FormControl('', { nonNullable: true, validators: [futureDay] }),
  });
  protected readonly reason = this.form.controls.reason;
  protected readonly expiry = this.form.controls.expiry;

  protected confirm(): void {
    if (this.data.action === 'revoke') {
      if (this.reason.invalid) {
        this.reason.markAsTouched();
        return;
      }
      this.ref.close({ reason: this.reason.value.trim() });
    } else {
      if (this.expiry.invalid) {
        this.expiry.markAsTouched();
        return;
      }
      this.ref.close({ expiresAt: this.expiry.value || null });
    }
  }
}
