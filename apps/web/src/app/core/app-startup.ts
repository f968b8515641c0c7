import type { inject as Inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthService } from './auth/auth.service';
import { LanguageService } from './i18n/language.service';
import { PlatformService } from './platform/platform.service';

/**
 * Before the first render: restore the session from the refresh cookie, read the platform
 * settings and load the right language. All three requests start at once, because on a
 * slow link every sequential round trip is felt.
 */
export async function startApp(inject: typeof Inject): Promise<void> {
  const auth = inject(AuthService);
  const platform = inject(PlatformService);
  const language = inject(LanguageService);
  const transloco = inject(TranslocoService);

  const guess = language.guess('en');
  const preload = firstValueFrom(transloco.load(guess)).catch(() => null);
  const [info, session] = await Promise.all([platform.load(), auth.refresh()]);

  const locale = session?.user.locale ?? language.guess(info.defaultLocale);
  await preload;
  try {
    await language.apply(locale);
  } catch {
    // Translations unreachable: show English rather than nothing.
    await language.apply('en').catch(() => undefined);
  }
}
