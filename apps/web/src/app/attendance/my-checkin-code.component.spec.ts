import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { WorkshopCheckInCode } from '@aula/contracts';
import { provideTransloco, type TranslocoLoader } from '@jsverse/transloco';
import { of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LanguageService } from '../core/i18n/language.service';
import { NoticeService } from '../shared/notice.service';
import { MyCheckInCodeComponent } from './my-checkin-code.component';

class KeysLoader implements TranslocoLoader {
  getTranslation() {
    return of({});
  }
}

const CODE: WorkshopCheckInCode = {
  registrationId: '7d1c2c59-4b0e-4e55-9a43-2a4c6f1d9e10',
  workshopId: '0b7e3b84-3b8a-4a53-a7f2-3c0f0d0f6c11',
  token: 'Xk2_9aQ-0bLmN4pRt7vWyZ',
  code: 'K7M2Q-9XH4T',
  qr: { size: 25, path: 'M0 0h7v1h-7zM9 0h2v1h-2z' },
};

describe('MyCheckInCodeComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTransloco({ config: { availableLangs: ['en'], defaultLang: 'en' }, loader: KeysLoader }),
        { provide: LanguageService, useValue: { active: signal('en'), tag: signal('en-GB') } },
        { provide: NoticeService, useValue: { show: vi.fn() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const render = (slug: string) => {
    const fixture = TestBed.createComponent(MyCheckInCodeComponent);
    fixture.componentRef.setInput('workshopSlug', slug);
    fixture.detectChanges();
    TestBed.tick();
    return fixture;
  };

  it('draws the QR code as SVG and shows the code for typing', async () => {
    const fixture = render('taller-agua');
    http.expectOne('/api/workshops/taller-agua/check-in-code').flush(CODE);
    await fixture.whenStable();
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const svg = host.querySelector('[data-testid="checkin-qr"]');
    expect(svg?.getAttribute('viewBox')).toBe('-4 -4 33 33');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.querySelector('path')?.getAttribute('d')).toBe(CODE.qr.path);
    expect(host.querySelector('[data-testid="checkin-typed-code"]')?.textContent).toBe('K7M2Q-9XH4T');
    expect(host.querySelector('button')).not.toBeNull();
  });

  it('says the code comes with a confirmed seat when the reader has none', async () => {
    const fixture = render('taller-agua');
    http.expectOne('/api/workshops/taller-agua/check-in-code').flush({ status: 404, title: 'Not Found' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('[data-testid="checkin-qr"]')).toBeNull();
    // The key itself (the test loader has no texts): the "not confirmed" message, not the error.
    expect(host.textContent).toContain('attendance.myCode.notConfirmed');
    expect(host.textContent).not.toContain('attendance.myCode.failed');
  });
});
