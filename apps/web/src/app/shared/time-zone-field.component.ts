import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { timeZoneChoices, timeZoneLabel, timeZoneOffset, timeZoneSearchText } from '../core/time/time-zones';
import { FieldErrorComponent } from './field-error.component';

/** Enough to find a zone by typing; rendering all ~420 at once is slow on small phones. */
const MAX_SHOWN = 60;

/** Time zone picker: type part of a city or region ("Bogota", "Saigon", "Cordoba") and choose. */
@Component({
  selector: 'aula-time-zone-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatAutocompleteModule,
    TranslocoDirective,
    FieldErrorComponent,
  ],
  template: `
    <mat-form-field *transloco="let t" appearance="outline" class="full-width">
      <mat-label>{{ t('fields.timeZone') }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        [matAutocomplete]="zones"
        autocomplete="off"
        spellcheck="false"
        (focus)="query.set(null)"
        (input)="typed($event)"
      />
      <mat-hint>{{ t('fields.timeZoneHint') }}</mat-hint>
      <mat-autocomplete #zones="matAutocomplete" [displayWith]="label" (optionSelected)="query.set(null)">
        @for (zone of shown(); track zone.id) {
          <mat-option [value]="zone.id">
            {{ zone.label }} <span class="offset">({{ zone.offset }})</span>
          </mat-option>
        }
      </mat-autocomplete>
      <mat-error><aula-field-error [control]="control()" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
    .offset {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TimeZoneFieldComponent {
  private readonly language = inject(LanguageService);

  readonly control = input.required<FormControl<string>>();

  /** What the person typed; null while they have not typed since opening the list. */
  protected readonly query = signal<string | null>(null);
  protected readonly label = (zone: string | null) => (zone ? timeZoneLabel(zone) : '');
  private readonly zones = computed(() => {
    const tag = this.language.tag();
    const now = new Date();
    return timeZoneChoices([this.control().value]).map((id) => ({
      id,
      label: timeZoneLabel(id),
      offset: timeZoneOffset(id, tag, now),
      search: timeZoneSearchText(id),
    }));
  });
  protected readonly shown = computed(() => {
    const zones = this.zones();
    const typed = this.query();
    if (typed === null) {
      // Opening the list shows the neighbours of the current zone ("America/…").
      const region = (this.control().value ?? '').split('/')[0]?.toLowerCase() + '/';
      const near = zones.filter((zone) => zone.id.toLowerCase().startsWith(region));
      return (near.length ? near : zones).slice(0, MAX_SHOWN);
    }
    const words = typed.trim().toLowerCase().replaceAll('_', ' ').split(/\s+/);
    return zones.filter((zone) => words.every((word) => zone.search.includes(word))).slice(0, MAX_SHOWN);
  });

  protected typed(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }
}
