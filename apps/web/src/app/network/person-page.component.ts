import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { directoryApi, routeUrl, webPages, type PublicPersonView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { countryName, languageName } from './network-text';

/**
 * `/network/people/:id`: what a person chose to publish in their network profile, and nothing
 * more (exactly the fields of PublicPersonView). Withdrawn or never published: not found.
 */
@Component({
  selector: 'aula-person-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoDirective],
  templateUrl: './person-page.component.html',
  styleUrl: './network-page.scss',
})
export default class PersonPageComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly id = computed(() => this.params().get('id') ?? '');
  protected readonly networkLink = webPages.network.path;

  protected readonly person = httpResource<PublicPersonView>(() => ({
    url: routeUrl(directoryApi.person, { id: this.id() }),
    params: { locale: this.language.active() },
  }));
  protected readonly view = computed(() => (this.person.hasValue() ? this.person.value() : null));
  protected readonly notFound = computed(() => [400, 404].includes(statusOf(this.person.error())));
  protected readonly countryName = computed(() => countryName(this.view()?.country, this.language.tag()));
  protected readonly languages = computed(() =>
    (this.view()?.languages ?? []).map((code) => ({ code, name: languageName(code, this.language.tag()) })),
  );

  constructor() {
    pageTitleFrom(() => this.view()?.displayName);
  }

  protected institutionLink(id: string): string {
    return routeUrl(webPages.networkInstitution, { id });
  }

  protected regionLink(slug: string): string {
    return routeUrl(webPages.networkRegion, { slug });
  }
}
