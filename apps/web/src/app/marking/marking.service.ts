import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type BulkReleaseResult,
  markingApi,
  type MarkingView,
  routeUrl,
  type SaveMarkRequest,
} from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import { attachmentName, saveFile } from '../shared/download';

/** Marking calls that change something; screens read with `httpResource`. */
@Injectable({ providedIn: 'root' })
export class MarkingService {
  private readonly http = inject(HttpClient);

  save(activityId: string, enrolmentId: string, body: SaveMarkRequest): Promise<MarkingView> {
    return firstValueFrom(
      this.http.put<MarkingView>(routeUrl(markingApi.saveGrade, { activityId, enrolmentId }), body),
    );
  }

  release(activityId: string, enrolmentId: string, expectedVersion: number): Promise<MarkingView> {
    return firstValueFrom(
      this.http.post<MarkingView>(routeUrl(markingApi.release, { activityId, enrolmentId }), {
        expectedVersion,
      }),
    );
  }

  bulkRelease(cohortId: string, activityId: string): Promise<BulkReleaseResult> {
    return firstValueFrom(
      this.http.post<BulkReleaseResult>(routeUrl(markingApi.releaseAll, { id: cohortId }), { activityId }),
    );
  }

  attachFeedbackFile(
    activityId: string,
    enrolmentId: string,
    file: File,
    expectedVersion: number | null,
  ): Promise<MarkingView> {
    const body = new FormData();
    body.append('file', file, file.name);
    const params: Record<string, string> =
      expectedVersion === null ? {} : { expectedVersion: String(expectedVersion) };
    return firstValueFrom(
      this.http.put<MarkingView>(routeUrl(markingApi.uploadFeedbackFile, { activityId, enrolmentId }), body, {
        params,
      }),
    );
  }

  removeFeedbackFile(activityId: string, enrolmentId: string, expectedVersion: number): Promise<MarkingView> {
    return firstValueFrom(
      this.http.delete<MarkingView>(routeUrl(markingApi.removeFeedbackFile, { activityId, enrolmentId }), {
        params: { expectedVersion: String(expectedVersion) },
      }),
    );
  }

  /** API files need the access token, so they are fetched and handed to the browser as a save. */
  async download(url: string, fallbackName: string): Promise<void> {
    const response = await firstValueFrom(this.http.get(url, { observe: 'response', responseType: 'blob' }));
    if (response.body) saveFile(response.body, attachmentName(response, fallbackName));
  }

  /** A grade's feedback file, for markers and (once released) its trainee. */
  downloadFeedback(activityId: string, enrolmentId: string, fallbackName: string): Promise<void> {
    return this.download(routeUrl(markingApi.feedbackFile, { activityId, enrolmentId }), fallbackName);
  }
}
