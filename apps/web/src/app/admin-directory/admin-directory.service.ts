import { HttpClient, HttpEventType, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DirectoryImportReport,
  FreeTextMatchReport,
  FreeTextValueView,
  InstitutionInput,
  InstitutionRef,
  InstitutionStatus,
  InstitutionUpdate,
  InstitutionView,
  MergeReport,
  Page,
  RegionInput,
  RegionUpdate,
  RegionView,
  ResolveFreeTextRequest,
} from '@aula/contracts';
import { directoryApi, routeUrl } from '@aula/contracts';
import { Observable, filter, firstValueFrom, map } from 'rxjs';

/** Where an upload is: a share of the file sent (0..1), then the API's answer. */
export type UploadEvent<T> = { kind: 'progress'; sent: number } | { kind: 'done'; body: T };

/** The network directory as administrators manage it: institutions, regions, merges, CSV, free text. */
@Injectable({ providedIn: 'root' })
export class AdminDirectoryService {
  private readonly http = inject(HttpClient);

  // ---- institutions ----

  institutions(params: Record<string, string | number>): Promise<Page<InstitutionView>> {
    return firstValueFrom(
      this.http.get<Page<InstitutionView>>(directoryApi.adminInstitutions.path, { params }),
    );
  }

  institution(id: string): Promise<InstitutionView> {
    return firstValueFrom(this.http.get<InstitutionView>(routeUrl(directoryApi.adminInstitution, { id })));
  }

  /** Typeahead for pickers: every status, best matches first. */
  async findInstitutions(q: string, limit = 8): Promise<InstitutionRef[]> {
    const page = await this.institutions({ q, limit });
    return page.items;
  }

  createInstitution(body: InstitutionInput): Promise<InstitutionView> {
    return firstValueFrom(this.http.post<InstitutionView>(directoryApi.createInstitution.path, body));
  }

  updateInstitution(id: string, body: InstitutionUpdate): Promise<InstitutionView> {
    return firstValueFrom(
      this.http.patch<InstitutionView>(routeUrl(directoryApi.updateInstitution, { id }), body),
    );
  }

  deleteInstitution(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(directoryApi.deleteInstitution, { id })));
  }

  setInstitutionStatus(id: string, status: InstitutionStatus): Promise<InstitutionView> {
    return firstValueFrom(
      this.http.post<InstitutionView>(routeUrl(directoryApi.setInstitutionStatus, { id }), { status }),
    );
  }

  merge(survivorId: string, duplicateIds: string[]): Promise<MergeReport> {
    return firstValueFrom(
      this.http.post<MergeReport>(routeUrl(directoryApi.mergeInstitutions, { id: survivorId }), {
        duplicateIds,
      }),
    );
  }

  /** The whole directory as CSV, with the file name the API suggests. */
  exportInstitutions(): Promise<HttpResponse<Blob>> {
    return firstValueFrom(
      this.http.get(directoryApi.exportInstitutions.path, { responseType: 'blob', observe: 'response' }),
    );
  }

  /** The file goes as it is (`text/csv`), with upload progress; the API reports on every row. */
  importInstitutions(csv: string, dryRun: boolean): Observable<UploadEvent<DirectoryImportReport>> {
    return this.http
      .post<DirectoryImportReport>(
        routeUrl(directoryApi.importInstitutions, { dryRun: dryRun ? 'true' : undefined }),
        csv,
        {
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          reportProgress: true,
          observe: 'events',
        },
      )
      .pipe(
        filter(
          (event) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response,
        ),
        map((event): UploadEvent<DirectoryImportReport> =>
          event.type === HttpEventType.Response
            ? { kind: 'done', body: event.body as DirectoryImportReport }
            : {
                kind: 'progress',
                sent:
                  event.type === HttpEventType.UploadProgress && event.total
                    ? Math.min(1, event.loaded / event.total)
                    : 0,
              },
        ),
      );
  }

  // ---- regions ----

  region(id: string): Promise<RegionView> {
    return firstValueFrom(this.http.get<RegionView>(routeUrl(directoryApi.adminRegion, { id })));
  }

  createRegion(body: RegionInput): Promise<RegionView> {
    return firstValueFrom(this.http.post<RegionView>(directoryApi.createRegion.path, body));
  }

  updateRegion(id: string, body: RegionUpdate): Promise<RegionView> {
    return firstValueFrom(this.http.patch<RegionView>(routeUrl(directoryApi.updateRegion, { id }), body));
  }

  deleteRegion(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(directoryApi.deleteRegion, { id })));
  }

  // ---- free text ----

  matchFreeText(): Promise<FreeTextMatchReport> {
    return firstValueFrom(this.http.post<FreeTextMatchReport>(directoryApi.matchFreeText.path, null));
  }

  resolveFreeText(body: ResolveFreeTextRequest): Promise<FreeTextValueView> {
    return firstValueFrom(this.http.post<FreeTextValueView>(directoryApi.resolveFreeText.path, body));
  }
}
