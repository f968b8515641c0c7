import { describe, expect, it } from 'vitest';
import { CursorPages } from './cursor-pages';

describe('CursorPages', () => {
  it('starts on page 1, asking for the first page', () => {
    const pages = new CursorPages();
    expect(pages.pageNumber()).toBe(1);
    expect(pages.cursor()).toBeNull();
  });

  it('goes forward with the cursor the list gave, and back to the page before', () => {
    const pages = new CursorPages();
    pages.next('after-20');
    pages.next('after-40');
    expect(pages.pageNumber()).toBe(3);
    expect(pages.cursor()).toBe('after-40');
    pages.previous();
    expect(pages.pageNumber()).toBe(2);
    expect(pages.cursor()).toBe('after-20');
  });

  it('stays on the last page when the list said there is no next one', () => {
    const pages = new CursorPages();
    pages.next('after-20');
    pages.next(null);
    pages.next(undefined);
    pages.next('');
    expect(pages.pageNumber()).toBe(2);
    expect(pages.cursor()).toBe('after-20');
  });

  it('does not go back before the first page', () => {
    const pages = new CursorPages();
    pages.previous();
    expect(pages.pageNumber()).toBe(1);
    expect(pages.cursor()).toBeNull();
  });

  it('starts again from the first page after a new search', () => {
    const pages = new CursorPages();
    pages.next('after-20');
    pages.next('after-40');
    pages.reset();
    expect(pages.pageNumber()).toBe(1);
    expect(pages.cursor()).toBeNull();
  });
});
