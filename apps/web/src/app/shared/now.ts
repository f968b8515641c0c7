import { DestroyRef, Signal, inject, signal } from '@angular/core';

/** The current time as a signal, ticking every `periodMs`; stops with the component. */
export function injectNow(periodMs = 30_000): Signal<Date> {
  const now = signal(new Date());
  const timer = setInterval(() => now.set(new Date()), periodMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
