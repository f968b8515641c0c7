import { HttpClient, httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, NavigationStart, Router, RouterLink } from '@angular/router';
import type { CatalogueCourse, Locale, Page } from '@aula/contracts';
import { learningApi } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter, firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { APP_LOCALES, LANGUAGE_TAGS, isLocale } from '../core/i18n/languages';
import { CohortDatesComponent } from '../shared/cohort-dates.component';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { seatsText } from '../shared/cohort-offer';

const PAGE_SIZE = 12;
/** Wait for a pause in typing before asking the API: one request per search, not per key. */
const SEARCH_DELAY_MS = 350;

/**
 * `/catalogue`: published courses with their open cohorts, for anyone. Filters live in the
 * address (`?q=&lang=&topic=`), so a search can be shared and the back button undoes it.
 */
@Component({
  selector: 'aula-catalogue',
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
    CohortDatesComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './catalogue.component.html',
  styleUrl: './catalogue.component.scss',
})
export default class CatalogueComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly http = inject(HttpClient);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => this.params().get('q') ?? '');
  protected readonly language = computed<Locale | ''>(() => {
    const lang = this.params().get('lang');
    return isLocale(lang) ? lang : '';
  });
  protected readonly topic = computed(() => this.params().get('topic') ?? '');
  protected readonly filtered = computed(() => !!(this.query().trim() || this.language() || this.topic()));

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;

  protected readonly topics = httpResource<string[]>(() => learningApi.topics.path, { defaultValue: [] });
  protected readonly firstPage = httpResource<Page<CatalogueCourse>>(() => {
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    if (this.query().trim()) params['q'] = this.query().trim();
    if (this.language()) params['locale'] = this.language();
    if (this.topic()) params['topic'] = this.topic();
    return { url: learningApi.catalogue.path, params };
  });
  /** Pages fetched with "show more", after the first; a new search starts over. */
  private readonly morePages = linkedSignal<Page<CatalogueCourse> | undefined, CatalogueCourse[]>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value() : undefined),
    computation: () => [],
  });
  private readonly nextCursor = linkedSignal(() =>
    this.firstPage.hasValue() ? this.firstPage.value().nextCursor : null,
  );
  protected readonly courses = computed(() => [
    ...(this.firstPage.hasValue() ? this.firstPage.value().items : []),
    ...this.morePages(),
  ]);
  protected readonly hasMore = computed(() => !!this.nextCursor());
  protected readonly loadingMore = signal(false);
  protected readonly seats = seatsText;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
    // Someone who types and at once opens a course must not be brought back by the pending search.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationStart),
        takeUntilDestroyed(),
      )
      .subscribe(() => clearTimeout(this.searchTimer));
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search(value), SEARCH_DELAY_MS);
  }

  protected search(value: string): void {
    clearTimeout(this.searchTimer);
    if (value.trim() === this.query().trim()) return;
    this.filter({ q: value.trim() || null });
  }

  protected chooseLanguage(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.filter({ lang: isLocale(value) ? value : null });
  }

  protected chooseTopic(event: Event): void {
    this.filter({ topic: (event.target as HTMLSelectElement).value || null });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected async showMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    try {
      const params: Record<string, string | number> = { limit: PAGE_SIZE, cursor };
      if (this.query().trim()) params['q'] = this.query().trim();
      if (this.language()) params['locale'] = this.language();
      if (this.topic()) params['topic'] = this.topic();
      const page = await firstValueFrom(
        this.http.get<Page<CatalogueCourse>>(learningApi.catalogue.path, { params }),
      );
      this.morePages.update((items) => [...items, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'catalogue.loadFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.loadingMore.set(false);
    }
  }

  /** A course page opens in the language the visitor filtered by. */
  protected courseParams(): Record<string, string> {
    return this.language() ? { lang: this.language() } : {};
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
