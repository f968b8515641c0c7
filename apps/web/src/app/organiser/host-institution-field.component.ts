import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { toSignal, toObservable } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { directoryApi, routeUrl, type InstitutionPage, type InstitutionRef } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom, startWith, switchMap } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { FieldErrorComponent } from '../shared/field-error.component';

const SEARCH_DELAY_MS = 250;

/**
 * The workshop's host institution, picked from the directory by typing part of its name or
 * acronym. Holds the institution's id in `control`; the field shows its name.
 */
@Component({
  selector: 'aula-host-institution-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslocoDirective, FieldErrorComponent],
  template: `
    <ng-container *transloco="let t">
      <mat-form-field class="full-width">
        <mat-label>{{ t('organiser.form.hostInstitution') }}</mat-label>
        <input
          matInput
          type="search"
          autocomplete="off"
          spellcheck="false"
          dir="auto"
          required
          [value]="name()"
          [matAutocomplete]="found"
          (input)="typed($event)"
          (blur)="control().markAsTouched()"
        />
        <mat-hint>{{ name() && control().value ? t('organiser.form.hostChosen', { name: name() }) : t('organiser.form.hostHint') }}</mat-hint>
        <mat-autocomplete #found="matAutocomplete" [displayWith]="label" (optionSelected)="chosen($event)">
          @for (item of results(); track item.id) {
            <mat-option [value]="item">
              <bdi dir="auto">{{ item.displayName }}</bdi>
              <span class="detail">{{ item.acronym ? item.acronym + ' · ' : '' }}{{ item.country }}</span>
            </mat-option>
          }
          @if (failed()) {
            <mat-option disabled>{{ t('directoryFields.failed') }}</mat-option>
          } @else if (searched() && !results().length) {
            <mat-option disabled>{{ t('directoryFields.noMatch') }}</mat-option>
          }
        </mat-autocomplete>
      </mat-form-field>
      @if (control().invalid && control().touched) {
        <p class="field-error" role="alert"><aula-field-error [control]="control()" /></p>
      }
    </ng-container>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
    .detail {
      margin-inline-start: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .field-error {
      margin: 0 0 8px 16px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class HostInstitutionFieldComponent {
  private readonly lookup = inject(DirectoryLookupService);
  private readonly http = inject(HttpClient);
  private readonly language = inject(LanguageService);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private searchNumber = 0;

  readonly control = input.required<FormControl<string>>();

  protected readonly name = signal('');
  protected readonly label = (value: InstitutionRef | string | null) =>
    typeof value === 'string' ? value : (value?.displayName ?? '');
  protected readonly results = signal<InstitutionRef[]>([]);
  protected readonly searched = signal(false);
  protected readonly failed = signal(false);
  /** Follows the control, so a value set from outside (an existing workshop) shows its name. */
  private readonly id = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.valueChanges.pipe(startWith(control.value)))),
  );
  private named = '';

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    effect(() => {
      const id = this.id();
      if (id && id !== this.named) void this.nameOf(id);
    });
  }

  private async nameOf(id: string): Promise<void> {
    this.named = id;
    try {
      const found = await firstValueFrom(
        this.http.get<InstitutionPage>(routeUrl(directoryApi.institution, { id }), {
          params: { locale: this.language.active() },
        }),
      );
      if (this.control().value === id) this.name.set(found.institution.displayName);
    } catch {
      // A pending or hidden institution has no public page; the id stays chosen.
    }
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.name.set(value);
    // Typing again un-chooses: the field must name an institution from the list.
    if (this.control().value) {
      this.control().setValue('');
      this.named = '';
    }
    this.control().markAsDirty();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(value), SEARCH_DELAY_MS);
  }

  protected chosen(event: MatAutocompleteSelectedEvent): void {
    const institution = event.option.value as InstitutionRef;
    this.named = institution.id;
    this.name.set(institution.displayName);
    this.control().setValue(institution.id);
    this.control().markAsDirty();
    this.results.set([]);
    this.searched.set(false);
  }

  private async search(text: string): Promise<void> {
    const q = text.trim();
    const number = ++this.searchNumber;
    if (q.length < 2) {
      this.results.set([]);
      this.searched.set(false);
      return;
    }
    try {
      const found = await firstValueFrom(this.lookup.suggestInstitutions(q, { limit: 8, locale: this.language.active() }));
      if (number !== this.searchNumber) return;
      this.failed.set(false);
      this.results.set(found);
    } catch {
      if (number !== this.searchNumber) return;
      this.results.set([]);
      this.failed.set(true);
    }
    this.searched.set(true);
  }
}
