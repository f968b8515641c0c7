import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { directoryApi, routeUrl, webPages, type RegionPage } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { DateTimeService } from '../core/time/date-time.service';
import { NetworkMapComponent } from './network-map.component';
import { countryName, inReadersLanguage } from './network-text';
import { PersonListComponent } from './person-list.component';

/**
 * `/network/regions/:slug`: a region of the network, where it is (an offline map), its
 * institutions and the people of it who published their profile. For anyone.
 */
@Component({
  selector: 'aula-region-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    NetworkMapComponent,
    PersonListComponent,
  ],
  templateUrl: './region-page.component.html',
  styleUrl: './network-page.scss',
})
export default class RegionPageComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  private readonly dateTime = inject(DateTimeService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly slug = computed(() => this.params().get('slug') ?? '');
  protected readonly networkLink = webPages.network.path;
  protected readonly tags = LANGUAGE_TAGS;

  protected readonly page = httpResource<RegionPage>(() => ({
    url: routeUrl(directoryApi.region, { slug: this.slug() }),
    // Asked again when the interface language changes: names and description follow it.
    params: { locale: this.language.active() },
  }));
  protected readonly view = computed(() => (this.page.hasValue() ? this.page.value() : null));
  protected readonly notFound = computed(() => statusOf(this.page.error()) === 404);

  protected readonly countryName = computed(() => {
    const region = this.view()?.region;
    return region ? countryName(region.country, this.language.tag()) : '';
  });
  protected readonly description = computed(() =>
    inReadersLanguage(this.view()?.region.description, this.language.active()),
  );
  protected readonly joined = computed(() => this.dateTime.formatDay(this.view()?.region.joinedOn, 'date'));
  protected readonly markers = computed(() => {
    const region = this.view()?.region;
    return region?.location ? [{ id: region.slug, label: region.displayName, ...region.location }] : [];
  });
  protected readonly country = computed(() => {
    const region = this.view()?.region;
    return region ? [region.country] : [];
  });

  constructor() {
    pageTitleFrom(() => this.view()?.region.displayName);
  }

  protected institutionLink(id: string): string {
    return routeUrl(webPages.networkInstitution, { id });
  }
}
