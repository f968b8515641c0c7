import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import type { CertificateVerification } from '@aula/contracts';
import { provideTransloco, type TranslocoLoader } from '@jsverse/transloco';
import { BehaviorSubject, of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import VerifyPageComponent from './verify-page.component';

class KeysLoader implements TranslocoLoader {
  getTranslation() {
    return of({});
  }
}

const BASE: CertificateVerification = {
  code: '7K3QX9M2VT8RWB4N6J1HZC5YFD',
  status: 'valid',
  holderName: 'สมชาย ใจดี',
  course: 'Intercambio interregional',
  cohort: 'Gobernación de Antioquia',
  issuedAt: '2031-03-13T15:00:00.000Z',
  revokedAt: null,
  expiresAt: null,
  credentialUrl: 'http://aula.test/api/certificates/credentials/7K3QX9M2VT8RWB4N6J1HZC5YFD/credential.json',
};

describe('VerifyPageComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTransloco({ config: { availableLangs: ['en'], defaultLang: 'en' }, loader: KeysLoader }),
        { provide: LanguageService, useValue: { active: signal('en'), tag: signal('en-GB') } },
        {
          provide: DateTimeService,
          useValue: { format: () => '13 Mar 2031', formatDayRange: (a: string, b: string) => `${a} – ${b}` },
        },
        {
          provide: ActivatedRoute,
          useValue: { paramMap: new BehaviorSubject(convertToParamMap({ code: BASE.code })) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(answer: CertificateVerification): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(VerifyPageComponent);
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne(`/api/certificates/verify/${BASE.code}`).flush(answer);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('names a workshop participation certificate and shows the workshop, host, dates and hours', async () => {
    const host = await render({
      ...BASE,
      kind: 'workshop',
      workshop: {
        slug: 'taller-agua',
        title: 'Intercambio interregional',
        hostInstitution: 'Gobernación de Antioquia',
        startDate: '2031-03-10',
        endDate: '2031-03-12',
        attendedHours: 3,
        expectedHours: 4,
      },
    });
    expect(host.querySelector('[data-kind="workshop"]')?.textContent).toContain(
      'certificates.verify.workshop.kind',
    );
    expect(host.querySelector('.workshop-title')?.textContent).toContain('Intercambio interregional');
    expect(host.textContent).toContain('Gobernación de Antioquia');
    expect(host.textContent).toContain('2031-03-10 – 2031-03-12');
    expect(host.textContent).toContain('certificates.verify.workshop.hoursValue');
    // Not a course: no course and cohort labels, and no signed credential to check.
    expect(host.textContent).not.toContain('certificates.verify.cohort');
    expect(host.querySelector('.credential')).toBeNull();
    expect(host.querySelector('#holder-name')?.getAttribute('dir')).toBe('auto');
  });

  it('keeps the course certificate as it was', async () => {
    const host = await render(BASE);
    expect(host.querySelector('[data-kind="workshop"]')).toBeNull();
    expect(host.textContent).toContain('certificates.verify.course');
    expect(host.textContent).toContain('certificates.verify.cohort');
    expect(host.querySelector('.credential')).not.toBeNull();
  });
});
