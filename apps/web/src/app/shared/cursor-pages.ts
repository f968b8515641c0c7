import { computed, signal } from '@angular/core';

/**
 * Where a keyset-paginated list is: the cursor of every page opened so far (the first page has
 * none), so "previous" goes back without the server counting offsets.
 */
export class CursorPages {
  private readonly cursors = signal<(string | null)[]>([null]);
  /** 1 on the first page. */
  readonly pageNumber = computed(() => this.cursors().length);
  /** The cursor to ask for the page shown now; null for the first page. */
  readonly cursor = computed(() => this.cursors().at(-1) ?? null);

  /** Back to the first page (a new search or filter). */
  reset(): void {
    this.cursors.set([null]);
  }

  /** Opens the page after this one, when the list said there is one. */
  next(nextCursor: string | null | undefined): void {
    if (nextCursor) this.cursors.update((cursors) => [...cursors, nextCursor]);
  }

  previous(): void {
    this.cursors.update((cursors) => (cursors.length > 1 ? cursors.slice(0, -1) : cursors));
  }
}
