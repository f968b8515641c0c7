import { Injectable, computed, inject } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from '../i18n/language.service';
import { browserTimeZone, isValidTimeZone, zonedDayStart } from './time-zones';

export type DateTimeStyle = 'date' | 'longDate' | 'time' | 'dateTime' | 'longDateTime';

const STYLES: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  longDate: { dateStyle: 'full' },
  time: { timeStyle: 'short' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  longDateTime: { dateStyle: 'full', timeStyle: 'short' },
};

function calendarDay(value: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

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

  /**
   * A calendar day (`YYYY-MM-DD`, no time and no zone: a cohort's start date) in the interface
   * language. Shown as the same day everywhere, so it is formatted in UTC.
   */
  formatDay(value: string | null | undefined, style: 'date' | 'longDate' = 'date'): string {
    const date = calendarDay(value);
    return date ? this.dayFormatter(style).format(date) : '';
  }

  /** "1 Feb – 31 May 2027": two calendar days as one range, as the language writes it. */
  formatDayRange(start: string, end: string): string {
    const from = calendarDay(start);
    const to = calendarDay(end);
    if (!from || !to) return '';
    const format = this.dayFormatter('date');
    return from <= to ? format.formatRange(from, to) : `${format.format(from)} – ${format.format(to)}`;
  }

  /**
   * When a day in another zone begins, for the viewer: `null` when that zone keeps the viewer's
   * clock on that day (the day alone says it all), else the instant in the viewer's zone.
   */
  dayStartForViewer(date: string, zone: string): Date | null {
    const start = zonedDayStart(date, zone);
    const mine = zonedDayStart(date, this.timeZone());
    if (!start || !mine || start.getTime() === mine.getTime()) return null;
    return start;
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

  private dayFormatter(style: 'date' | 'longDate'): Intl.DateTimeFormat {
    const locale = this.language.tag();
    const key = `day|${style}|${locale}`;
    let format = this.formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: 'UTC' });
      this.formats.set(key, format);
    }
    return format;
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
