import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { AuthSession, ChangePasswordRequest } from '@aula/contracts';
import { identityApi } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';
import { PASSWORD_MAX, PASSWORD_MIN } from '../core/auth/account-rules';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { focusFirstInvalid } from '../auth/auth-forms';
import { PasswordFieldComponent } from '../shared/password-field.component';

function differentFromCurrent(group: AbstractControl): ValidationErrors | null {
  const current = group.get('currentPassword');
  const next = group.get('newPassword');
  if (!current?.value || !next?.value || current.value !== next.value) {
    if (next?.hasError('samePassword')) {
      const { samePassword: _, ...rest } = next.errors ?? {};
      next.setErrors(Object.keys(rest).length ? rest : null);
    }
    return null;
  }
  next.setErrors({ ...(next.errors ?? {}), samePassword: true });
  return null;
}

/** Change password. The API answers with a fresh session and signs out every other one. */
@Component({
  selector: 'aula-change-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, TranslocoDirective, PasswordFieldComponent],
  template: `
    <section class="card" aria-labelledby="password-title" *transloco="let t">
      <h2 id="password-title">{{ t('profile.password.title') }}</h2>
      <p class="lead">{{ t('profile.password.lead') }}</p>

      <div class="form-message" role="status">
        @if (done()) {
          <p class="done">{{ t('profile.password.changed') }}</p>
        }
      </div>
      <div class="form-error" role="alert">
        @if (failureKey(); as key) {
          <p>{{ t(key) }}</p>
        }
      </div>

      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <aula-password-field
          [control]="form.controls.currentPassword"
          labelKey="fields.currentPassword"
          autocomplete="current-password"
        />
        <aula-password-field
          [control]="form.controls.newPassword"
          labelKey="fields.newPassword"
          hintKey="fields.newPasswordHint"
          [hintParams]="{ min: passwordMin }"
          autocomplete="new-password"
        />
        <div>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? t('actions.saving') : t('profile.password.submit') }}
          </button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .lead {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-inline-size: 28rem;
    }
    .form-error:empty,
    .form-message:empty {
      display: none;
    }
    .form-error p,
    .done {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
    }
    .form-error p {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .done {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class ChangePasswordComponent {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly passwordMin = PASSWORD_MIN;
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', [Validators.required]],
      newPassword: [
        '',
        [Validators.required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(PASSWORD_MAX)],
      ],
    },
    { validators: differentFromCurrent },
  );

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.done.set(false);
    this.failureKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      const request: ChangePasswordRequest = this.form.getRawValue();
      const session = await firstValueFrom(
        this.http.post<AuthSession>(identityApi.changePassword.path, request),
      );
      this.auth.replaceSession(session);
      this.form.reset();
      this.done.set(true);
    } catch (error) {
      const status = statusOf(error);
      const fields = problemOf(error)?.errors ?? [];
      if (
        (status === 400 && fields.some((field) => field.path === 'currentPassword')) ||
        status === 401 ||
        status === 403
      ) {
        // A wrong current password (the session itself is fine: the interceptor already checked).
        this.form.controls.currentPassword.setErrors({ currentPassword: true });
        this.form.controls.currentPassword.markAsTouched();
      } else if (status === 400) {
        const { unclaimed } = applyFieldErrors(this.form, error, this.language.active());
        if (unclaimed || !fields.length) this.failureKey.set('errors.invalidInput');
      } else if (status === 429) {
        this.failureKey.set('auth.signIn.tooManyAttempts');
      } else {
        this.failureKey.set(status === 0 ? 'errors.offline' : 'errors.unexpected');
      }
      focusFirstInvalid(this.host.nativeElement);
    } finally {
      this.busy.set(false);
    }
  }
}
