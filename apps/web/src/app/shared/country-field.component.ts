import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { countryOptions } from './countries';

/** Country picker with names in the reader's language; the programme's countries come first. */
@Component({
  selector: 'aula-country-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, TranslocoDirective],
  template: `
    <mat-form-field *transloco="let t" appearance="outline" class="full-width">
      <mat-label>{{ t('fields.country') }}</mat-label>
      <mat-select [formControl]="control()">
        <mat-option [value]="''">{{ t('fields.countryNone') }}</mat-option>
        <mat-optgroup [label]="t('fields.countryProgramme')">
          @for (country of options().programme; track country.code) {
            <mat-option [value]="country.code">{{ country.name }}</mat-option>
          }
        </mat-optgroup>
        <mat-optgroup [label]="t('fields.countryOthers')">
          @for (country of options().others; track country.code) {
            <mat-option [value]="country.code">{{ country.name }}</mat-option>
          }
        </mat-optgroup>
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
  `,
})
export class CountryFieldComponent {
  private readonly language = inject(LanguageService);

  readonly control = input.required<FormControl<string>>();

  protected readonly options = computed(() => countryOptions(this.language.tag()));
}
