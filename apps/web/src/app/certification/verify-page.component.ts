import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import type { CertificateVerification, CredentialVerificationResult } from '@aula/contracts';
import { certificationApi, routeUrl, webPages } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { DateTimeService } from '../core/time/date-time.service';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { IconComponent } from '../shared/icon.component';
import { CertificateStatusComponent } from './certificate-status.component';
import { CertificationService, credentialPath } from './certification.service';

/** What a failed check means to the visitor. */
function failureKey(error: unknown): string {
  const status = statusOf(error);
  if (status === 404 || status === 400) return 'certificates.verify.notFound';
  if (status === 429) return 'certificates.verify.tooMany';
  if (status === 0) return 'errors.offline';
  return 'certificates.verify.failed';
}

/**
 * `/verify` and `/verify/:code`: public. What the certificate says (holder, course, cohort, date)
 * and whether it holds, and a check of its signed credential. Nothing else about the holder.
 */
@Component({
  selector: 'aula-verify-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    LocalDateTimePipe,
    IconComponent,
    CertificateStatusComponent,
  ],
  templateUrl: './verify-page.component.html',
  styleUrl: './verify-page.component.scss',
})
export default class VerifyPageComponent {
  private readonly router = inject(Router);
  private readonly certification = inject(CertificationService);
  private readonly dateTime = inject(DateTimeService);
  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });

  protected readonly code = computed(() => (this.params().get('code') ?? '').trim());
  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected readonly result = httpResource<CertificateVerification>(() =>
    this.code() ? routeUrl(certificationApi.verify, { code: this.code() }) : undefined,
  );
  protected readonly view = computed(() => (this.result.hasValue() ? this.result.value() : null));
  protected readonly failure = computed(() => (this.result.error() ? failureKey(this.result.error()) : null));
  protected readonly credentialUrl = computed(() => credentialPath(this.view()?.code ?? this.code()));

  protected readonly checking = signal(false);
  protected readonly credential = signal<{ code: string; result: CredentialVerificationResult } | null>(null);
  protected readonly credentialFailure = signal<string | null>(null);
  /** The credential check of the code on screen (a previous code's answer is not shown). */
  protected readonly credentialResult = computed(() => {
    const checked = this.credential();
    return checked && checked.code === this.code() ? checked.result : null;
  });

  /** A workshop's dates: calendar days, the same everywhere. */
  protected dayRange(start: string, end: string): string {
    return this.dateTime.formatDayRange(start, end);
  }

  protected submit(): void {
    const code = this.form.controls.code.value.replace(/\s+/g, '');
    if (!code) {
      this.form.controls.code.markAsTouched();
      return;
    }
    this.credentialFailure.set(null);
    // `/verify/:code`, the code as one segment (Angular encodes it for its own URL syntax).
    void this.router.navigate([webPages.verify.path, code]);
  }

  protected async checkCredential(): Promise<void> {
    const code = this.code();
    if (!code || this.checking()) return;
    this.checking.set(true);
    this.credentialFailure.set(null);
    try {
      this.credential.set({ code, result: await this.certification.checkCredential(code) });
    } catch (error) {
      this.credentialFailure.set(failureKey(error));
    } finally {
      this.checking.set(false);
    }
  }
}
