import { DestroyRef, Signal, inject, signal } from '@angular/core';

/** Whether a CSS media query matches, as a signal (e.g. to move navigation into a menu on phones). */
export function injectMediaQuery(query: string): Signal<boolean> {
  const list = window.matchMedia(query);
  const matches = signal(list.matches);
  const listener = (event: MediaQueryListEvent) => matches.set(event.matches);
  list.addEventListener('change', listener);
  inject(DestroyRef).onDestroy(() => list.removeEventListener('change', listener));
  return matches.asReadonly();
}
