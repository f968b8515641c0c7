import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  routeUrl,
  webPages,
  workshopsApi,
  type WorkshopPublicView,
  type WorkshopRegistrationView,
  type WorkshopSessionPublicView,
} from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { DateTimeService } from '../core/time/date-time.service';
import { IconComponent } from '../shared/icon.component';
import { countryName, languageName } from '../network/network-text';
import { RegistrationPanelComponent } from './registration-panel.component';
import { MyCheckInCodeComponent } from '../attendance/my-checkin-code.component';
import { WorkshopMaterialsComponent } from '../workshop-outcomes/workshop-materials.component';
import { WorkshopCertificateComponent } from '../workshop-certificate/workshop-certificate.component';
import { WorkshopReportComponent } from '../workshop-outcomes/workshop-report.component';
import { WorkshopSurveyComponent } from '../workshop-outcomes/workshop-survey.component';
import { WorkshopDatesComponent } from './workshop-dates.component';
import { seatsKey } from './workshop-text';
import { agendaByDay, sessionTimes, type SessionTimes } from './workshop-time';

interface AgendaSession {
  session: WorkshopSessionPublicView;
  times: SessionTimes;
}

/**
 * `/workshops/:slug`: a workshop's page for anyone (its text in the reader's language, else the
 * default one), its agenda in the workshop's time and the reader's, and taking part.
 */
@Component({
  selector: 'aula-workshop-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    IconComponent,
    RegistrationPanelComponent,
    WorkshopDatesComponent,
    MyCheckInCodeComponent,
    WorkshopMaterialsComponent,
    WorkshopSurveyComponent,
    WorkshopReportComponent,
    WorkshopCertificateComponent,
  ],
  templateUrl: './workshop-page.component.html',
  styleUrl: './workshop-page.component.scss',
})
export default class WorkshopPageComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  private readonly dateTime = inject(DateTimeService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly slug = computed(() => this.params().get('slug') ?? '');
  protected readonly workshopsLink = webPages.workshops.path;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly seatsKey = seatsKey;

  protected readonly page = httpResource<WorkshopPublicView>(() => ({
    url: routeUrl(workshopsApi.workshop, { slug: this.slug() }),
    // Asked again when the interface language changes: the texts follow it.
    params: { locale: this.language.active() },
  }));
  protected readonly view = computed(() => (this.page.hasValue() ? this.page.value() : null));
  protected readonly notFound = computed(() => statusOf(this.page.error()) === 404);
  /** The reader's registration: from the page, then as changed here until the page answers again. */
  protected readonly registration = linkedSignal<WorkshopRegistrationView | null>(
    () => this.view()?.myRegistration ?? null,
  );

  /** The text is in another language than the interface's (not translated yet). */
  protected readonly fallbackLanguage = computed(() => {
    const view = this.view();
    return view && view.locale !== this.language.active()
      ? languageName(view.locale, this.language.tag())
      : null;
  });
  protected readonly objectives = computed(() =>
    (this.view()?.objectives ?? '')
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean),
  );
  protected readonly venueCountry = computed(() =>
    countryName(this.view()?.venue?.country, this.language.tag()),
  );
  protected readonly agenda = computed(() => {
    const view = this.view();
    if (!view) return [];
    const tag = this.language.tag();
    const viewer = this.dateTime.timeZone();
    return agendaByDay(view.sessions, view.timeZone).map((day) => ({
      date: day.date,
      label: this.dateTime.formatDay(day.date, 'longDate'),
      sessions: day.sessions.map<AgendaSession>((session) => ({
        session,
        times: sessionTimes(session, view.timeZone, viewer, tag),
      })),
    }));
  });
  protected readonly registrationWindow = computed(() => {
    const view = this.view();
    return {
      opens: this.dateTime.format(view?.registrationOpensAt, 'dateTime'),
      closes: this.dateTime.format(view?.registrationClosesAt, 'dateTime'),
    };
  });

  constructor() {
    pageTitleFrom(() => this.view()?.title);
  }

  protected changed(registration: WorkshopRegistrationView): void {
    this.registration.set(registration);
    // Seats left, the online link and session links depend on the registration: read them again.
    this.page.reload();
  }

  protected institutionLink(id: string): string {
    return routeUrl(webPages.networkInstitution, { id });
  }

  protected regionLink(slug: string): string {
    return routeUrl(webPages.networkRegion, { slug });
  }
}
