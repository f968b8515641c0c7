import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { RegionView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { FieldErrorComponent } from './field-error.component';

/** The person's region, from the directory's regions; those of their country come first. */
@Component({
  selector: 'aula-region-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslocoDirective,
    FieldErrorComponent,
  ],
  template: `
    <mat-form-field *transloco="let t" appearance="outline" class="full-width">
      <mat-label>{{ t('fields.region') }}</mat-label>
      <mat-select [formControl]="control()">
        <mat-option [value]="''">{{ t('directoryFields.regionNone') }}</mat-option>
        @if (grouped().near.length) {
          <mat-optgroup [label]="t('directoryFields.regionsOfCountry')">
            @for (region of grouped().near; track region.id) {
              <mat-option [value]="region.id"
                ><span dir="auto">{{ region.displayName }}</span></mat-option
              >
            }
          </mat-optgroup>
          <mat-optgroup [label]="t('directoryFields.regionsOthers')">
            @for (region of grouped().others; track region.id) {
              <mat-option [value]="region.id"
                ><span dir="auto">{{ region.displayName }}</span></mat-option
              >
            }
          </mat-optgroup>
        } @else {
          @for (region of grouped().others; track region.id) {
            <mat-option [value]="region.id"
              ><span dir="auto">{{ region.displayName }}</span></mat-option
            >
          }
        }
      </mat-select>
      <mat-hint>{{ t('directoryFields.regionHint') }}</mat-hint>
      <mat-error><aula-field-error [control]="control()" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
  `,
})
export class RegionFieldComponent {
  readonly control = input.required<FormControl<string>>();
  readonly regions = input.required<readonly RegionView[]>();
  /** ISO 3166-1 code of the person's country, to list its regions first. */
  readonly country = input<string | null>(null);

  protected readonly grouped = computed(() => {
    const country = this.country();
    const regions = this.regions();
    const near = country ? regions.filter((region) => region.country === country) : [];
    return {
      near,
      others: near.length ? regions.filter((region) => region.country !== country) : [...regions],
    };
  });
}
