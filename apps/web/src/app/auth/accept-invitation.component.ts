import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PASSWORD_MAX, PASSWORD_MIN } from '../core/auth/account-rules';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor } from '../core/auth/roles';
import { LanguageService } from '../core/i18n/language.service';
import { PasswordFieldComponent } from '../shared/password-field.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { focusFirstInvalid, linkPasswordFailure } from './auth-forms';

/**
 * `/accept-invitation?token=…`: a person enrolled by an administrator (from a CSV file) has an
 * account already; here they choose its password and are signed in.
 */
@Component({
  selector: 'aula-accept-invitation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, TranslocoDirective, PasswordFieldComponent],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <section class="auth-page" *transloco="let t">
      <div class="auth-card">
        <h1>{{ t('auth.invitation.title') }}</h1>
        <p class="lead">{{ t('auth.invitation.lead') }}</p>

        <div class="form-error" role="alert">
          @if (failureKey(); as key) {
            <p>{{ t(key) }}</p>
          }
        </div>

        @if (token) {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <aula-password-field
              [control]="form.controls.password"
              labelKey="fields.newPassword"
              autocomplete="new-password"
              hintKey="fields.newPasswordHint"
              [hintParams]="{ min: passwordMin }"
            />
            <button mat-flat-button type="submit" class="submit" [disabled]="busy()">
              {{ busy() ? t('auth.invitation.submitting') : t('auth.invitation.submit') }}
            </button>
          </form>
        }

        <p class="switch">
          {{ t('auth.register.haveAccount') }}
          <a routerLink="/sign-in">{{ t('auth.register.signInLink') }}</a>
        </p>
      </div>
    </section>
  `,
  styleUrl: './auth-page.scss',
})
export default class AcceptInvitationComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token') ?? '';
  protected readonly passwordMin = PASSWORD_MIN;
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(this.token ? null : 'auth.invitation.invalid');
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(PASSWORD_MAX)],
    ],
  });

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      const session = await this.auth.acceptInvitation({
        token: this.token,
        password: this.form.getRawValue().password,
      });
      await this.router.navigateByUrl(homePathFor(session.user.roles));
    } catch (error) {
      const failure = linkPasswordFailure(error, this.form, this.language.active(), this.host.nativeElement);
      this.failureKey.set(failure === 'token' ? 'auth.invitation.invalid' : failure);
    } finally {
      this.busy.set(false);
    }
  }
}
