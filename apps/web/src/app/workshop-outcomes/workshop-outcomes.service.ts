import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  routeUrl,
  workshopsApi,
  type Locale,
  type WorkshopMaterialLinkInput,
  type WorkshopMaterialView,
  type WorkshopOutcomeInput,
  type WorkshopOutcomeView,
  type WorkshopSurveyResponseInput,
  type WorkshopSurveyResponseView,
} from '@aula/contracts';
import { firstValueFrom } from 'rxjs';

/** What the workshop-outcomes screens change through the API; reads use httpResource in the components. */
@Injectable({ providedIn: 'root' })
export class WorkshopOutcomesService {
  private readonly http = inject(HttpClient);

  addLink(workshopId: string, input: WorkshopMaterialLinkInput): Promise<WorkshopMaterialView> {
    return firstValueFrom(this.http.post<WorkshopMaterialView>(routeUrl(workshopsApi.addMaterialLink, { id: workshopId }), input));
  }

  upload(workshopId: string, file: File, details: { title: string; language: Locale; sessionId?: string | null }): Promise<WorkshopMaterialView> {
    const body = new FormData();
    body.append('file', file, file.name);
    const query: Record<string, string> = { title: details.title, language: details.language };
    if (details.sessionId) query['sessionId'] = details.sessionId;
    return firstValueFrom(this.http.post<WorkshopMaterialView>(routeUrl(workshopsApi.uploadMaterial, { id: workshopId }, query), body));
  }

  removeMaterial(workshopId: string, materialId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(workshopsApi.deleteMaterial, { id: workshopId, materialId })));
  }

  answer(slug: string, input: WorkshopSurveyResponseInput): Promise<WorkshopSurveyResponseView> {
    return firstValueFrom(this.http.post<WorkshopSurveyResponseView>(routeUrl(workshopsApi.answerSurvey, { slug }), input));
  }

  addOutcome(workshopId: string, input: WorkshopOutcomeInput): Promise<WorkshopOutcomeView> {
    return firstValueFrom(this.http.post<WorkshopOutcomeView>(routeUrl(workshopsApi.addOutcome, { id: workshopId }), input));
  }

  updateOutcome(workshopId: string, outcomeId: string, input: Partial<WorkshopOutcomeInput>): Promise<WorkshopOutcomeView> {
    return firstValueFrom(this.http.patch<WorkshopOutcomeView>(routeUrl(workshopsApi.updateOutcome, { id: workshopId, outcomeId }), input));
  }

  removeOutcome(workshopId: string, outcomeId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(workshopsApi.deleteOutcome, { id: workshopId, outcomeId })));
  }
}
