import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  routeUrl,
  webPages,
  WORKSHOP_FORMATS,
  WORKSHOP_KINDS,
  WORKSHOP_LIMITS,
  WORKSHOP_REGISTRATION_MODES,
  WORKSHOP_STATUSES,
  WORKSHOP_TRANSITIONS,
  type Locale,
  type RegionView,
  type WorkshopSessionView,
  type WorkshopStatus,
  type WorkshopView,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problemOf, statusOf } from '../core/api/problem';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { DateTimeService } from '../core/time/date-time.service';
import { timeZoneValidator } from '../core/time/time-zones';
import { focusFirstInvalid } from '../auth/auth-forms';
import { LanguageTabsComponent } from '../admin/language-tabs.component';
import { integerValidator, slugValidator, webAddressValidator } from '../admin/admin-validators';
import { displayLocale, displayText } from '../admin/translations';
import { slugFrom } from '../core/catalog/catalog-rules';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { countryOptions } from '../shared/countries';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { TimeZoneFieldComponent } from '../shared/time-zone-field.component';
import { browserTimeZone } from '../core/time/time-zones';
import { formProblem } from './form-problem';
import { HostInstitutionFieldComponent } from './host-institution-field.component';
import { OrganisersPanelComponent } from './organisers-panel.component';
import { WorkshopInvitationsComponent } from '../workshops/organiser-parts/workshop-invitations.component';
import { WorkshopQuestionsEditorComponent } from '../workshops/organiser-parts/workshop-questions-editor.component';
import { OrganiserService } from './organiser.service';
import { ReasonDialogComponent, type ReasonDialogData } from './reason-dialog.component';
import { SessionDialogComponent, type SessionDialogData } from './session-dialog.component';
import {
  emptyWorkshopForm,
  lifecycleActions,
  toWorkshopInput,
  workshopControlPath,
  workshopFormOf,
  type LifecycleAction,
  type NumberInput,
  type WorkshopFormValue,
} from './workshop-form';
import { formatSpanInZone } from './zoned-format';

/**
 * `/organiser/workshops/:id` (and `…/new`): a workshop's record with its text in every language,
 * its agenda, its lifecycle steps and, for administrators, who organises it.
 */
@Component({
  selector: 'aula-workshop-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    FieldErrorComponent,
    IconComponent,
    LanguageTabsComponent,
    TimeZoneFieldComponent,
    HostInstitutionFieldComponent,
    OrganisersPanelComponent,
    WorkshopInvitationsComponent,
    WorkshopQuestionsEditorComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './workshop-editor.component.html',
  styleUrl: './workshop-editor.component.scss',
})
export default class WorkshopEditorComponent implements OnInit {
  private readonly organiser = inject(OrganiserService);
  private readonly lookup = inject(DirectoryLookupService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly dates = inject(DateTimeService);
  private readonly auth = inject(AuthService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly kinds = WORKSHOP_KINDS;
  protected readonly formats = WORKSHOP_FORMATS;
  protected readonly modes = WORKSHOP_REGISTRATION_MODES;
  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly limits = WORKSHOP_LIMITS;
  protected readonly listLink = webPages.organiserWorkshops.path;
  protected readonly isAdmin = computed(() => this.auth.hasRole('admin'));

  protected readonly workshop = signal<WorkshopView | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadFailedKey = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly regions = signal<RegionView[]>([]);
  protected readonly activeLocale = signal<Locale>(this.language.active());
  protected readonly invalid = signal<Locale[]>([]);
  protected readonly busyAction = signal<WorkshopStatus | null>(null);
  protected readonly lifecycleMessage = signal<string | null>(null);
  protected readonly busySession = signal<string | null>(null);
  private slugEdited = false;

  protected readonly form = this.buildForm(emptyWorkshopForm(browserTimeZone(), this.language.active()));
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly format = computed(() => this.value().format ?? 'in-person');
  protected readonly kind = computed(() => this.value().kind ?? 'interregional');
  protected readonly defaultLocale = computed<Locale>(() => this.value().defaultLocale ?? 'en');
  protected readonly filled = computed(() => {
    const v = this.value();
    return APP_LOCALES.filter((l) => v.title?.[l]?.trim() || v.summary?.[l]?.trim() || v.objectives?.[l]?.trim());
  });
  protected readonly heading = computed(() => {
    const w = this.workshop();
    return w ? displayText(w.title, this.language.active(), w.defaultLocale) : '';
  });
  protected readonly headingLang = computed(() => {
    const w = this.workshop();
    return w ? displayLocale(w.title, this.language.active(), w.defaultLocale) : this.language.active();
  });
  protected readonly actions = computed<LifecycleAction[]>(() => {
    const w = this.workshop();
    return w ? lifecycleActions(w.status, WORKSHOP_TRANSITIONS) : [];
  });
  protected readonly registrationsLink = computed(() => {
    const w = this.workshop();
    return w ? routeUrl(webPages.organiserRegistrations, { id: w.id }) : '';
  });
  /** The workshop's other screens: check-in and attendance during it, materials, feedback and outcomes after. */
  protected readonly workLinks = computed(() => {
    const w = this.workshop();
    if (!w) return [];
    const id = { id: w.id };
    return [
      { key: 'checkIn', icon: 'check', url: routeUrl(webPages.organiserCheckIn, id) },
      { key: 'attendance', icon: 'checkCircle', url: routeUrl(webPages.organiserAttendance, id) },
      { key: 'materials', icon: 'file', url: routeUrl(webPages.organiserMaterials, id) },
      { key: 'surveyResults', icon: 'quiz', url: routeUrl(webPages.organiserSurveyResults, id) },
      { key: 'outcomes', icon: 'assignment', url: routeUrl(webPages.organiserOutcomes, id) },
    ] as const;
  });
  protected readonly publicLink = computed(() => {
    const w = this.workshop();
    return w && w.status !== 'draft' ? routeUrl(webPages.workshop, { slug: w.slug }) : '';
  });
  protected readonly viewerZone = this.dates.timeZone;
  /** The venue's country: the programme's countries first, names in the reader's language. */
  protected readonly countries = computed(() => countryOptions(this.language.tag()));
  protected readonly sessions = computed(() => {
    const w = this.workshop();
    if (!w) return [];
    const reader = this.language.active();
    const tag = this.language.tag();
    const viewer = this.dates.timeZone();
    return w.sessions.map((session) => ({
      session,
      title: displayText(session.title, reader, w.defaultLocale),
      lang: displayLocale(session.title, reader, w.defaultLocale),
      local: formatSpanInZone(session.startsAt, session.endsAt, w.timeZone, tag),
      viewer: viewer === w.timeZone ? null : formatSpanInZone(session.startsAt, session.endsAt, viewer, tag),
      speakers: session.speakers.map((s) => s.name).join(', '),
    }));
  });

  ngOnInit(): void {
    void this.loadRegions();
    void this.load();
  }

  private buildForm(v: WorkshopFormValue) {
    const text = (value: Record<Locale, string>, max: number) =>
      this.fb.group({
        en: [value.en, Validators.maxLength(max)],
        es: [value.es, Validators.maxLength(max)],
        pt: [value.pt, Validators.maxLength(max)],
      });
    const count = (value: NumberInput, min: number, max: number) => [value, [integerValidator, Validators.min(min), Validators.max(max)]];
    return this.fb.group({
      slug: [v.slug, [Validators.required, slugValidator]],
      kind: [v.kind],
      defaultLocale: [v.defaultLocale],
      title: text(v.title, WORKSHOP_LIMITS.title),
      summary: text(v.summary, WORKSHOP_LIMITS.summary),
      objectives: text(v.objectives, WORKSHOP_LIMITS.objectives),
      hostInstitutionId: [v.hostInstitutionId, Validators.required],
      hostRegionId: [v.hostRegionId, Validators.required],
      participatingRegionIds: this.fb.control<string[]>(v.participatingRegionIds),
      format: [v.format],
      venueAddress: [v.venueAddress, Validators.maxLength(WORKSHOP_LIMITS.address)],
      venueCity: [v.venueCity, Validators.maxLength(WORKSHOP_LIMITS.city)],
      venueCountry: [v.venueCountry],
      onlineUrl: [v.onlineUrl, webAddressValidator],
      timeZone: [v.timeZone, [Validators.required, timeZoneValidator]],
      startDate: [v.startDate, Validators.required],
      endDate: [v.endDate, Validators.required],
      expectedHours: [v.expectedHours, [Validators.min(0), Validators.max(WORKSHOP_LIMITS.expectedHours)]],
      capacity: count(v.capacity, 1, WORKSHOP_LIMITS.capacity),
      countryQuota: count(v.countryQuota, 1, WORKSHOP_LIMITS.capacity),
      registrationMode: [v.registrationMode],
      registrationOpensAt: [v.registrationOpensAt],
      registrationClosesAt: [v.registrationClosesAt],
      holdHours: count(v.holdHours, 1, WORKSHOP_LIMITS.holdHours),
      attendanceThreshold: count(v.attendanceThreshold, 0, 100),
    });
  }

  private async loadRegions(): Promise<void> {
    try {
      this.regions.set(await this.lookup.regions(this.language.active()));
    } catch {
      this.regions.set([]);
    }
  }

  protected async load(): Promise<void> {
    const id = this.route.snapshot.paramMap.get('id');
    this.loading.set(true);
    this.loadFailedKey.set(null);
    try {
      if (!id || id === 'new') {
        this.workshop.set(null);
        this.setRequiredTitle();
        this.syncFormatValidators();
        return;
      }
      const w = await this.organiser.workshop(id);
      this.workshop.set(w);
      this.slugEdited = true;
      this.form.reset(workshopFormOf(w));
      this.activeLocale.set(w.defaultLocale);
      this.setRequiredTitle();
      this.syncFormatValidators();
    } catch (error) {
      const status = statusOf(error);
      this.loadFailedKey.set(status === 404 ? 'organiser.editor.notFound' : status === 0 ? 'errors.offline' : 'errors.unexpected');
    } finally {
      this.loading.set(false);
    }
  }

  /** The default language's title is required; the others are optional. */
  protected setRequiredTitle(): void {
    for (const locale of APP_LOCALES) {
      const control = this.form.controls.title.controls[locale];
      if (locale === this.form.controls.defaultLocale.value) control.addValidators(Validators.required);
      else control.removeValidators(Validators.required);
      control.updateValueAndValidity();
    }
  }

  /**
   * The venue is required in person and hybrid, the link online and hybrid. Set here rather than
   * with `required` attributes: a hidden field's directive leaves its last error behind.
   */
  protected syncFormatValidators(): void {
    const format = this.form.controls.format.value;
    const rule = (control: AbstractControl, needed: boolean) => {
      if (needed) control.addValidators(Validators.required);
      else control.removeValidators(Validators.required);
      control.updateValueAndValidity();
    };
    rule(this.form.controls.venueAddress, format !== 'online');
    rule(this.form.controls.venueCity, format !== 'online');
    rule(this.form.controls.venueCountry, format !== 'online');
    rule(this.form.controls.onlineUrl, format !== 'in-person');
  }

  protected titleTyped(locale: Locale): void {
    if (this.slugEdited || locale !== this.form.controls.defaultLocale.value) return;
    this.form.controls.slug.setValue(slugFrom(this.form.controls.title.controls[locale].value));
  }

  protected slugTyped(): void {
    this.slugEdited = true;
  }

  protected regionName(id: string): string {
    return this.regions().find((r) => r.id === id)?.displayName ?? '';
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    this.syncFormatValidators();
    if (this.form.invalid) {
      this.showInvalid();
      return;
    }
    this.saving.set(true);
    try {
      const body = toWorkshopInput(this.form.getRawValue());
      const current = this.workshop();
      if (!current) {
        const created = await this.organiser.create(body);
        this.notices.show(this.transloco.translate('organiser.editor.created'));
        await this.router.navigateByUrl(routeUrl(webPages.organiserWorkshop, { id: created.id }), { replaceUrl: true });
        this.workshop.set(created);
        this.form.reset(workshopFormOf(created));
        return;
      }
      const saved = await this.organiser.update(current.id, body);
      this.workshop.set(saved);
      this.form.reset(workshopFormOf(saved));
      this.notices.show(this.transloco.translate('organiser.editor.saved'));
    } catch (error) {
      const { failureKey, messages } = formProblem(this.form, error, this.language.active(), (path) =>
        this.form.get(workshopControlPath(path)),
      );
      this.failureKey.set(failureKey);
      this.otherMessages.set(messages);
      this.showInvalid();
    } finally {
      this.saving.set(false);
    }
  }

  private showInvalid(): void {
    this.form.markAllAsTouched();
    const bad = (c: AbstractControl) => c.invalid;
    const invalid = APP_LOCALES.filter(
      (l) =>
        bad(this.form.controls.title.controls[l]) ||
        bad(this.form.controls.summary.controls[l]) ||
        bad(this.form.controls.objectives.controls[l]),
    );
    this.invalid.set(invalid);
    if (invalid[0] && !invalid.includes(this.activeLocale())) this.activeLocale.set(invalid[0]);
    setTimeout(() => focusFirstInvalid(this.host.nativeElement));
  }

  // ---- lifecycle ----

  protected async step(action: LifecycleAction): Promise<void> {
    const w = this.workshop();
    if (!w || this.busyAction()) return;
    let reason: string | undefined;
    if (action.to === 'cancelled') {
      const answer = await firstValueFrom(
        this.dialog
          .open<ReasonDialogComponent, ReasonDialogData, string>(ReasonDialogComponent, {
            data: {
              titleKey: 'organiser.lifecycle.cancelTitle',
              messageKey: 'organiser.lifecycle.cancelMessage',
              confirmKey: 'organiser.lifecycle.actions.cancel',
            },
          })
          .afterClosed(),
      );
      if (!answer) return;
      reason = answer;
    } else {
      const confirmed = await firstValueFrom(
        this.dialog
          .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
            data: {
              titleKey: `organiser.lifecycle.confirm.${action.key}.title`,
              messageKey: `organiser.lifecycle.confirm.${action.key}.message`,
              confirmKey: `organiser.lifecycle.actions.${action.key}`,
              name: this.heading(),
            },
          })
          .afterClosed(),
      );
      if (!confirmed) return;
    }
    this.busyAction.set(action.to);
    this.lifecycleMessage.set(null);
    try {
      const saved = await this.organiser.setStatus(w.id, action.to, reason);
      this.workshop.set(saved);
      this.notices.show(
        this.transloco.translate('organiser.lifecycle.done', {
          status: this.transloco.translate(`organiser.status.${saved.status}`),
        }),
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === 409) {
        const current = (problemOf(error) as { currentStatus?: string } | null)?.currentStatus;
        const known = (WORKSHOP_STATUSES as readonly string[]).includes(current ?? '');
        this.lifecycleMessage.set(
          known
            ? this.transloco.translate('organiser.lifecycle.conflict', {
                status: this.transloco.translate(`organiser.status.${current}`),
              })
            : this.transloco.translate('organiser.lifecycle.conflictUnknown'),
        );
        await this.reload(w.id);
      } else if (status === 400) {
        this.lifecycleMessage.set(problemOf(error)?.errors?.map((e) => `${e.path}: ${e.message}`).join(' ') || this.transloco.translate('errors.invalidInput'));
      } else {
        this.lifecycleMessage.set(this.transloco.translate(status === 0 ? 'errors.offline' : 'errors.unexpected'));
      }
    } finally {
      this.busyAction.set(null);
    }
  }

  private async reload(id: string): Promise<void> {
    try {
      this.workshop.set(await this.organiser.workshop(id));
    } catch {
      // The message already says what happened; the page keeps what it had.
    }
  }

  // ---- agenda ----

  protected async editSession(session: WorkshopSessionView | null): Promise<void> {
    const w = this.workshop();
    if (!w) return;
    const saved = await firstValueFrom(
      this.dialog
        .open<SessionDialogComponent, SessionDialogData, WorkshopSessionView>(SessionDialogComponent, {
          data: { workshopId: w.id, timeZone: w.timeZone, defaultLocale: w.defaultLocale, firstDay: w.startDate, session },
          width: 'min(44rem, 96vw)',
          maxWidth: '96vw',
        })
        .afterClosed(),
    );
    if (!saved) return;
    this.notices.show(this.transloco.translate(session ? 'organiser.agenda.updated' : 'organiser.agenda.added'));
    await this.reload(w.id);
  }

  protected async removeSession(session: WorkshopSessionView, title: string): Promise<void> {
    const w = this.workshop();
    if (!w || this.busySession()) return;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
          data: {
            titleKey: 'organiser.agenda.removeTitle',
            messageKey: 'organiser.agenda.removeMessage',
            confirmKey: 'organiser.agenda.remove',
            name: title,
            destructive: true,
          },
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    this.busySession.set(session.id);
    try {
      await this.organiser.deleteSession(w.id, session.id);
      this.notices.show(this.transloco.translate('organiser.agenda.removed'));
      await this.reload(w.id);
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    } finally {
      this.busySession.set(null);
    }
  }
}
