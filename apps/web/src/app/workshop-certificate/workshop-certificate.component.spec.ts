import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MyWorkshopCertificate } from '@aula/contracts';
import { provideTransloco, type TranslocoLoader } from '@jsverse/transloco';
import { of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { NoticeService } from '../shared/notice.service';
import { WorkshopCertificateComponent } from './workshop-certificate.component';

class KeysLoader implements TranslocoLoader {
  getTranslation() {
    return of({});
  }
}

const CERTIFICATE: MyWorkshopCertificate = {
  code: '7K3QX9M2VT8RWB4N6J1HZC5YFD',
  issuedAt: '2031-03-13T10:00:00.000Z',
  verifyUrl: 'http://aula.test/verify/7K3QX9M2VT8RWB4N6J1HZC5YFD',
  attendedHours: 3,
  expectedHours: 4,
};

describe('WorkshopCertificateComponent', () => {
  let http: HttpTestingController;
  const notices = { show: vi.fn() };

  beforeEach(() => {
    notices.show.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTransloco({ config: { availableLangs: ['en'], defaultLang: 'en' }, loader: KeysLoader }),
        { provide: LanguageService, useValue: { active: signal('en'), tag: signal('en-GB') } },
        { provide: DateTimeService, useValue: { format: () => '13 Mar 2031' } },
        { provide: NoticeService, useValue: notices },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const render = async (slug: string, answer: (url: string) => void) => {
    const fixture = TestBed.createComponent(WorkshopCertificateComponent);
    fixture.componentRef.setInput('workshopSlug', slug);
    fixture.detectChanges();
    TestBed.tick();
    answer(`/api/workshops/${slug}/certificate`);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  };

  it('shows the issued certificate with its code, a download and the verification link', async () => {
    const { fixture, host } = await render('taller-agua', (url) => http.expectOne(url).flush(CERTIFICATE));
    expect(host.querySelector('[data-testid="workshop-certificate-code"]')?.textContent).toContain(
      'workshopCertificate.code',
    );
    expect(host.querySelector('[data-testid="workshop-certificate-verify"]')?.getAttribute('href')).toBe(
      '/verify/7K3QX9M2VT8RWB4N6J1HZC5YFD',
    );
    const button = host.querySelector<HTMLButtonElement>('[data-testid="workshop-certificate-download"]');
    expect(button).not.toBeNull();
    button?.click();
    fixture.detectChanges();
    // The PDF is fetched with the access token (a blob), from the participant's own route.
    const pdf = http.expectOne('/api/workshops/taller-agua/certificate/pdf');
    expect(pdf.request.responseType).toBe('blob');
    pdf.flush(null, { status: 500, statusText: 'Server Error' });
    // A failed download says so (and the button comes back).
    await vi.waitFor(() =>
      expect(notices.show).toHaveBeenCalledWith('workshopCertificate.downloadFailed', 'error'),
    );
    fixture.detectChanges();
    expect(button?.disabled).toBe(false);
  });

  it('explains what earns a certificate while there is none', async () => {
    const { host } = await render('taller-agua', (url) =>
      http
        .expectOne(url)
        .flush({ status: 404, title: 'Not Found' }, { status: 404, statusText: 'Not Found' }),
    );
    expect(host.querySelector('[data-testid="workshop-certificate-download"]')).toBeNull();
    expect(host.textContent).toContain('workshopCertificate.notYet');
    expect(host.textContent).not.toContain('workshopCertificate.failed');
  });
});
