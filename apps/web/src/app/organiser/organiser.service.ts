import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  PAGE_LIMIT_MAX,
  identityApi,
  routeUrl,
  workshopsApi,
  type Page,
  type UserView,
  type WorkshopInput,
  type WorkshopOrganiserView,
  type WorkshopRegistrationRow,
  type WorkshopRegistrationView,
  type WorkshopSessionInput,
  type WorkshopSessionUpdate,
  type WorkshopSessionView,
  type WorkshopStatus,
  type WorkshopUpdate,
  type WorkshopView,
} from '@aula/contracts';
import { firstValueFrom } from 'rxjs';

/** Pages of registrations read for one table; 50 pages of the largest page is more than any workshop holds. */
const REGISTRATION_PAGES = 50;

/** The organisers' side of workshops: the record, its agenda and lifecycle, registrations, organisers. */
@Injectable({ providedIn: 'root' })
export class OrganiserService {
  private readonly http = inject(HttpClient);

  workshops(params: Record<string, string | number>): Promise<Page<WorkshopView>> {
    return firstValueFrom(this.http.get<Page<WorkshopView>>(workshopsApi.organiserWorkshops.path, { params }));
  }

  workshop(id: string): Promise<WorkshopView> {
    return firstValueFrom(this.http.get<WorkshopView>(routeUrl(workshopsApi.organiserWorkshop, { id })));
  }

  create(body: WorkshopInput): Promise<WorkshopView> {
    return firstValueFrom(this.http.post<WorkshopView>(workshopsApi.createWorkshop.path, body));
  }

  update(id: string, body: WorkshopUpdate): Promise<WorkshopView> {
    return firstValueFrom(this.http.patch<WorkshopView>(routeUrl(workshopsApi.updateWorkshop, { id }), body));
  }

  setStatus(id: string, to: WorkshopStatus, reason?: string): Promise<WorkshopView> {
    const body = reason ? { to, reason } : { to };
    return firstValueFrom(this.http.post<WorkshopView>(routeUrl(workshopsApi.setWorkshopStatus, { id }), body));
  }

  addSession(id: string, body: WorkshopSessionInput): Promise<WorkshopSessionView> {
    return firstValueFrom(this.http.post<WorkshopSessionView>(routeUrl(workshopsApi.addSession, { id }), body));
  }

  updateSession(id: string, sessionId: string, body: WorkshopSessionUpdate): Promise<WorkshopSessionView> {
    return firstValueFrom(
      this.http.patch<WorkshopSessionView>(routeUrl(workshopsApi.updateSession, { id, sessionId }), body),
    );
  }

  deleteSession(id: string, sessionId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(workshopsApi.deleteSession, { id, sessionId })));
  }

  /** Every registration, in arrival order; `progress` hears how many have arrived so far. */
  async allRegistrations(id: string, progress: (count: number) => void = () => undefined): Promise<WorkshopRegistrationRow[]> {
    const rows: WorkshopRegistrationRow[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < REGISTRATION_PAGES; page++) {
      const params: Record<string, string | number> = { limit: PAGE_LIMIT_MAX };
      if (cursor) params['cursor'] = cursor;
      const answer: Page<WorkshopRegistrationRow> = await firstValueFrom(
        this.http.get<Page<WorkshopRegistrationRow>>(routeUrl(workshopsApi.registrations, { id }), { params }),
      );
      rows.push(...answer.items);
      progress(rows.length);
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    return rows;
  }

  approve(registrationId: string): Promise<WorkshopRegistrationView> {
    return firstValueFrom(
      this.http.post<WorkshopRegistrationView>(routeUrl(workshopsApi.approveRegistration, { id: registrationId }), null),
    );
  }

  decline(registrationId: string, reason: string): Promise<WorkshopRegistrationView> {
    return firstValueFrom(
      this.http.post<WorkshopRegistrationView>(routeUrl(workshopsApi.declineRegistration, { id: registrationId }), {
        reason,
      }),
    );
  }

  /** The registrations as CSV, with the file name the API suggests. */
  exportRegistrations(id: string, status?: string): Promise<HttpResponse<Blob>> {
    const params: Record<string, string> = status ? { status } : {};
    return firstValueFrom(
      this.http.get(routeUrl(workshopsApi.exportRegistrations, { id }), {
        params,
        responseType: 'blob',
        observe: 'response',
      }),
    );
  }

  // ---- administrators: who organises a workshop ----

  organisers(id: string): Promise<WorkshopOrganiserView[]> {
    return firstValueFrom(this.http.get<WorkshopOrganiserView[]>(routeUrl(workshopsApi.workshopOrganisers, { id })));
  }

  grant(id: string, userId: string): Promise<WorkshopOrganiserView[]> {
    return firstValueFrom(
      this.http.put<WorkshopOrganiserView[]>(routeUrl(workshopsApi.grantOrganiser, { id, userId }), null),
    );
  }

  revoke(id: string, userId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(workshopsApi.revokeOrganiser, { id, userId })));
  }

  /** People found by name or email, for granting. */
  async findPeople(q: string): Promise<UserView[]> {
    const page = await firstValueFrom(this.http.get<Page<UserView>>(identityApi.users.path, { params: { q, limit: 8 } }));
    return page.items.filter((person) => person.active);
  }
}
