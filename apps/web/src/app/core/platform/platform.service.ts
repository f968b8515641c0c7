import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { PlatformInfo } from '@aula/contracts';
import { platformApi } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import { APP_LOCALES } from '../i18n/languages';

/** Used until (or if) `/api/platform` answers; registration stays hidden when in doubt. */
const FALLBACK: PlatformInfo = {
  name: 'Aula',
  registrationEnabled: false,
  locales: APP_LOCALES,
  defaultLocale: 'en',
  reminderOffsetsHours: [72, 24],
};

@Injectable({ providedIn: 'root' })
export class PlatformService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<PlatformInfo>(FALLBACK);

  readonly info = this.state.asReadonly();

  async load(): Promise<PlatformInfo> {
    try {
      this.state.set(await firstValueFrom(this.http.get<PlatformInfo>(platformApi.info.path)));
    } catch {
      // Keep the fallback: the app still renders and sign-in reports the API's state.
    }
    return this.state();
  }
}
