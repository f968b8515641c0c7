import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { DIRECTORY_LIMITS, type Locale, type RegionView, type RegisterRequest } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';
import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../core/auth/account-rules';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor } from '../core/auth/roles';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { browserTimeZone, timeZoneValidator } from '../core/time/time-zones';
import { browserCountry } from '../shared/countries';
import { CountryFieldComponent } from '../shared/country-field.component';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import {
  institutionChoice,
  institutionErrorControl,
  institutionFieldGroup,
} from '../shared/institution-field';
import { InstitutionFieldComponent } from '../shared/institution-field.component';
import { RegionFieldComponent } from '../shared/region-field.component';
import { PasswordFieldComponent } from '../shared/password-field.component';
import { TimeZoneFieldComponent } from '../shared/time-zone-field.component';
import { focusFirstInvalid } from './auth-forms';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

@Component({
  selector: 'aula-register',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
    FieldErrorComponent,
    PasswordFieldComponent,
    TimeZoneFieldComponent,
    CountryFieldComponent,
    InstitutionFieldComponent,
    RegionFieldComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './register.component.html',
  styleUrl: './auth-page.scss',
})
export default class RegisterComponent {
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly directory = inject(DirectoryLookupService);

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly passwordMin = PASSWORD_MIN;
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX)]],
    email: ['', [Validators.required, Validators.email]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(PASSWORD_MAX)],
    ],
    locale: [this.language.active() as Locale, [Validators.required]],
    timeZone: [browserTimeZone(), [Validators.required, timeZoneValidator]],
    country: [browserCountry() ?? ''],
    institution: institutionFieldGroup({ country: browserCountry() }),
    position: ['', [Validators.maxLength(DIRECTORY_LIMITS.position)]],
    regionId: [''],
  });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly country = computed(() => this.formValue().country ?? '');
  /** A position only means something at an institution. */
  protected readonly hasInstitution = computed(() => {
    this.formValue();
    return institutionChoice(this.form.controls.institution) !== null;
  });
  /** The directory's regions; the field stays hidden when there are none (or they could not be loaded). */
  protected readonly regions = signal<RegionView[]>([]);

  constructor() {
    this.directory.regions(this.language.active()).then(
      (regions) => this.regions.set(regions),
      () => this.regions.set([]),
    );
    // A proposed institution is most often in the person's own country.
    this.form.controls.country.valueChanges.subscribe((country) => {
      const proposed = this.form.controls.institution.controls.proposedInstitution.controls.country;
      if (country && proposed.pristine) proposed.setValue(country);
    });
  }

  /** Choosing the account's language also shows the form in it: what you pick is what you get. */
  protected languagePicked(locale: Locale): void {
    void this.language.choose(locale);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      const value = this.form.getRawValue();
      const institution = institutionChoice(this.form.controls.institution);
      const request: RegisterRequest = {
        email: value.email.trim(),
        password: value.password,
        displayName: value.displayName.trim(),
        locale: value.locale,
        timeZone: value.timeZone,
        ...(value.country ? { country: value.country } : {}),
        ...(institution ?? {}),
        ...(institution && value.position.trim() ? { position: value.position.trim() } : {}),
        ...(value.regionId ? { regionId: value.regionId } : {}),
      };
      const session = await this.auth.register(request);
      await this.router.navigateByUrl(homePathFor(session.user.roles));
    } catch (error) {
      this.handle(error);
    } finally {
      this.busy.set(false);
    }
  }

  private handle(error: unknown): void {
    const status = statusOf(error);
    if (status === 409) {
      this.form.controls.email.setErrors({ emailTaken: true });
      this.form.controls.email.markAsTouched();
    } else if (status === 400) {
      const institution = this.form.controls.institution;
      const { unclaimed, messages } = applyFieldErrors(
        this.form,
        error,
        this.language.active(),
        (path) => institutionErrorControl(institution, path) ?? this.form.get(path.split('.')[0] ?? path),
      );
      this.otherMessages.set(messages);
      if (unclaimed > messages.length || !problemOf(error)?.errors?.length)
        this.failureKey.set('errors.invalidInput');
    } else if (status === 403) {
      this.failureKey.set('auth.register.closed');
    } else if (status === 429) {
      this.failureKey.set('auth.signIn.tooManyAttempts');
    } else {
      this.failureKey.set(status === 0 ? 'errors.offline' : 'errors.unexpected');
    }
    focusFirstInvalid(this.host.nativeElement);
  }
}
