import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import type { Locale } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { areasFor } from '../core/auth/roles';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { PlatformService } from '../core/platform/platform.service';
import { IconComponent } from '../shared/icon.component';

/** Who is signed in, where they are, which language: the bar on every page. */
@Component({
  selector: 'aula-top-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatToolbarModule, MatButtonModule, MatMenuModule, RouterLink, RouterLinkActive, TranslocoDirective, IconComponent],
  templateUrl: './top-bar.component.html',
  styleUrl: './top-bar.component.scss',
})
export class TopBarComponent {
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  protected readonly platform = inject(PlatformService).info;
  protected readonly user = this.auth.user;
  protected readonly areas = computed(() => areasFor(this.auth.roles()));
  protected readonly activeLocale = this.language.active;
  protected readonly locales = computed(() => APP_LOCALES.filter((locale) => this.platform().locales.includes(locale)));
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 719.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected async chooseLanguage(locale: Locale): Promise<void> {
    if (locale === this.activeLocale()) return;
    try {
      await this.language.choose(locale);
    } catch {
      this.snackBar.open(this.transloco.translate('shell.languageNotSaved'), undefined, { duration: 6000 });
    }
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigateByUrl('/sign-in');
    this.snackBar.open(this.transloco.translate('auth.signedOut'), undefined, { duration: 5000 });
  }
}
