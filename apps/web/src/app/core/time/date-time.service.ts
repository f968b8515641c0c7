import { Injectable, computed, inject } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from '../i18n/language.service';
import { browserTimeZone, isValidTimeZone } from './time-zones';

export type DateTimeStyle = 'date' | 'longDate' | 'time' | 'dateTime' | 'longDateTime';

const STYLES: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  longDate: { dateStyle: 'full' },
  time: { timeStyle: 'short' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  longDateTime: { dateStyle: 'full', timeStyle: 'short' },
};

/**
 * Formats instants for the viewer: in their time zone (profile, else the browser's) and in the
 * interface language. Reads signals, so callers inside `computed()` or templates follow changes.
 */
@Injectable({ providedIn: 'root' })
export class DateTimeService {
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  readonly timeZone = computed(() => {
    const zone = this.auth.user()?.timeZone;
    return zone && isValidTimeZone(zone) ? zone : browserTimeZone();
  });

  format(value: string | number | Date | null | undefined, style: DateTimeStyle = 'dateTime'): string {
    if (value === null || value === undefined || value === '') return '';
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return '';
    return this.formatter(style).format(date);
  }

  /** Hour of the day (0–23) in the viewer's zone, for greetings. */
  hour(at: Date = new Date()): number {
    const key = `hour|${this.timeZone()}`;
    let format = this.formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone: this.timeZone(),
        hour: 'numeric',
        hourCycle: 'h23',
      });
      this.formats.set(key, format);
    }
    return Number(format.format(at)) % 24;
  }

  private formatter(style: DateTimeStyle): Intl.DateTimeFormat {
    const locale = this.language.tag();
    const timeZone = this.timeZone();
    const key = `${style}|${locale}|${timeZone}`;
    let format = this.formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
      this.formats.set(key, format);
    }
    return format;
  }
}
