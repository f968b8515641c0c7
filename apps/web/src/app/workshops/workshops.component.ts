import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  PAGE_LIMIT_MAX,
  WORKSHOP_FORMATS,
  WORKSHOP_KINDS,
  directoryApi,
  routeUrl,
  webPages,
  workshopsApi,
  type MyWorkshopRegistration,
  type Page,
  type RegionView,
  type WorkshopFormat,
  type WorkshopKind,
  type WorkshopSummary,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NoticeService } from '../shared/notice.service';
import { countryName } from '../network/network-text';
import { WorkshopDatesComponent } from './workshop-dates.component';
import { isMonth, localDay, monthName, monthsFrom } from './workshop-time';
import { seatsKey } from './workshop-text';

const PAGE_SIZE = 12;
/** The month filter offers this many months back and ahead of the current one. */
const MONTHS_BACK = 12;
const MONTHS_AHEAD = 18;

type When = 'upcoming' | 'past';

const isKind = (value: string | null): value is WorkshopKind =>
  WORKSHOP_KINDS.includes(value as WorkshopKind);
const isFormat = (value: string | null): value is WorkshopFormat =>
  WORKSHOP_FORMATS.includes(value as WorkshopFormat);

/**
 * `/workshops`: upcoming or past workshops, for anyone. Filters live in the address
 * (`?when=past&kind=&format=&region=&month=`), so a view can be shared and the back button undoes it.
 */
@Component({
  selector: 'aula-workshops',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    EmptyStateComponent,
    WorkshopDatesComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './workshops.component.html',
  styleUrl: './workshops.component.scss',
})
export default class WorkshopsComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly http = inject(HttpClient);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);

  protected readonly signedIn = this.auth.signedIn;
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly when = computed<When>(() =>
    this.params().get('when') === 'past' ? 'past' : 'upcoming',
  );
  protected readonly kind = computed(() => {
    const kind = this.params().get('kind');
    return isKind(kind) ? kind : '';
  });
  protected readonly format = computed(() => {
    const format = this.params().get('format');
    return isFormat(format) ? format : '';
  });
  protected readonly region = computed(() => this.params().get('region') ?? '');
  protected readonly month = computed(() => {
    const month = this.params().get('month');
    return isMonth(month) ? month : '';
  });
  protected readonly filtered = computed(
    () => !this.mine() && !!(this.kind() || this.format() || this.region() || this.month()),
  );
  /** `?mine=1`: only the workshops the signed-in person registered for ("my workshops"). */
  protected readonly mine = computed(() => this.params().get('mine') === '1' && this.auth.signedIn());

  protected readonly kinds = WORKSHOP_KINDS;
  protected readonly formats = WORKSHOP_FORMATS;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly seatsKey = seatsKey;
  protected readonly months = computed(() => {
    const current = localDay(new Date(), 'UTC').slice(0, 7);
    const months = monthsFrom(current, MONTHS_BACK + MONTHS_AHEAD + 1, -MONTHS_BACK);
    if (this.month() && !months.includes(this.month())) months.push(this.month());
    const tag = this.language.tag();
    return months.sort().map((value) => ({ value, label: monthName(value, tag) }));
  });

  protected readonly regions = httpResource<Page<RegionView>>(() => ({
    url: directoryApi.regions.path,
    params: { limit: PAGE_LIMIT_MAX, locale: this.language.active() },
  }));
  protected readonly regionOptions = computed(() =>
    this.regions.hasValue()
      ? [...this.regions.value().items].sort((a, b) =>
          a.displayName.localeCompare(b.displayName, this.language.tag()),
        )
      : [],
  );

  private readonly query = computed(() => {
    const params: Record<string, string | number> = {
      limit: PAGE_SIZE,
      when: this.when(),
      locale: this.language.active(),
    };
    if (this.kind()) params['kind'] = this.kind();
    if (this.format()) params['format'] = this.format();
    if (this.region()) params['regionId'] = this.region();
    if (this.month()) params['month'] = this.month();
    return params;
  });
  protected readonly firstPage = httpResource<Page<WorkshopSummary>>(() =>
    this.mine() ? undefined : { url: workshopsApi.workshops.path, params: this.query() },
  );
  protected readonly myWorkshops = httpResource<MyWorkshopRegistration[]>(() =>
    this.mine()
      ? { url: workshopsApi.myWorkshops.path, params: { when: this.when(), locale: this.language.active() } }
      : undefined,
  );
  /** The list being shown: all workshops, or mine. */
  protected readonly shown = computed(() => (this.mine() ? this.myWorkshops : this.firstPage));
  protected readonly shownReady = computed(() =>
    this.mine() ? this.myWorkshops.hasValue() : this.firstPage.hasValue(),
  );
  /** My registration's status per workshop, on the "mine" list. */
  protected readonly myStatus = computed(
    () =>
      new Map(
        this.myWorkshops.hasValue()
          ? this.myWorkshops.value().map((m) => [m.workshop.id, m.registration.status])
          : [],
      ),
  );
  /** Pages fetched with "show more", after the first; a new filter starts over. */
  private readonly morePages = linkedSignal<Page<WorkshopSummary> | undefined, WorkshopSummary[]>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value() : undefined),
    computation: () => [],
  });
  private readonly nextCursor = linkedSignal(() =>
    this.firstPage.hasValue() ? this.firstPage.value().nextCursor : null,
  );
  protected readonly workshops = computed(() =>
    this.mine()
      ? this.myWorkshops.hasValue()
        ? this.myWorkshops.value().map((m) => m.workshop)
        : []
      : [...(this.firstPage.hasValue() ? this.firstPage.value().items : []), ...this.morePages()],
  );
  protected readonly hasMore = computed(() => !this.mine() && !!this.nextCursor());
  protected readonly loadingMore = signal(false);

  protected chooseWhen(when: When): void {
    this.filter({ when: when === 'past' ? 'past' : null });
  }

  protected chooseMine(mine: boolean): void {
    this.filter({ mine: mine ? '1' : null });
  }

  protected choose(name: 'kind' | 'format' | 'region' | 'month', event: Event): void {
    this.filter({ [name]: (event.target as HTMLSelectElement).value || null });
  }

  protected clearFilters(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { when: this.when() === 'past' ? 'past' : null },
    });
  }

  protected async showMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    try {
      const page = await firstValueFrom(
        this.http.get<Page<WorkshopSummary>>(workshopsApi.workshops.path, {
          params: { ...this.query(), cursor },
        }),
      );
      this.morePages.update((items) => [...items, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'workshops.loadFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected workshopLink(slug: string): string {
    return routeUrl(webPages.workshop, { slug });
  }

  protected institutionLink(id: string): string {
    return routeUrl(webPages.networkInstitution, { id });
  }

  protected regionLink(slug: string): string {
    return routeUrl(webPages.networkRegion, { slug });
  }

  protected place(workshop: WorkshopSummary): string {
    return [workshop.city, countryName(workshop.country, this.language.tag())].filter(Boolean).join(', ');
  }

  private filter(change: Record<string, string | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: change,
      queryParamsHandling: 'merge',
    });
  }
}
