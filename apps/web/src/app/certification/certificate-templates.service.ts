import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CertificateTemplate,
  CertificateTemplateImage,
  CertificateTemplateScope,
  CertificateTemplateView,
  Locale,
} from '@aula/contracts';
import { firstValueFrom, type Observable } from 'rxjs';

const id = (value: string) => encodeURIComponent(value);

/** Where a programme's or course's template lives in the API. */
export const templateUrl = (scope: CertificateTemplateScope, ownerId: string, rest = '') =>
  `/api/admin/${scope}/${id(ownerId)}/certificate-template${rest}`;

/** Certificate templates of programmes and courses (administrators): save, reset, images, previews. */
@Injectable({ providedIn: 'root' })
export class CertificateTemplatesService {
  private readonly http = inject(HttpClient);

  save(scope: CertificateTemplateScope, ownerId: string, template: CertificateTemplate): Promise<CertificateTemplateView> {
    return firstValueFrom(this.http.put<CertificateTemplateView>(templateUrl(scope, ownerId), template));
  }

  reset(scope: CertificateTemplateScope, ownerId: string): Promise<CertificateTemplateView> {
    return firstValueFrom(this.http.delete<CertificateTemplateView>(templateUrl(scope, ownerId)));
  }

  uploadImage(scope: CertificateTemplateScope, ownerId: string, file: File): Promise<CertificateTemplateImage> {
    const body = new FormData();
    body.append('file', file, file.name);
    return firstValueFrom(this.http.post<CertificateTemplateImage>(templateUrl(scope, ownerId, '/images'), body));
  }

  /** Removes an upload that no saved template uses (the API refuses the others). */
  removeImage(scope: CertificateTemplateScope, ownerId: string, key: string): Promise<unknown> {
    const name = key.slice(key.lastIndexOf('/') + 1);
    return firstValueFrom(this.http.delete(templateUrl(scope, ownerId, `/images/${id(name)}`)));
  }

  /** A sample PDF of the template as edited. */
  preview(
    scope: CertificateTemplateScope,
    ownerId: string,
    template: CertificateTemplate,
    locale: Locale,
  ): Observable<Blob> {
    return this.http.post(templateUrl(scope, ownerId, '/preview'), { template, locale }, { responseType: 'blob' });
  }
}
