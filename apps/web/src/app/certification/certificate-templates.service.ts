import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CertificateTemplate,
  CertificateTemplateImage,
  CertificateTemplateScope,
  CertificateTemplateView,
  Locale,
} from '@aula/contracts';
import { certificationApi, routeUrl } from '@aula/contracts';
import { firstValueFrom, type Observable } from 'rxjs';

/** Certificate templates of programmes and courses (administrators): save, reset, images, previews. */
@Injectable({ providedIn: 'root' })
export class CertificateTemplatesService {
  private readonly http = inject(HttpClient);

  save(scope: CertificateTemplateScope, ownerId: string, template: CertificateTemplate): Promise<CertificateTemplateView> {
    return firstValueFrom(this.http.put<CertificateTemplateView>(routeUrl(certificationApi.saveTemplate, { scope, id: ownerId }), template));
  }

  reset(scope: CertificateTemplateScope, ownerId: string): Promise<CertificateTemplateView> {
    return firstValueFrom(this.http.delete<CertificateTemplateView>(routeUrl(certificationApi.resetTemplate, { scope, id: ownerId })));
  }

  uploadImage(scope: CertificateTemplateScope, ownerId: string, file: File): Promise<CertificateTemplateImage> {
    const body = new FormData();
    body.append('file', file, file.name);
    return firstValueFrom(this.http.post<CertificateTemplateImage>(routeUrl(certificationApi.uploadTemplateImage, { scope, id: ownerId }), body));
  }

  /** Removes an upload that no saved template uses (the API refuses the others). */
  removeImage(scope: CertificateTemplateScope, ownerId: string, key: string): Promise<unknown> {
    const name = key.slice(key.lastIndexOf('/') + 1);
    return firstValueFrom(this.http.delete(routeUrl(certificationApi.removeTemplateImage, { scope, id: ownerId, name })));
  }

  /** A sample PDF of the template as edited. */
  preview(
    scope: CertificateTemplateScope,
    ownerId: string,
    template: CertificateTemplate,
    locale: Locale,
  ): Observable<Blob> {
    return this.http.post(routeUrl(certificationApi.previewTemplate, { scope, id: ownerId }), { template, locale }, { responseType: 'blob' });
  }
}
