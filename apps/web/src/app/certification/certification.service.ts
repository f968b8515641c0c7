import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CertificateBatchView, CertificateView, CredentialVerificationResult } from '@aula/contracts';
import { certificationApi, routeUrl } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import { attachmentName, saveFile } from '../shared/download';

/** The in-app verification page of a code (the printed URL carries the deployment's address). */
export const verifyPath = (code: string) => ['/verify', code];

/** The Open Badges credential of a code, as JSON (relative: the same API the app talks to). */
export const credentialPath = (code: string) => routeUrl(certificationApi.credential, { code });

/** Certificate calls that change or download something; screens read with `httpResource`. */
@Injectable({ providedIn: 'root' })
export class CertificationService {
  private readonly http = inject(HttpClient);

  /** API files need the access token, so they are fetched and handed to the browser as a save. */
  async download(url: string, fallbackName: string): Promise<void> {
    const response = await firstValueFrom(this.http.get(url, { observe: 'response', responseType: 'blob' }));
    if (response.body) saveFile(response.body, attachmentName(response, fallbackName));
  }

  downloadPdf(certificate: Pick<CertificateView, 'id' | 'code'>): Promise<void> {
    return this.download(
      routeUrl(certificationApi.pdf, { id: certificate.id }),
      `certificate-${certificate.code}.pdf`,
    );
  }

  downloadCohortZip(cohortId: string): Promise<void> {
    return this.download(routeUrl(certificationApi.cohortZip, { cohortId }), `certificates-${cohortId}.zip`);
  }

  issue(enrolmentId: string, expiresAt: string | null = null) {
    return firstValueFrom(
      this.http.post<{ queued: boolean; certificate: CertificateView | null }>(
        routeUrl(certificationApi.issue, { enrolmentId }),
        { expiresAt },
      ),
    );
  }

  issueCohort(cohortId: string): Promise<CertificateBatchView> {
    return firstValueFrom(
      this.http.post<CertificateBatchView>(routeUrl(certificationApi.issueCohort, { cohortId }), {}),
    );
  }

  batch(batchId: string): Promise<CertificateBatchView> {
    return firstValueFrom(this.http.get<CertificateBatchView>(routeUrl(certificationApi.batch, { batchId })));
  }

  revoke(certificateId: string, reason: string): Promise<CertificateView> {
    return firstValueFrom(
      this.http.post<CertificateView>(routeUrl(certificationApi.revoke, { id: certificateId }), { reason }),
    );
  }

  reissue(certificateId: string, expiresAt: string | null): Promise<{ queued: true }> {
    return firstValueFrom(
      this.http.post<{ queued: true }>(routeUrl(certificationApi.reissue, { id: certificateId }), {
        expiresAt,
      }),
    );
  }

  /** Fetches the signed credential of a code and has the API check its signature and status. */
  async checkCredential(code: string): Promise<CredentialVerificationResult> {
    const credential = await firstValueFrom(
      this.http.get(credentialPath(code), { params: { format: 'jwt' }, responseType: 'text' }),
    );
    return firstValueFrom(
      this.http.post<CredentialVerificationResult>(certificationApi.verifyCredential.path, {
        credential: credential.trim(),
      }),
    );
  }
}
