import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { DIRECTORY_LIMITS, INSTITUTION_KINDS, type InstitutionRef } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { catchError, map, of, startWith, switchMap, tap, timer } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { countryOptions } from './countries';
import { DirectoryLookupService } from './directory-lookup.service';
import { FieldErrorComponent } from './field-error.component';
import {
  institutionLabel,
  isInstitutionRef,
  setNotListed,
  type InstitutionFieldGroup,
} from './institution-field';

/** A pause in typing long enough to be a word, short enough to feel immediate. */
export const SUGGEST_DELAY_MS = 250;
export const SUGGEST_LIMIT = 8;

/** The value of the last option: not an institution, a wish to propose one. */
export const NOT_LISTED = '\u0000not-listed';

type SuggestStatus = 'idle' | 'loading' | 'done' | 'failed';

let nextId = 0;

/**
 * Picks a person's institution from the directory: type part of a name or acronym, choose from
 * the suggestions; or "My institution is not listed", which opens fields to propose one (a
 * pending institution an administrator confirms). Each keystroke cancels the previous lookup,
 * so a slow answer never overwrites a newer one.
 */
@Component({
  selector: 'aula-institution-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    TranslocoDirective,
    FieldErrorComponent,
  ],
  template: `
    <ng-container *transloco="let t">
      @if (!notListed()) {
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>{{ t(labelKey()) }}</mat-label>
          <input
            matInput
            [formControl]="group().controls.search"
            [matAutocomplete]="suggestions"
            autocomplete="off"
            spellcheck="false"
            dir="auto"
          />
          @if (status() === 'loading') {
            <mat-progress-spinner
              matSuffix
              class="spinner"
              mode="indeterminate"
              diameter="20"
              [attr.aria-label]="t('directoryFields.searching')"
            />
          }
          <mat-hint>{{ t('directoryFields.hint') }}</mat-hint>
          <mat-autocomplete
            #suggestions="matAutocomplete"
            [displayWith]="label"
            [autoActiveFirstOption]="true"
            (optionSelected)="picked($event)"
          >
            @if (status() === 'loading' && !items().length) {
              <mat-option disabled class="note">{{ t('directoryFields.searching') }}</mat-option>
            }
            @for (institution of items(); track institution.id) {
              <mat-option [value]="institution">
                <span class="option">
                  <span class="name" dir="auto">{{ institution.displayName }}</span>
                  @if (institution.acronym) {
                    <span class="acronym" dir="auto">{{ institution.acronym }}</span>
                  }
                  <span class="country">{{ countryName(institution.country) }}</span>
                </span>
              </mat-option>
            }
            @if (status() === 'failed') {
              <mat-option disabled class="note">{{ t('directoryFields.failed') }}</mat-option>
            } @else if (status() === 'done' && !items().length) {
              <mat-option disabled class="note">{{ t('directoryFields.noMatch') }}</mat-option>
            }
            @if (typed()) {
              <mat-option [value]="notListedValue" class="not-listed">{{
                t('directoryFields.notListed')
              }}</mat-option>
            }
          </mat-autocomplete>
          <mat-error>
            @if (searchErrors()?.['institutionPick']) {
              {{ t('directoryFields.pickFromList') }}
            } @else {
              <aula-field-error [control]="group().controls.search" />
            }
          </mat-error>
        </mat-form-field>
        <span class="cdk-visually-hidden status" [id]="statusId" aria-live="polite">{{ statusText(t) }}</span>
      } @else {
        <fieldset class="proposal" [formGroup]="group().controls.proposedInstitution">
          <legend>{{ t('directoryFields.proposeTitle') }}</legend>
          <p class="lead">{{ t('directoryFields.proposeLead') }}</p>
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>{{ t('directoryFields.proposedName') }}</mat-label>
            <input #proposedName matInput formControlName="name" dir="auto" required [maxlength]="nameMax" />
            <mat-error
              ><aula-field-error [control]="group().controls.proposedInstitution.controls.name"
            /></mat-error>
          </mat-form-field>
          <div class="row">
            <mat-form-field appearance="outline" class="full-width">
              <mat-label>{{ t('directoryFields.proposedCountry') }}</mat-label>
              <mat-select formControlName="country" required>
                <mat-optgroup [label]="t('fields.countryProgramme')">
                  @for (country of countries().programme; track country.code) {
                    <mat-option [value]="country.code">{{ country.name }}</mat-option>
                  }
                </mat-optgroup>
                <mat-optgroup [label]="t('fields.countryOthers')">
                  @for (country of countries().others; track country.code) {
                    <mat-option [value]="country.code">{{ country.name }}</mat-option>
                  }
                </mat-optgroup>
              </mat-select>
              <mat-error>
                <aula-field-error [control]="group().controls.proposedInstitution.controls.country" />
              </mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" class="full-width">
              <mat-label>{{ t('directoryFields.proposedKind') }}</mat-label>
              <mat-select formControlName="kind">
                <mat-option value="">{{ t('directoryFields.kindUnknown') }}</mat-option>
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ t('directoryFields.kinds.' + kind) }}</mat-option>
                }
              </mat-select>
              <mat-error>
                <aula-field-error [control]="group().controls.proposedInstitution.controls.kind" />
              </mat-error>
            </mat-form-field>
          </div>
          <button mat-button type="button" (click)="searchAgain()">
            {{ t('directoryFields.searchAgain') }}
          </button>
        </fieldset>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .full-width {
      inline-size: 100%;
    }
    .spinner {
      margin-inline-end: 12px;
    }
    .option {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 8px;
    }
    .acronym {
      font-weight: 500;
    }
    .country,
    .note {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .not-listed {
      border-block-start: 1px solid var(--mat-sys-outline-variant);
      font-style: italic;
    }
    .proposal {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      margin: 0;
      padding: 8px 16px 12px;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .lead {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
      align-items: start;
    }
    @media (max-width: 599.98px) {
      .row {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class InstitutionFieldComponent {
  private readonly lookup = inject(DirectoryLookupService);
  private readonly language = inject(LanguageService);

  readonly group = input.required<InstitutionFieldGroup>();
  /** Suggest only institutions of this country (ISO 3166-1), when given. */
  readonly country = input<string | null>(null);
  readonly labelKey = input('directoryFields.institution');

  protected readonly statusId = `aula-institution-status-${nextId++}`;
  protected readonly kinds = INSTITUTION_KINDS;
  protected readonly nameMax = DIRECTORY_LIMITS.name;
  protected readonly notListedValue = NOT_LISTED;
  protected readonly label = (value: InstitutionRef | string | null) => institutionLabel(value);
  private readonly proposedName = viewChild<ElementRef<HTMLInputElement>>('proposedName');

  /** Every change of the group (values, errors set by the API's answer, touched): what the template reads. */
  private readonly events = toSignal(
    toObservable(this.group).pipe(switchMap((group) => group.events.pipe(startWith(null)))),
  );
  protected readonly notListed = computed(() => {
    this.events();
    return this.group().controls.notListed.value;
  });
  protected readonly searchErrors = computed(() => {
    this.events();
    return this.group().controls.search.errors;
  });
  /** The text to search for; empty once an institution is picked. */
  protected readonly typed = computed(() => {
    this.events();
    const value = this.group().controls.search.value;
    return typeof value === 'string' && value !== NOT_LISTED ? value.trim() : '';
  });

  /** The text typed before the "not listed" option replaced it. */
  private typedBefore = '';
  protected readonly items = signal<InstitutionRef[]>([]);
  protected readonly status = signal<SuggestStatus>('idle');
  protected readonly countries = computed(() => countryOptions(this.language.tag()));
  private readonly countryNames = computed(() => {
    try {
      return new Intl.DisplayNames([this.language.tag()], { type: 'region' });
    } catch {
      return null;
    }
  });

  constructor() {
    toObservable(this.group)
      .pipe(
        switchMap((group) =>
          group.controls.search.valueChanges.pipe(
            map((value) => (group.controls.search.enabled ? value : '')),
          ),
        ),
        tap((value) => {
          if (typeof value === 'string' && value !== NOT_LISTED) this.typedBefore = value;
        }),
        map((value) => (typeof value === 'string' && value !== NOT_LISTED ? value.trim() : null)),
        // A new keystroke drops the pending pause and any lookup still on its way.
        switchMap((q) => {
          if (!q) {
            this.status.set('idle');
            if (q === '') this.items.set([]);
            return of(null);
          }
          return timer(SUGGEST_DELAY_MS).pipe(
            tap(() => this.status.set('loading')),
            switchMap(() =>
              this.lookup.suggestInstitutions(q, {
                country: this.country(),
                limit: SUGGEST_LIMIT,
                locale: this.language.active(),
              }),
            ),
            tap((items) => {
              this.items.set(items);
              this.status.set('done');
            }),
            catchError(() => {
              this.items.set([]);
              this.status.set('failed');
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe();
  }

  protected countryName(code: string): string {
    return this.countryNames()?.of(code) ?? code;
  }

  protected statusText(t: (key: string, params?: Record<string, unknown>) => string): string {
    switch (this.status()) {
      case 'loading':
        return t('directoryFields.searching');
      case 'failed':
        return t('directoryFields.failed');
      case 'done':
        return this.items().length
          ? t('directoryFields.found', { count: this.items().length })
          : t('directoryFields.noMatch');
      default:
        return '';
    }
  }

  protected picked(event: MatAutocompleteSelectedEvent): void {
    const value: unknown = event.option.value;
    if (value !== NOT_LISTED) {
      if (isInstitutionRef(value)) this.status.set('idle');
      return;
    }
    const typed = this.typedBefore;
    const search = this.group().controls.search;
    // The autocomplete wrote the option's value into the field: put the person's text back.
    search.setValue(typed, { emitEvent: false });
    setNotListed(this.group(), true, typed);
    setTimeout(() => this.proposedName()?.nativeElement.focus());
  }

  protected searchAgain(): void {
    setNotListed(this.group(), false);
  }
}
