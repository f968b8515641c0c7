import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  directoryApi,
  PAGE_LIMIT_MAX,
  routeUrl,
  type InstitutionRef,
  type Locale,
  type MembershipInput,
  type MembershipUpdate,
  type MembershipView,
  type Page,
  type RegionView,
} from '@aula/contracts';
import { firstValueFrom, type Observable } from 'rxjs';

/** Enough regions for any form; the network has a few dozen. */
const REGION_PAGES = 5;

/** What the forms read from the directory: the typeahead, the regions, the topics, memberships. */
@Injectable({ providedIn: 'root' })
export class DirectoryLookupService {
  private readonly http = inject(HttpClient);

  /** The typeahead's best matches for `q`; `country` narrows them to one country. */
  suggestInstitutions(
    q: string,
    options: { country?: string | null; limit?: number; locale?: Locale } = {},
  ): Observable<InstitutionRef[]> {
    const params: Record<string, string | number> = { q };
    if (options.country) params['country'] = options.country;
    if (options.limit) params['limit'] = options.limit;
    if (options.locale) params['locale'] = options.locale;
    return this.http.get<InstitutionRef[]>(directoryApi.suggestInstitutions.path, { params });
  }

  /** Every region the reader may see, in the reader's language, sorted by name. */
  async regions(locale: Locale): Promise<RegionView[]> {
    const all: RegionView[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < REGION_PAGES; page++) {
      const params: Record<string, string | number> = { limit: PAGE_LIMIT_MAX, locale };
      if (cursor) params['cursor'] = cursor;
      const answer: Page<RegionView> = await firstValueFrom(
        this.http.get<Page<RegionView>>(directoryApi.regions.path, { params }),
      );
      all.push(...answer.items);
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    const collator = new Intl.Collator(locale);
    return all.sort((a, b) => collator.compare(a.displayName, b.displayName));
  }

  topics(): Promise<string[]> {
    return firstValueFrom(this.http.get<string[]>(directoryApi.topics.path));
  }

  myMemberships(locale: Locale): Promise<MembershipView[]> {
    return firstValueFrom(
      this.http.get<MembershipView[]>(directoryApi.myMemberships.path, { params: { locale } }),
    );
  }

  addMyMembership(input: MembershipInput): Promise<MembershipView> {
    return firstValueFrom(this.http.post<MembershipView>(directoryApi.addMyMembership.path, input));
  }

  updateMyMembership(id: string, change: MembershipUpdate): Promise<MembershipView> {
    return firstValueFrom(
      this.http.patch<MembershipView>(routeUrl(directoryApi.updateMyMembership, { id }), change),
    );
  }

  removeMyMembership(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(routeUrl(directoryApi.removeMyMembership, { id })));
  }
}
