import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Directive,
  TemplateRef,
  ViewEncapsulation,
  computed,
  contentChild,
  inject,
  input,
  output,
  type WritableResource,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Page } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import type { CursorPages } from './cursor-pages';
import { FORM_FIELD_DEFAULTS } from './form-field-defaults';
import { IconComponent } from './icon.component';
import { PagerComponent } from './pager.component';

/** Wait for a pause in typing before asking the API: one request per search, not per key. */
export const SEARCH_DELAY_MS = 350;

/** Translation keys of a list's texts. */
export interface ListTexts {
  /** The table's name for screen readers. */
  caption: string;
  loadFailed: string;
  /** Shown when the page has no rows. */
  empty: string;
  /** Shown over a page with rows, with `{{ count }}` and `{{ page }}`; nothing when unset. */
  pageStatus?: string;
  /** The pager's name for screen readers. */
  pager: string;
  /** The search field's label (and hint); no search field when unset. */
  search?: string;
  searchHint?: string;
}

/** A column heading by its translation key; `hidden` ones are for screen readers only (actions). */
export interface ListColumn {
  key: string;
  hidden?: boolean;
}

/** What a screen tells its list: its texts, its columns, and what identifies a row across reloads. */
export interface ListSpec<T> {
  texts: ListTexts;
  columns: readonly ListColumn[];
  /** So that a row changed in place keeps its focus. */
  key: (item: T) => unknown;
}

/** The value picked in a native `<select>` filter, when it is one of `choices`; '' for "all". */
export function chosen<C extends string>(event: Event, choices: readonly C[]): C | '' {
  const value = (event.target as HTMLSelectElement).value;
  return (choices as readonly string[]).includes(value) ? (value as C) : '';
}

/**
 * `<ng-template [aulaListRow]="users" let-user>`: the cells (`th scope="row"`, `td`s) of one row.
 * The list it is given types `let-…` in the template.
 */
@Directive({ selector: 'ng-template[aulaListRow]' })
export class ListRowDirective<T> {
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);
  readonly aulaListRow = input.required<WritableResource<Page<T> | undefined>>();

  static ngTemplateContextGuard<T>(
    _row: ListRowDirective<T>,
    _context: unknown,
  ): _context is { $implicit: T } {
    return true;
  }
}

/**
 * The skeleton of a keyset-paginated list screen: filters (a debounced search, and the fields the
 * screen projects), loading bar, status line, retry, a table whose rows the screen draws, pager.
 * Not encapsulated, so the shared table and filter styles reach the cells and fields the screen
 * writes; they load with the first list opened, not with the app.
 */
@Component({
  selector: 'aula-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [
    NgTemplateOutlet,
    TranslocoDirective,
    PagerComponent,
    IconComponent,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  // For its own search field only: the fields a screen projects keep that screen's defaults.
  viewProviders: [FORM_FIELD_DEFAULTS],
  templateUrl: './list-page.component.html',
  styleUrl: './list-page.component.scss',
})
export class ListPageComponent<T> {
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  readonly list = input.required<WritableResource<Page<T> | undefined>>();
  readonly pages = input.required<CursorPages>();
  readonly spec = input.required<ListSpec<T>>();
  /** The search as it stands (the field shows it). */
  readonly query = input('');
  /** A new search, after a pause in typing or on Enter; the list is back on its first page. */
  readonly search = output<string>();

  protected readonly texts = computed(() => this.spec().texts);
  protected readonly row = contentChild.required<ListRowDirective<T>>(ListRowDirective);
  protected readonly items = computed(() => {
    const list = this.list();
    return list.hasValue() ? list.value().items : [];
  });
  protected readonly nextCursor = computed(() => {
    const list = this.list();
    return list.hasValue() ? list.value().nextCursor : null;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.searchFor(value), SEARCH_DELAY_MS);
  }

  protected submitted(form: HTMLFormElement): void {
    const field = form.querySelector<HTMLInputElement>('input[type="search"]');
    if (field) this.searchFor(field.value);
  }

  private searchFor(value: string): void {
    clearTimeout(this.searchTimer);
    if (value.trim() === this.query().trim()) return;
    this.pages().reset();
    this.search.emit(value);
  }
}

/** What a list screen imports: the list, its row template, and the fields of its filters. */
export const LIST_PAGE = [ListPageComponent, ListRowDirective, MatFormFieldModule, MatInputModule] as const;
