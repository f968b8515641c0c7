import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { TranslocoDirective } from '@jsverse/transloco';
import { startWith, switchMap } from 'rxjs';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Maps a control's first error to a translated message. Put it inside `<mat-error>`. */
@Component({
  selector: 'aula-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (errors(); as errors) {
        {{ message(errors, t) }}
      }
    </ng-container>
  `,
})
export class FieldErrorComponent {
  readonly control = input.required<AbstractControl>();

  // Errors set from outside (the API's answer) change no input: follow the control's own events.
  private readonly events = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.events.pipe(startWith(null)))),
  );
  protected readonly errors = computed(() => {
    this.events();
    return this.control().errors;
  });

  protected message(errors: ValidationErrors, t: Translate): string {
    // The API's own wording wins when it is in the reader's language: it knows why it refused.
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['serverInvalid']) return t('validation.invalid');
    if (errors['required']) return t('validation.required');
    if (errors['email']) return t('validation.email');
    if (errors['minlength']) return t('validation.minLength', { min: errors['minlength'].requiredLength });
    if (errors['maxlength']) return t('validation.maxLength', { max: errors['maxlength'].requiredLength });
    if (errors['timeZone']) return t('validation.timeZone');
    if (errors['emailTaken']) return t('validation.emailTaken');
    if (errors['currentPassword']) return t('validation.currentPassword');
    if (errors['samePassword']) return t('validation.samePassword');
    if (errors['slug']) return t('validation.slug');
    if (errors['slugTaken']) return t('validation.slugTaken');
    if (errors['min']) return t('validation.min', { min: errors['min'].min });
    if (errors['max']) return t('validation.max', { max: errors['max'].max });
    if (errors['integer']) return t('validation.integer');
    if (errors['url']) return t('validation.url');
    if (errors['endBeforeStart']) return t('validation.endBeforeStart');
    if (errors['date']) return t('validation.date');
    return t('validation.invalid');
  }
}
