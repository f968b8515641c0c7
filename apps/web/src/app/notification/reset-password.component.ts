import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PASSWORD_MAX, PASSWORD_MIN } from '../core/auth/account-rules';
import { LanguageService } from '../core/i18n/language.service';
import { focusFirstInvalid, linkPasswordFailure } from '../auth/auth-forms';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { PasswordFieldComponent } from '../shared/password-field.component';
import { NotificationApiService } from './notification-api.service';

/**
 * `/reset-password?token=…`, the link in the password-reset email: choose a new password (same
 * rules as registration). Every session of the account ends, so the person signs in again.
 */
@Component({
  selector: 'aula-reset-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, TranslocoDirective, PasswordFieldComponent],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <section class="auth-page" *transloco="let t">
      <div class="auth-card">
        <h1>{{ t('notifications.reset.title') }}</h1>

        <div class="form-error" role="alert">
          @if (failureKey(); as key) {
            <p>{{ t(key) }}</p>
          }
        </div>

        <div role="status">
          @if (done()) {
            <p class="notice">{{ t('notifications.reset.done') }}</p>
          }
        </div>

        @if (done()) {
          <a mat-flat-button class="submit" routerLink="/sign-in">{{ t('notifications.reset.signIn') }}</a>
        } @else if (tokenValid()) {
          <p class="lead">{{ t('notifications.reset.lead') }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <aula-password-field
              [control]="form.controls.password"
              labelKey="fields.newPassword"
              autocomplete="new-password"
              hintKey="fields.newPasswordHint"
              [hintParams]="{ min: passwordMin }"
            />
            <button mat-flat-button type="submit" class="submit" [disabled]="busy()">
              {{ busy() ? t('actions.saving') : t('notifications.reset.submit') }}
            </button>
          </form>
        } @else {
          <p class="switch">
            <a routerLink="/forgot-password">{{ t('notifications.reset.requestAgain') }}</a>
          </p>
        }

        @if (!done()) {
          <p class="switch">
            <a routerLink="/sign-in">{{ t('notifications.reset.backToSignIn') }}</a>
          </p>
        }
      </div>
    </section>
  `,
  styleUrl: '../auth/auth-page.scss',
})
export default class ResetPasswordComponent {
  private readonly api = inject(NotificationApiService);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  private readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token') ?? '';
  protected readonly passwordMin = PASSWORD_MIN;
  protected readonly tokenValid = signal(this.token.length > 0);
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly failureKey = signal<string | null>(this.token ? null : 'notifications.reset.invalid');
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
      await this.api.confirmPasswordReset(this.token, this.form.getRawValue().password);
      this.form.reset();
      this.done.set(true);
    } catch (error) {
      const failure = linkPasswordFailure(error, this.form, this.language.active(), this.host.nativeElement);
      if (failure === 'token') this.tokenValid.set(false);
      this.failureKey.set(failure === 'token' ? 'notifications.reset.invalid' : failure);
    } finally {
      this.busy.set(false);
    }
  }
}
