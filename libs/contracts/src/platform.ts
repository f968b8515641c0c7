import type { Locale } from './identity';

/** What the web app needs to know before anyone signs in. */
export interface PlatformInfo {
  name: string;
  registrationEnabled: boolean;
  locales: readonly Locale[];
  defaultLocale: Locale;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  checks?: Record<string, { status: 'up' | 'down'; detail?: string }>;
}
