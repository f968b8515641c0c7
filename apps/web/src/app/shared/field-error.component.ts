import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { TranslocoDirective } from '@jsverse/transloco';

/** Maps a control's first error to a translated message. Put it inside `<mat-error>`. */
@Component({
  selector: 'aula-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @let errors = control().errors;
      @if (errors) {
        {{ message(errors, t) }}
      }
    </ng-container>
  `,
})
export class FieldErrorComponent {
  readonly control = input.required<AbstractControl>();

  protected message(errors: ValidationErrors, t: (key: string, params?: Record<string, unknown>) => string): string {
    // The API's own wording wins: it knows why it refused.
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return t('validation.required');
    if (errors['email']) return t('validation.email');
    if (errors['minlength']) return t('validation.minLength', { min: errors['minlength'].requiredLength });
    if (errors['maxlength']) return t('validation.maxLength', { max: errors['maxlength'].requiredLength });
    if (errors['timeZone']) return t('validation.timeZone');
    if (errors['emailTaken']) return t('validation.emailTaken');
    if (errors['currentPassword']) return t('validation.currentPassword');
    if (errors['samePassword']) return t('validation.samePassword');
    return t('validation.invalid');
  }
}
