import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  INSTITUTION_NAME_TYPES,
  directoryApi,
  routeUrl,
  webPages,
  type InstitutionName,
  type InstitutionNameType,
  type InstitutionPage,
} from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { IconComponent } from '../shared/icon.component';
import { countryName, languageName } from './network-text';
import { PersonListComponent } from './person-list.component';

/** Addresses of the registries an institution's identifiers belong to. */
export const IDENTIFIER_LINKS = {
  ror: (id: string) => `https://ror.org/${encodeURIComponent(id)}`,
  wikidata: (id: string) => `https://www.wikidata.org/wiki/${encodeURIComponent(id)}`,
} as const;

/**
 * `/network/institutions/:id`: an institution as a registry record (names in their languages,
 * kind, sector, identifiers, relationships) and its people who published their profile. For anyone.
 */
@Component({
  selector: 'aula-institution-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    IconComponent,
    PersonListComponent,
  ],
  templateUrl: './institution-page.component.html',
  styleUrl: './network-page.scss',
})
export default class InstitutionPageComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly id = computed(() => this.params().get('id') ?? '');
  protected readonly networkLink = webPages.network.path;
  protected readonly links = IDENTIFIER_LINKS;

  protected readonly page = httpResource<InstitutionPage>(() => ({
    url: routeUrl(directoryApi.institution, { id: this.id() }),
    params: { locale: this.language.active() },
  }));
  protected readonly view = computed(() => (this.page.hasValue() ? this.page.value() : null));
  /** A malformed id is answered 400: for the reader it is the same as no such institution. */
  protected readonly notFound = computed(() => [400, 404].includes(statusOf(this.page.error())));

  /** The names by type (official, acronyms, aliases), each type only when it has names. */
  protected readonly names = computed(() => {
    const names = this.view()?.institution.names ?? [];
    return INSTITUTION_NAME_TYPES.map((type) => ({
      type,
      names: names.filter((name) => name.type === type),
    })).filter(
      (group): group is { type: InstitutionNameType; names: InstitutionName[] } => group.names.length > 0,
    );
  });
  protected readonly countryName = computed(() => {
    const institution = this.view()?.institution;
    return institution ? countryName(institution.country, this.language.tag()) : '';
  });
  protected readonly hasIdentifiers = computed(() => {
    const ids = this.view()?.institution.identifiers;
    return !!(ids && (ids.ror || ids.orgId || ids.wikidata));
  });

  constructor() {
    pageTitleFrom(() => this.view()?.institution.displayName);
  }

  protected languageOf(code: string): string {
    return languageName(code, this.language.tag());
  }

  protected institutionLink(id: string): string {
    return routeUrl(webPages.networkInstitution, { id });
  }

  protected regionLink(slug: string): string {
    return routeUrl(webPages.networkRegion, { slug });
  }
}
