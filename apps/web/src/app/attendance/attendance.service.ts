import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  routeUrl,
  workshopsApi,
  type CheckInBatchItem,
  type CheckInBatchResponse,
  type Locale,
  type WorkshopRollEntry,
} from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import { saveFile } from '../shared/download';

/** Attendance over HTTP: offline batches, the roll list, badge downloads. */
@Injectable({ providedIn: 'root' })
export class AttendanceService {
  private readonly http = inject(HttpClient);

  checkInBatch(workshopId: string, items: CheckInBatchItem[]): Promise<CheckInBatchResponse> {
    return firstValueFrom(this.http.post<CheckInBatchResponse>(routeUrl(workshopsApi.checkInBatch, { id: workshopId }), { items }));
  }

  mark(workshopId: string, sessionId: string, registrationId: string, present: boolean): Promise<WorkshopRollEntry> {
    return firstValueFrom(
      this.http.put<WorkshopRollEntry>(routeUrl(workshopsApi.markAttendance, { id: workshopId, sessionId, registrationId }), { present }),
    );
  }

  /** The participant's badge PDF, saved by the browser. */
  async downloadBadge(registrationId: string, locale: Locale, fileName: string): Promise<void> {
    const blob = await firstValueFrom(
      this.http.get(routeUrl(workshopsApi.registrationBadge, { id: registrationId }), { params: { locale }, responseType: 'blob' }),
    );
    saveFile(blob, fileName);
  }

  /** Every participant's badge, four to an A4 page. */
  async downloadBadges(workshopId: string, locale: Locale, fileName: string): Promise<void> {
    const blob = await firstValueFrom(
      this.http.get(routeUrl(workshopsApi.workshopBadges, { id: workshopId }), { params: { locale }, responseType: 'blob' }),
    );
    saveFile(blob, fileName);
  }
}
