import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { TranslocoDirective } from '@jsverse/transloco';
import { startWith, switchMap } from 'rxjs';
import { FieldErrorComponent } from '../shared/field-error.component';

/**
 * The directory's own rules (identifier shapes, language codes, an official name) in words
 * that say how to fix them; everything else as the shared field error says it.
 */
@Component({
  selector: 'aula-directory-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective, FieldErrorComponent],
  template: `
    <ng-container *transloco="let t">
      @if (own(); as key) {
        {{ t(key) }}
      } @else {
        <aula-field-error [control]="control()" />
      }
    </ng-container>
  `,
})
export class DirectoryErrorComponent {
  readonly control = input.required<AbstractControl>();

  private readonly events = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.events.pipe(startWith(null)))),
  );
  protected readonly own = computed(() => {
    this.events();
    const errors = this.control().errors;
    if (!errors) return null;
    if (typeof errors['directory'] === 'string') return errors['directory'];
    if (typeof errors['server'] === 'string') return null;
    if (typeof errors['identifier'] === 'string') return `adminDirectory.validation.${errors['identifier']}`;
    if (errors['languageCode']) return 'adminDirectory.validation.languageCode';
    if (errors['officialName']) return 'adminDirectory.validation.officialName';
    if (errors['number']) return 'adminDirectory.validation.number';
    if (errors['subdivision']) return 'adminDirectory.validation.subdivision';
    return null;
  });
}
