import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Locale, MembershipView, UpdateProfileRequest, UserView } from '@aula/contracts';
import { identityApi } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';
import { DISPLAY_NAME_MAX } from '../core/auth/account-rules';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { browserTimeZone, timeZoneLabel, timeZoneValidator } from '../core/time/time-zones';
import { focusFirstInvalid } from '../auth/auth-forms';
import { CountryFieldComponent } from '../shared/country-field.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { TimeZoneFieldComponent } from '../shared/time-zone-field.component';
import { ChangePasswordComponent } from './change-password.component';
import { MyInstitutionsComponent } from './my-institutions.component';
import { NetworkProfileComponent } from './network-profile.component';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { NoticeService } from '../shared/notice.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

@Component({
  selector: 'aula-profile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
    LocalDateTimePipe,
    FieldErrorComponent,
    TimeZoneFieldComponent,
    CountryFieldComponent,
    ChangePasswordComponent,
    MyInstitutionsComponent,
    NetworkProfileComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './profile.component.html',
  styleUrl: './profile.component.scss',
})
export default class ProfileComponent {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly directory = inject(DirectoryLookupService);

  protected readonly user = this.auth.user;
  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly browserZone = browserTimeZone();
  protected readonly browserZoneLabel = timeZoneLabel(this.browserZone);
  protected readonly zoneDiffers = computed(() => {
    const zone = this.user()?.timeZone;
    return !!zone && zone !== this.browserZone;
  });

  protected readonly form = this.buildForm(this.auth.user());
  protected readonly memberships = signal<MembershipView[]>([]);
  protected readonly membershipsState = signal<'loading' | 'ready' | 'failed'>('loading');

  constructor() {
    void this.loadMemberships();
  }

  protected async loadMemberships(): Promise<void> {
    this.membershipsState.set('loading');
    try {
      this.memberships.set(await this.directory.myMemberships(this.language.active()));
      this.membershipsState.set('ready');
    } catch {
      this.membershipsState.set('failed');
    }
  }

  protected useBrowserZone(): void {
    this.form.controls.timeZone.setValue(this.browserZone);
    this.form.controls.timeZone.markAsDirty();
  }

  protected async save(): Promise<void> {
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
      const request: UpdateProfileRequest = {
        displayName: value.displayName.trim(),
        locale: value.locale,
        timeZone: value.timeZone,
        country: value.country || null,
      };
      const user = await firstValueFrom(this.http.patch<UserView>(identityApi.updateMe.path, request));
      this.auth.updateUser(user);
      this.form.reset(this.formValue(user));
      // A new language shows at once, and the confirmation is already in it.
      await this.language.apply(user.locale);
      this.notices.show(this.transloco.translate('profile.saved'));
    } catch (error) {
      if (statusOf(error) === 400) {
        const { unclaimed, messages } = applyFieldErrors(this.form, error, this.language.active());
        this.otherMessages.set(messages);
        if (unclaimed > messages.length || !problemOf(error)?.errors?.length)
          this.failureKey.set('errors.invalidInput');
      } else {
        this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
      }
      focusFirstInvalid(this.host.nativeElement);
    } finally {
      this.busy.set(false);
    }
  }

  private buildForm(user: UserView | null) {
    const value = this.formValue(user);
    return inject(NonNullableFormBuilder).group({
      displayName: [value.displayName, [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX)]],
      locale: [value.locale, [Validators.required]],
      timeZone: [value.timeZone, [Validators.required, timeZoneValidator]],
      country: [value.country],
    });
  }

  private formValue(user: UserView | null) {
    return {
      displayName: user?.displayName ?? '',
      locale: (user?.locale ?? 'en') as Locale,
      timeZone: user?.timeZone ?? browserTimeZone(),
      country: user?.country ?? '',
    };
  }
}
