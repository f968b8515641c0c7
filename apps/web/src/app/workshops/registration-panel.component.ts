import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  STAKEHOLDER_SECTORS,
  WORKSHOP_LIMITS,
  routeUrl,
  type RegionView,
  webPages,
  workshopsApi,
  type WorkshopPublicView,
  type WorkshopRegistrationRequest,
  type WorkshopRegistrationView,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { CountryFieldComponent } from '../shared/country-field.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { InstitutionFieldComponent } from '../shared/institution-field.component';
import { RegionFieldComponent } from '../shared/region-field.component';
import { applicationControlFor, applicationForm, applicationRequest } from './application-form';
import { NoticeService } from '../shared/notice.service';
import { existingRegistration, registrationActions, registrationOffer } from './registration-state';

/**
 * Taking part in a workshop: sign in, register (open) or apply (by application); then the
 * registration's state with what can be done about it (confirm an offered seat, withdraw).
 */
@Component({
  selector: 'aula-workshop-registration',
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
    CountryFieldComponent,
    InstitutionFieldComponent,
    RegionFieldComponent,
    FieldErrorComponent,
    IconComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './registration-panel.component.html',
  styleUrl: './registration-panel.component.scss',
})
export class RegistrationPanelComponent {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly dateTime = inject(DateTimeService);
  private readonly directory = inject(DirectoryLookupService);

  readonly workshop = input.required<WorkshopPublicView>();
  readonly registration = input.required<WorkshopRegistrationView | null>();
  /** A registration made or changed here (the page reloads the workshop: links and seats change). */
  readonly changed = output<WorkshopRegistrationView>();

  protected readonly offer = computed(() =>
    registrationOffer(this.workshop(), this.registration(), this.auth.signedIn()),
  );
  protected readonly actions = computed(() => {
    const registration = this.registration();
    return registration ? registrationActions(this.workshop(), registration) : [];
  });
  protected readonly offerDeadline = computed(() =>
    this.dateTime.format(this.registration()?.offerExpiresAt, 'longDateTime'),
  );
  protected readonly viewerZone = this.dateTime.timeZone;
  protected readonly signInParams = computed(() => ({
    returnUrl: routeUrl(webPages.workshop, { slug: this.workshop().slug }),
  }));
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly motivationMax = WORKSHOP_LIMITS.motivation;
  protected readonly needsMax = WORKSHOP_LIMITS.accessibilityNeeds;
  protected readonly answerMax = WORKSHOP_LIMITS.answer;
  protected readonly sectors = STAKEHOLDER_SECTORS;
  /** The directory's regions; the field stays hidden when there are none (or they could not be loaded). */
  protected readonly regions = signal<RegionView[]>([]);

  /** The application form, with a control per organiser question of this workshop. */
  protected readonly form = computed(() =>
    applicationForm(this.workshop().questions ?? [], this.auth.user()?.country ?? null),
  );

  constructor() {
    this.directory.regions(this.language.active()).then(
      (regions) => this.regions.set(regions),
      () => this.regions.set([]),
    );
  }

  protected async register(): Promise<void> {
    const application = this.offer() === 'apply';
    const form = this.form();
    if (application && form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const body: WorkshopRegistrationRequest = application ? applicationRequest(form) : {};
    await this.run(async () => {
      try {
        const registration = await firstValueFrom(
          this.http.post<WorkshopRegistrationView>(
            routeUrl(workshopsApi.register, { slug: this.workshop().slug }),
            body,
          ),
        );
        this.notices.show(this.transloco.translate(`workshops.registered.${registration.status}`));
        this.changed.emit(registration);
      } catch (error) {
        const existing = statusOf(error) === 409 ? existingRegistration(problemOf(error)) : null;
        if (existing) {
          this.notices.show(this.transloco.translate('workshops.alreadyRegistered'));
          this.changed.emit(existing);
          return;
        }
        if (statusOf(error) === 400) {
          const { unclaimed, messages } = applyFieldErrors(form, error, this.language.active(), (path) =>
            applicationControlFor(form, path),
          );
          if (unclaimed)
            this.formError.set(messages.join(' ') || this.transloco.translate('workshops.checkForm'));
          return;
        }
        throw error;
      }
    });
  }

  protected async confirmSeat(): Promise<void> {
    const registration = this.registration();
    if (!registration) return;
    await this.run(async () => {
      const confirmed = await firstValueFrom(
        this.http.post<WorkshopRegistrationView>(
          routeUrl(workshopsApi.confirmOffer, { id: registration.id }),
          {},
        ),
      );
      this.notices.show(this.transloco.translate('workshops.seatConfirmed'));
      this.changed.emit(confirmed);
    });
  }

  protected async withdraw(): Promise<void> {
    const registration = this.registration();
    if (!registration) return;
    const data: ConfirmDialogData = {
      titleKey: 'workshops.withdrawDialog.title',
      messageKey: 'workshops.withdrawDialog.message',
      confirmKey: 'workshops.withdraw',
      name: this.workshop().title,
      destructive: true,
    };
    const ok = await firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data }).afterClosed());
    if (ok !== true) return;
    await this.run(async () => {
      const withdrawn = await firstValueFrom(
        this.http.post<WorkshopRegistrationView>(
          routeUrl(workshopsApi.withdrawRegistration, { id: registration.id }),
          {},
        ),
      );
      this.notices.show(this.transloco.translate('workshops.withdrawn'));
      this.changed.emit(withdrawn);
    });
  }

  /** Runs one call at a time, with progress shown and a readable message when it fails. */
  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.formError.set(null);
    try {
      await work();
    } catch (error) {
      this.formError.set(this.failure(error));
    } finally {
      this.busy.set(false);
    }
  }

  private failure(error: unknown): string {
    const status = statusOf(error);
    if (status === 0) return this.transloco.translate('errors.offline');
    const problem = problemOf(error);
    if (problem?.detail && speaksReadersLanguage(error, this.language.active())) return problem.detail;
    if (status === 409) return this.transloco.translate('workshops.conflict');
    if (status === 403) return this.transloco.translate('workshops.invitationOnly');
    return this.transloco.translate('workshops.actionFailed');
  }
}
