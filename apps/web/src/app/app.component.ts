import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  inject,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter, skip } from 'rxjs';
import { NoticeOutletComponent } from './layout/notice-outlet.component';
import { TopBarComponent } from './layout/top-bar.component';

@Component({
  selector: 'aula-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, TopBarComponent, NoticeOutletComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <a class="skip-link" href="#main" (click)="skipToMain($event)">{{ t('shell.skipToContent') }}</a>
    </ng-container>
    <aula-top-bar />
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
    <aula-notice-outlet />
  `,
})
export class AppComponent {
  private readonly injector = inject(Injector);

  constructor() {
    // After moving to another page, put focus on its heading, so screen readers announce
    // the new page and keyboard users start from the top of it (the first load is left alone).
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => afterNextRender({ write: () => this.focusMain() }, { injector: this.injector }));
  }

  /** `href="#main"` would resolve against `<base href>` and leave the page: focus instead. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  private focusMain(): void {
    const main = document.getElementById('main');
    const heading = main?.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target) return;
    if (target === heading) heading.tabIndex = -1;
    target.focus({ preventScroll: false });
  }
}
