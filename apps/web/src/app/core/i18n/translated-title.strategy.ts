import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { PlatformService } from '../platform/platform.service';

/**
 * Route `title`s are translation keys; the page title follows the language. A page about one
 * thing (a course, an activity) names it with `setDetail`, until the next navigation.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly platform = inject(PlatformService);
  private readonly key = signal<string | undefined>(undefined);
  private readonly detail = signal<string | null>(null);

  constructor() {
    super();
    effect(() => {
      // Transloco's own signal: the router creates this early, before our services exist.
      this.transloco.activeLang();
      const key = this.key();
      const detail = this.detail();
      const name = this.platform.info().name;
      const page = detail ?? (key ? this.transloco.translate(key) : null);
      this.title.setTitle(page ? `${page} · ${name}` : name);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.detail.set(null);
    this.key.set(this.buildTitle(snapshot));
  }

  /** The name of what the page shows (already in its own language), instead of the route's title. */
  setDetail(text: string | null): void {
    this.detail.set(text?.trim() || null);
  }
}

/** In a component: names the page after `text()` (a course title…) while it is known. */
export function pageTitleFrom(text: () => string | null | undefined): void {
  const strategy = inject(TranslatedTitleStrategy);
  effect(() => strategy.setDetail(text() ?? null));
}
