import {
  INSTITUTION_KINDS,
  REGION_STATUSES,
  STAKEHOLDER_SECTORS,
  WORLD_REGIONS,
  directoryApi,
  type InstitutionKind,
  type RegionStatus,
  type StakeholderSector,
  type WorldRegion,
} from '@aula/contracts';
import { COUNTRY_CODES } from '../shared/countries';

/**
 * What `/network` shows, read from and written to the address (`?view=&q=&country=…`), so a
 * search can be shared and the back button undoes it. Each list takes only the filters its API
 * route understands; the others are dropped rather than sent and refused.
 */

export const NETWORK_VIEWS = ['regions', 'institutions', 'people'] as const;
export type NetworkView = (typeof NETWORK_VIEWS)[number];

export interface NetworkFilters {
  q: string;
  worldRegion: WorldRegion | '';
  country: string;
  status: RegionStatus | '';
  kind: InstitutionKind | '';
  sector: StakeholderSector | '';
  topic: string;
}
export type NetworkFilter = Exclude<keyof NetworkFilters, 'q'>;

/** The filters each list offers, in the order the form shows them. */
export const VIEW_FILTERS: Record<NetworkView, readonly NetworkFilter[]> = {
  regions: ['worldRegion', 'country', 'status'],
  institutions: ['worldRegion', 'country', 'kind', 'sector', 'topic'],
  people: ['country', 'topic'],
};

export const VIEW_ROUTES = {
  regions: directoryApi.regions,
  institutions: directoryApi.institutions,
  people: directoryApi.people,
} as const;

const MAX_TOPIC = 60;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';

export function readView(value: string | null): NetworkView {
  return oneOf(NETWORK_VIEWS, value) || 'regions';
}

/** The filters in an address; values that are not valid are left out, not sent to be refused. */
export function readFilters(get: (name: string) => string | null): NetworkFilters {
  const country = (get('country') ?? '').toUpperCase();
  return {
    q: (get('q') ?? '').trim(),
    worldRegion: oneOf(WORLD_REGIONS, get('worldRegion')),
    country: COUNTRY_CODES.includes(country) ? country : '',
    status: oneOf(REGION_STATUSES, get('status')),
    kind: oneOf(INSTITUTION_KINDS, get('kind')),
    sector: oneOf(STAKEHOLDER_SECTORS, get('sector')),
    topic: (get('topic') ?? '').trim().slice(0, MAX_TOPIC),
  };
}

/** Whether anything narrows the list shown in `view`. */
export function isFiltered(view: NetworkView, filters: NetworkFilters): boolean {
  return !!filters.q || VIEW_FILTERS[view].some((name) => !!filters[name]);
}

/** Query parameters of the API list for `view`: the text, the view's own filters, and the page. */
export function listParams(
  view: NetworkView,
  filters: NetworkFilters,
  page: { limit: number; cursor?: string | null; locale?: string },
): Record<string, string | number> {
  const params: Record<string, string | number> = { limit: page.limit };
  if (filters.q) params['q'] = filters.q;
  for (const name of VIEW_FILTERS[view]) {
    if (filters[name]) params[name] = filters[name];
  }
  if (page.cursor) params['cursor'] = page.cursor;
  if (page.locale) params['locale'] = page.locale;
  return params;
}

/** The address for another view: the text and the filters that view also has carry over. */
export function viewQueryParams(view: NetworkView, filters: NetworkFilters): Record<string, string> {
  const params: Record<string, string> = { view };
  if (filters.q) params['q'] = filters.q;
  for (const name of VIEW_FILTERS[view]) {
    if (filters[name]) params[name] = filters[name];
  }
  return params;
}
