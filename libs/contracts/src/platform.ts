import type { Locale } from './identity';

/** What the web app needs to know before anyone signs in. */
export interface PlatformInfo {
  name: string;
  registrationEnabled: boolean;
  locales: readonly Locale[];
  defaultLocale: Locale;
  /** Hours before a due time at which trainees are reminded, largest first, unless a course sets its own. */
  reminderOffsetsHours: number[];
}

export interface HealthStatus {
  status: 'ok' | 'error';
  checks?: Record<string, { status: 'up' | 'down'; detail?: string }>;
}
