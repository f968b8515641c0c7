import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { webPages, type Locale } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { areasFor } from '../core/auth/roles';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { PlatformService } from '../core/platform/platform.service';
import { IconComponent } from '../shared/icon.component';
import { injectMediaQuery } from '../shared/media-query';
import { NoticeService } from '../shared/notice.service';
import { DropdownComponent } from './dropdown.component';
import { NotificationBellComponent } from '../notification/notification-bell.component';
import { OrganiserAccess } from '../organiser/organiser-access';

/**
 * Who is signed in, where they are, which language: the bar on every page. Plain elements
 * styled with the theme's tokens, so the first download carries no Material component code.
 */
@Component({
  selector: 'aula-top-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    RouterLinkActive,
    TranslocoDirective,
    IconComponent,
    DropdownComponent,
    NotificationBellComponent,
  ],
  templateUrl: './top-bar.component.html',
  styleUrl: './top-bar.component.scss',
})
export class TopBarComponent {
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly notices = inject(NoticeService);
  private readonly router = inject(Router);

  protected readonly platform = inject(PlatformService).info;
  protected readonly user = this.auth.user;
  protected readonly areas = computed(() => areasFor(this.auth.roles()));
  protected readonly activeLocale = this.language.active;
  protected readonly locales = computed(() =>
    APP_LOCALES.filter((locale) => this.platform().locales.includes(locale)),
  );
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly networkLink = webPages.network.path;
  protected readonly workshopsLink = webPages.workshops.path;
  protected readonly narrow = injectMediaQuery('(max-width: 719.98px)');
  /** Organisers (admins, and people granted a workshop) find their workshops in the account menu. */
  protected readonly canOrganise = inject(OrganiserAccess).canOrganise;
  protected readonly organiserLink = webPages.organiserWorkshops.path;

  protected async chooseLanguage(locale: Locale): Promise<void> {
    if (locale === this.activeLocale()) return;
    try {
      await this.language.choose(locale);
    } catch {
      this.notices.show(this.transloco.translate('shell.languageNotSaved'), 'error');
    }
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigateByUrl('/sign-in');
    this.notices.show(this.transloco.translate('auth.signedOut'));
  }
}
