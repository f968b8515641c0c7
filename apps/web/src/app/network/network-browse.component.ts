import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  linkedSignal,
  resource,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, NavigationStart, Router, RouterLink } from '@angular/router';
import {
  INSTITUTION_KINDS,
  REGION_STATUSES,
  STAKEHOLDER_SECTORS,
  WORLD_REGIONS,
  directoryApi,
  routeUrl,
  webPages,
  type InstitutionView,
  type Page,
  type PublicPersonView,
  type RegionView,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { countryOptions } from '../shared/countries';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { BarChartComponent } from './bar-chart.component';
import {
  NETWORK_VIEWS,
  VIEW_FILTERS,
  VIEW_ROUTES,
  isFiltered,
  listParams,
  readFilters,
  readView,
  viewQueryParams,
  type NetworkFilter,
  type NetworkView,
} from './network-filters';
import { NetworkMapComponent } from './network-map.component';
import { countryName } from './network-text';
import { NetworkService, institutionsPerWorldRegion } from './network.service';
import { PersonListComponent } from './person-list.component';

const PAGE_SIZE = 20;
/** Wait for a pause in typing before asking the API: one request per search, not per key. */
const SEARCH_DELAY_MS = 350;

type Item = RegionView | InstitutionView | PublicPersonView;
interface ListPage {
  view: NetworkView;
  page: Page<Item>;
}

/**
 * `/network`: the programme's regions, institutions and people, for anyone. Which list and its
 * filters live in the address (`?view=institutions&q=&country=…`). The regions view has a map of
 * every region and, like the institutions view, a chart of institutions per world region.
 */
@Component({
  selector: 'aula-network-browse',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    IconComponent,
    EmptyStateComponent,
    BarChartComponent,
    NetworkMapComponent,
    PersonListComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './network-browse.component.html',
  styleUrl: './network-browse.component.scss',
})
export default class NetworkBrowseComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly network = inject(NetworkService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly view = computed(() => readView(this.params().get('view')));
  protected readonly filters = computed(() => readFilters((name) => this.params().get(name)), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly filtered = computed(() => isFiltered(this.view(), this.filters()));
  protected readonly shownFilters = computed(() => new Set<NetworkFilter>(VIEW_FILTERS[this.view()]));

  protected readonly views = NETWORK_VIEWS;
  protected readonly worldRegions = WORLD_REGIONS;
  protected readonly statuses = REGION_STATUSES;
  protected readonly kinds = INSTITUTION_KINDS;
  protected readonly sectors = STAKEHOLDER_SECTORS;
  protected readonly tag = this.language.tag;
  protected readonly countries = computed(() => countryOptions(this.tag()));

  /** The shared topic list, for the lists that filter by topic. */
  private readonly filtersByTopic = computed(() => VIEW_FILTERS[this.view()].includes('topic'));
  protected readonly topics = httpResource<string[]>(
    () => (this.filtersByTopic() ? directoryApi.topics.path : undefined),
    { defaultValue: [] },
  );

  /** The list's first page, with the view it belongs to; a new view, search, filter or language starts over. */
  protected readonly firstPage = resource({
    params: () => ({
      view: this.view(),
      query: listParams(this.view(), this.filters(), { limit: PAGE_SIZE, locale: this.language.active() }),
    }),
    loader: async ({ params }): Promise<ListPage> => ({
      view: params.view,
      page: await this.network.page<Item>(VIEW_ROUTES[params.view].path, params.query),
    }),
  });
  /** Only a page of the view shown: while another view loads, nothing shows under the wrong headings. */
  private readonly shownPage = computed(() => {
    const first = this.firstPage.hasValue() ? this.firstPage.value() : undefined;
    return first?.view === this.view() ? first : undefined;
  });
  /** Pages fetched with "show more", after the first; a new first page starts over. */
  private readonly morePages = linkedSignal<ListPage | undefined, Item[]>({
    source: this.shownPage,
    computation: () => [],
  });
  private readonly nextCursor = linkedSignal(() => this.shownPage()?.page.nextCursor ?? null);
  private readonly items = computed(() => [...(this.shownPage()?.page.items ?? []), ...this.morePages()]);
  protected readonly loaded = computed(() => !!this.shownPage());
  protected readonly regions = computed(() =>
    this.view() === 'regions' ? (this.items() as RegionView[]) : [],
  );
  protected readonly institutions = computed(() =>
    this.view() === 'institutions' ? (this.items() as InstitutionView[]) : [],
  );
  protected readonly people = computed(() =>
    this.view() === 'people' ? (this.items() as PublicPersonView[]) : [],
  );
  protected readonly count = computed(() => this.items().length);
  protected readonly hasMore = computed(() => !!this.nextCursor());
  protected readonly loadingMore = signal(false);

  /** Every region, for the map and the chart (whatever the list's filters); the people view has neither. */
  protected readonly overview = resource({
    params: () => (this.view() === 'people' ? undefined : { locale: this.language.active() }),
    loader: ({ params }) => this.network.allRegions(params.locale),
  });
  private readonly allRegions = computed(() => (this.overview.hasValue() ? this.overview.value() : []));
  protected readonly mapMarkers = computed(() =>
    this.allRegions().flatMap((region) =>
      region.location ? [{ id: region.slug, label: region.displayName, ...region.location }] : [],
    ),
  );
  protected readonly mapCountries = computed(() => [
    ...new Set(this.allRegions().map((region) => region.country)),
  ]);
  protected readonly chartRows = computed(() => {
    this.transloco.activeLang();
    return institutionsPerWorldRegion(this.allRegions(), WORLD_REGIONS, (worldRegion) =>
      this.transloco.translate(`network.worldRegions.${worldRegion}`),
    );
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
    // Someone who types and at once opens a record must not be brought back by the pending search.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationStart),
        takeUntilDestroyed(),
      )
      .subscribe(() => clearTimeout(this.searchTimer));
  }

  protected country(code: string): string {
    return countryName(code, this.tag());
  }

  protected regionLink(slug: string): string {
    return routeUrl(webPages.networkRegion, { slug });
  }

  protected institutionLink(id: string): string {
    return routeUrl(webPages.networkInstitution, { id });
  }

  protected viewParams(view: NetworkView): Record<string, string> {
    return viewQueryParams(view, this.filters());
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search(value), SEARCH_DELAY_MS);
  }

  protected search(value: string): void {
    clearTimeout(this.searchTimer);
    if (value.trim() === this.filters().q) return;
    this.filter({ q: value.trim() || null });
  }

  protected choose(name: NetworkFilter, event: Event): void {
    this.filter({ [name]: (event.target as HTMLSelectElement).value || null });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { view: this.view() } });
  }

  protected async showMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    const view = this.view();
    this.loadingMore.set(true);
    try {
      const params = untracked(() =>
        listParams(view, this.filters(), { limit: PAGE_SIZE, cursor, locale: this.language.active() }),
      );
      const page = await this.network.page<Item>(VIEW_ROUTES[view].path, params);
      // The reader may have changed the list meanwhile: a page of the old one must not join the new.
      if (this.view() !== view || this.nextCursor() !== cursor) return;
      this.morePages.update((items) => [...items, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'network.loadFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.loadingMore.set(false);
    }
  }

  private filter(change: Record<string, string | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: change,
      queryParamsHandling: 'merge',
      replaceUrl: 'q' in change,
    });
  }
}
