import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  PAGE_LIMIT_MAX,
  directoryApi,
  type Locale,
  type Page,
  type RegionView,
  type WorldRegion,
} from '@aula/contracts';
import { firstValueFrom } from 'rxjs';
import type { ChartRow } from './bar-chart';

/** The overview pages through at most this many regions: the programme has tens, not thousands. */
const OVERVIEW_PAGES = 10;

/** The public routes of the network directory, for the `/network` pages. */
@Injectable({ providedIn: 'root' })
export class NetworkService {
  private readonly http = inject(HttpClient);

  page<T>(url: string, params: Record<string, string | number>): Promise<Page<T>> {
    return firstValueFrom(this.http.get<Page<T>>(url, { params }));
  }

  /** Every region the reader may see, for the map and the chart (a few pages of the list). */
  async allRegions(locale: Locale): Promise<RegionView[]> {
    const regions: RegionView[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < OVERVIEW_PAGES; page++) {
      const params: Record<string, string | number> = { limit: PAGE_LIMIT_MAX, locale };
      if (cursor) params['cursor'] = cursor;
      const answer: Page<RegionView> = await this.page<RegionView>(directoryApi.regions.path, params);
      regions.push(...answer.items);
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    return regions;
  }
}

/** Institutions per world region, from the regions' own counts; world regions with none are kept, as zero. */
export function institutionsPerWorldRegion(
  regions: readonly Pick<RegionView, 'worldRegion' | 'institutionCount'>[],
  order: readonly WorldRegion[],
  label: (worldRegion: WorldRegion) => string,
): ChartRow[] {
  const totals = new Map<WorldRegion, number>(order.map((worldRegion) => [worldRegion, 0]));
  for (const region of regions) {
    totals.set(region.worldRegion, (totals.get(region.worldRegion) ?? 0) + region.institutionCount);
  }
  return [...totals].map(([worldRegion, value]) => ({ key: worldRegion, label: label(worldRegion), value }));
}
