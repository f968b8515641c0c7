import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { UserView } from '@aula/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from '../i18n/language.service';
import { DateTimeService } from './date-time.service';
import { LocalDateTimePipe } from './local-date-time.pipe';

/** 23:59 on Sunday 7 March 2027 in Bogotá (UTC-5): a cohort's deadline. */
const BOGOTA_DEADLINE = '2027-03-08T04:59:00Z';

// ICU writes a narrow no-break space before AM/PM and thin spaces around range dashes.
const plain = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ');

describe('DateTimeService', () => {
  const user = signal<UserView | null>(null);
  const tag = signal('en');

  function viewerIn(timeZone: string): void {
    user.set({ id: 'u1', timeZone } as UserView);
  }

  beforeEach(() => {
    user.set(null);
    tag.set('en');
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { user } },
        { provide: LanguageService, useValue: { tag } },
      ],
    });
  });

  afterEach(() => vi.restoreAllMocks());

  const service = () => TestBed.inject(DateTimeService);

  it('shows a deadline set in Bogotá on the clock of a trainee in Shanghai', () => {
    viewerIn('Asia/Shanghai');
    expect(plain(service().format(BOGOTA_DEADLINE))).toBe('Mar 8, 2027, 12:59 PM');
    expect(plain(service().format(BOGOTA_DEADLINE, 'time'))).toBe('12:59 PM');
  });

  it('shows the same deadline on the Bogotá clock to a tutor there', () => {
    viewerIn('America/Bogota');
    expect(plain(service().format(BOGOTA_DEADLINE, 'longDateTime'))).toBe('Sunday, March 7, 2027 at 11:59 PM');
  });

  it('writes dates as the interface language does', () => {
    viewerIn('America/Bogota');
    tag.set('es-419');
    expect(plain(service().format(BOGOTA_DEADLINE, 'longDate'))).toBe('domingo, 7 de marzo de 2027');
    tag.set('pt-BR');
    expect(plain(service().format(BOGOTA_DEADLINE, 'date'))).toBe('7 de mar. de 2027');
  });

  it('follows a change of zone in the profile', () => {
    viewerIn('America/Bogota');
    expect(service().hour(new Date(BOGOTA_DEADLINE))).toBe(23);
    viewerIn('Asia/Shanghai');
    expect(service().hour(new Date(BOGOTA_DEADLINE))).toBe(12);
  });

  it('uses the device’s zone, under its current name, when the profile has none or an unknown one', () => {
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
      this: Intl.DateTimeFormat,
    ) {
      return { ...resolved.call(this), timeZone: 'Asia/Calcutta' };
    });
    expect(service().timeZone()).toBe('Asia/Kolkata');
    viewerIn('Mars/Olympus_Mons');
    expect(service().timeZone()).toBe('Asia/Kolkata');
  });

  it('shows nothing for a missing or unreadable instant', () => {
    expect(service().format(null)).toBe('');
    expect(service().format('')).toBe('');
    expect(service().format('not a date')).toBe('');
  });

  describe('calendar days (a cohort’s start and end)', () => {
    it('shows the same day to viewers on both sides of the date line', () => {
      viewerIn('Pacific/Kiritimati');
      expect(service().formatDay('2027-02-01')).toBe('Feb 1, 2027');
      viewerIn('Pacific/Pago_Pago');
      expect(service().formatDay('2027-02-01')).toBe('Feb 1, 2027');
      expect(service().formatDay('2027-02-01', 'longDate')).toBe('Monday, February 1, 2027');
    });

    it('writes a range as the language does, and an upside-down one plainly', () => {
      expect(plain(service().formatDayRange('2027-02-01', '2027-05-31'))).toBe('Feb 1 – May 31, 2027');
      tag.set('es-419');
      expect(plain(service().formatDayRange('2027-02-01', '2027-05-31'))).toBe('1 de feb – 31 de may de 2027');
      tag.set('en');
      expect(plain(service().formatDayRange('2027-05-31', '2027-02-01'))).toBe('May 31, 2027 – Feb 1, 2027');
    });

    it('shows nothing for a day that is not YYYY-MM-DD', () => {
      expect(service().formatDay('1/2/2027')).toBe('');
      expect(service().formatDay(undefined)).toBe('');
      expect(service().formatDayRange('2027-02-01', '')).toBe('');
    });

    it('tells a viewer in another zone when a Bogotá day begins for them', () => {
      viewerIn('Asia/Shanghai');
      expect(service().dayStartForViewer('2027-03-08', 'America/Bogota')?.toISOString()).toBe(
        '2027-03-08T05:00:00.000Z',
      );
    });

    it('says nothing more to a viewer whose clock agrees with the cohort’s that day', () => {
      viewerIn('America/Lima');
      expect(service().dayStartForViewer('2027-03-08', 'America/Bogota')).toBeNull();
    });
  });
});

@Component({
  imports: [LocalDateTimePipe],
  template: `<time>{{ at | localDateTime: 'date' }}</time> <span>{{ at | localDateTime }}</span>`,
})
class DeadlineComponent {
  readonly at = BOGOTA_DEADLINE;
}

describe('LocalDateTimePipe', () => {
  it('re-renders a date when the viewer’s zone changes, without new input', async () => {
    const user = signal<UserView | null>({ id: 'u1', timeZone: 'America/Bogota' } as UserView);
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { user } },
        { provide: LanguageService, useValue: { tag: signal('en') } },
      ],
    });
    const fixture = TestBed.createComponent(DeadlineComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const text = () => [...element.querySelectorAll('time, span')].map((e) => plain(e.textContent ?? ''));
    expect(text()).toEqual(['Mar 7, 2027', 'Mar 7, 2027, 11:59 PM']);

    user.set({ id: 'u1', timeZone: 'Asia/Shanghai' } as UserView);
    fixture.detectChanges();
    expect(text()).toEqual(['Mar 8, 2027', 'Mar 8, 2027, 12:59 PM']);
  });
});
