import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { InstitutionRef } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { AdminDirectoryService } from './admin-directory.service';

const SEARCH_DELAY_MS = 300;

/** Finds an institution by any of its names (every status) and hands it over; the field empties for the next one. */
@Component({
  selector: 'aula-institution-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  template: `
    <mat-form-field *transloco="let t" class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input
        #search
        matInput
        type="search"
        autocomplete="off"
        [matAutocomplete]="found"
        (input)="typed($event)"
      />
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-autocomplete #found="matAutocomplete" (optionSelected)="chosen($event)">
        @for (item of results(); track item.id) {
          <mat-option [value]="item" [disabled]="exclude().includes(item.id)">
            <bdi dir="auto">{{ item.displayName }}</bdi>
            <span class="detail">
              {{ item.acronym ? item.acronym + ' · ' : '' }}{{ item.country }}
              @if (item.status !== 'active') {
                · {{ t('adminDirectory.status.' + item.status) }}
              }
            </span>
          </mat-option>
        }
        @if (failed()) {
          <mat-option disabled>{{ t('adminDirectory.picker.failed') }}</mat-option>
        } @else if (searched() && results().length === 0) {
          <mat-option disabled>{{ t('adminDirectory.picker.none') }}</mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    .picker {
      inline-size: 100%;
    }
    .detail {
      margin-inline-start: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class InstitutionPickerComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('search');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private searchNumber = 0;

  readonly label = input.required<string>();
  readonly hint = input<string>('');
  /** Institutions that may not be picked (already chosen, or the one being edited). */
  readonly exclude = input<readonly string[]>([]);
  readonly picked = output<InstitutionRef>();

  protected readonly results = signal<InstitutionRef[]>([]);
  protected readonly searched = signal(false);
  protected readonly failed = signal(false);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(value), SEARCH_DELAY_MS);
  }

  protected chosen(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as InstitutionRef);
    this.input().nativeElement.value = '';
    this.results.set([]);
    this.searched.set(false);
  }

  private async search(text: string): Promise<void> {
    const q = text.trim();
    const number = ++this.searchNumber;
    if (!q) {
      this.results.set([]);
      this.searched.set(false);
      return;
    }
    try {
      const found = await this.directory.findInstitutions(q);
      if (number !== this.searchNumber) return;
      this.failed.set(false);
      this.results.set(found);
    } catch (error) {
      if (number !== this.searchNumber) return;
      this.results.set([]);
      this.failed.set(statusOf(error) !== 400);
    }
    this.searched.set(true);
  }
}
