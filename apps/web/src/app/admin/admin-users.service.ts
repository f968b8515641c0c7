import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Locale,
  MembershipInput,
  MembershipView,
  Role,
  UpdateRolesRequest,
  UserView,
} from '@aula/contracts';
import { directoryApi, identityApi, routeUrl } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';

/** Changes to other people's accounts. Listing is an `httpResource` in the screen itself. */
@Injectable({ providedIn: 'root' })
export class AdminUsersService {
  private readonly http = inject(HttpClient);

  setRoles(id: string, roles: Role[]): Promise<UserView> {
    const body: UpdateRolesRequest = { roles };
    return firstValueFrom(this.http.patch<UserView>(routeUrl(identityApi.setUserRoles, { id }), body));
  }

  setActive(id: string, active: boolean): Promise<UserView> {
    const route = active ? identityApi.activateUser : identityApi.deactivateUser;
    return firstValueFrom(this.http.post<UserView>(routeUrl(route, { id }), null));
  }

  /** The person's institutions, current ones first. */
  memberships(id: string, locale: Locale): Promise<MembershipView[]> {
    return firstValueFrom(
      this.http.get<MembershipView[]>(routeUrl(directoryApi.userMemberships, { id }), { params: { locale } }),
    );
  }

  /** Records the person at an institution of the directory, or at a proposed one (pending until confirmed). */
  addMembership(id: string, input: MembershipInput): Promise<MembershipView> {
    return firstValueFrom(
      this.http.post<MembershipView>(routeUrl(directoryApi.addUserMembership, { id }), input),
    );
  }
}
