import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';
import { TranslocoDirective } from '@jsverse/transloco';
import { DIRECTORY_ADMIN } from './admin-directory.routes';

/** Breadcrumbs, the screen's heading and the ways between the directory's admin screens. */
@Component({
  selector: 'aula-directory-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <nav class="breadcrumbs" [attr.aria-label]="t('shell.breadcrumbs')">
        <a routerLink="/admin">{{ t('areas.admin') }}</a>
        <span aria-hidden="true">›</span>
        <a [routerLink]="base" [attr.aria-current]="current() ? null : 'page'">{{
          t('adminDirectory.title')
        }}</a>
        @if (current(); as current) {
          <span aria-hidden="true">›</span>
          <span aria-current="page" dir="auto">{{ current }}</span>
        }
      </nav>
      <nav class="areas" [attr.aria-label]="t('adminDirectory.nav.label')">
        @for (link of links; track link.key) {
          <a
            [routerLink]="link.path"
            [class.active]="link.key === activeKey()"
            [attr.aria-current]="link.key === activeKey() ? 'page' : null"
            >{{ t(link.key) }}</a
          >
        }
      </nav>
    </ng-container>
  `,
  styles: `
    .breadcrumbs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin-block-end: 8px;
      color: var(--mat-sys-on-surface-variant);
      a {
        color: var(--mat-sys-primary);
      }
    }
    .areas {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-block-end: 16px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      a {
        display: inline-flex;
        align-items: center;
        min-block-size: 44px;
        padding: 0 16px;
        color: var(--mat-sys-on-surface-variant);
        text-decoration: none;
        font: var(--mat-sys-title-small);
        border-block-end: 3px solid transparent;
      }
      a:hover {
        background: color-mix(in srgb, var(--mat-sys-on-surface) 6%, transparent);
      }
      a.active {
        color: var(--mat-sys-primary);
        border-block-end-color: var(--mat-sys-primary);
      }
    }
  `,
})
export class DirectoryNavComponent {
  /** The screen's own crumb after "Directory"; none on the institutions list. */
  readonly current = input<string | null>(null);

  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );

  protected readonly base = DIRECTORY_ADMIN;
  protected readonly links = [
    { key: 'adminDirectory.nav.institutions', path: DIRECTORY_ADMIN },
    { key: 'adminDirectory.nav.regions', path: `${DIRECTORY_ADMIN}/regions` },
    { key: 'adminDirectory.nav.csv', path: `${DIRECTORY_ADMIN}/csv` },
    { key: 'adminDirectory.nav.freeText', path: `${DIRECTORY_ADMIN}/free-text` },
  ] as const;
  /** The part of the directory the screen belongs to; institutions own their editor and merges too. */
  protected readonly activeKey = computed(() => {
    const path = (this.url().split(/[?#]/)[0] ?? '').replace(/\/+$/, '');
    const inner = path.startsWith(DIRECTORY_ADMIN) ? path.slice(DIRECTORY_ADMIN.length) : path;
    const section = inner.split('/')[1] ?? '';
    return (
      this.links.find((link) => link.path.slice(DIRECTORY_ADMIN.length).split('/')[1] === section)?.key ??
      'adminDirectory.nav.institutions'
    );
  });
}
