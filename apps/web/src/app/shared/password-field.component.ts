import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { FieldErrorComponent } from './field-error.component';
import { IconComponent } from './icon.component';

/** Password input with a show/hide toggle: typing a long password on a phone is error-prone. */
@Component({
  selector: 'aula-password-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoDirective,
    FieldErrorComponent,
    IconComponent,
  ],
  template: `
    <mat-form-field *transloco="let t" appearance="outline" class="full-width">
      <mat-label>{{ t(labelKey()) }}</mat-label>
      <input
        matInput
        [type]="visible() ? 'text' : 'password'"
        [formControl]="control()"
        [attr.autocomplete]="autocomplete()"
        autocapitalize="off"
        spellcheck="false"
      />
      <button
        mat-icon-button
        matSuffix
        type="button"
        [attr.aria-label]="t('fields.showPassword')"
        [attr.aria-pressed]="visible()"
        (click)="visible.set(!visible())"
      >
        <aula-icon [name]="visible() ? 'visibilityOff' : 'visibility'" />
      </button>
      @if (hintKey(); as hint) {
        <mat-hint>{{ t(hint, hintParams()) }}</mat-hint>
      }
      <mat-error><aula-field-error [control]="control()" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
  `,
})
export class PasswordFieldComponent {
  readonly control = input.required<FormControl<string>>();
  readonly labelKey = input('fields.password');
  readonly hintKey = input<string | null>(null);
  readonly hintParams = input<Record<string, unknown>>({});
  readonly autocomplete = input<'current-password' | 'new-password'>('current-password');

  protected readonly visible = signal(false);
}
