import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EnrolmentSummary } from '@aula/contracts';
import { enrolmentApi, learningApi, routeUrl } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import { attachmentName, saveFile } from '../shared/download';

/** What a trainee does: join cohorts, leave them, mark activities done, download files. Reading is `httpResource` in the screens. */
@Injectable({ providedIn: 'root' })
export class LearningService {
  private readonly http = inject(HttpClient);

  /** Joins an open cohort (or its waiting list), or asks to join one that needs approval. */
  enrol(cohortId: string): Promise<EnrolmentSummary> {
    return firstValueFrom(
      this.http.post<EnrolmentSummary>(routeUrl(enrolmentApi.enrol, { id: cohortId }), null),
    );
  }

  withdraw(enrolmentId: string): Promise<EnrolmentSummary> {
    return firstValueFrom(
      this.http.post<EnrolmentSummary>(routeUrl(enrolmentApi.withdraw, { id: enrolmentId }), null),
    );
  }

  /** Answers the enrolment with its new progress. Doing it twice changes nothing. */
  markDone(activityId: string): Promise<EnrolmentSummary> {
    return firstValueFrom(
      this.http.post<EnrolmentSummary>(routeUrl(learningApi.markDone, { id: activityId }), null),
    );
  }

  async downloadFile(activityId: string, fallbackName: string): Promise<void> {
    const response = await firstValueFrom(
      this.http.get(routeUrl(learningApi.activityFile, { id: activityId }), {
        observe: 'response',
        responseType: 'blob',
      }),
    );
    if (response.body) saveFile(response.body, attachmentName(response, fallbackName));
  }
}
