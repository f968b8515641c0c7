import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { DIRECTORY_ADMIN } from './admin-directory.routes';

/** Breadcrumbs, the screen's heading and the ways between the directory's admin screens. */
@Component({
  selector: 'aula-directory-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, TranslocoDirective],
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
            routerLinkActive="active"
            [routerLinkActiveOptions]="{ exact: link.exact }"
            ariaCurrentWhenActive="page"
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

  protected readonly base = DIRECTORY_ADMIN;
  protected readonly links = [
    { key: 'adminDirectory.nav.institutions', path: DIRECTORY_ADMIN, exact: true },
    { key: 'adminDirectory.nav.regions', path: `${DIRECTORY_ADMIN}/regions`, exact: false },
    { key: 'adminDirectory.nav.csv', path: `${DIRECTORY_ADMIN}/csv`, exact: true },
    { key: 'adminDirectory.nav.freeText', path: `${DIRECTORY_ADMIN}/free-text`, exact: true },
  ] as const;
}
