import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { retryAfterSeconds, statusOf } from '../core/api/problem';
import { focusFirstInvalid } from '../auth/auth-forms';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NotificationApiService } from './notification-api.service';

type Failure = { key: string; params?: Record<string, unknown> };

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the address
 * has an account, so the form cannot be used to find out who is registered.
 */
@Component({
  selector: 'aula-forgot-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <section class="auth-page" *transloco="let t">
      <div class="auth-card">
        <h1>{{ t('notifications.reset.requestTitle') }}</h1>

        <div class="form-error" role="alert">
          @if (failure(); as failure) {
            <p>{{ t(failure.key, failure.params ?? {}) }}</p>
          }
        </div>

        <div role="status">
          @if (sent()) {
            <p class="notice" data-testid="reset-requested">{{ t('notifications.reset.requested') }}</p>
          }
        </div>

        @if (!sent()) {
          <p class="lead">{{ t('notifications.reset.requestLead') }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field class="full-width">
              <mat-label>{{ t('fields.email') }}</mat-label>
              <input
                matInput
                type="email"
                formControlName="email"
                autocomplete="username"
                inputmode="email"
                autocapitalize="off"
                spellcheck="false"
                required
              />
              <mat-error><aula-field-error [control]="form.controls.email" /></mat-error>
            </mat-form-field>
            <button mat-flat-button type="submit" class="submit" [disabled]="busy()">
              {{ busy() ? t('notifications.reset.sending') : t('notifications.reset.requestSubmit') }}
            </button>
          </form>
        }

        <p class="switch">
          <a routerLink="/sign-in">{{ t('notifications.reset.backToSignIn') }}</a>
        </p>
      </div>
    </section>
  `,
  styleUrl: '../auth/auth-page.scss',
})
export default class ForgotPasswordComponent {
  private readonly api = inject(NotificationApiService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly failure = signal<Failure | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
  });

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      await this.api.requestPasswordReset(this.form.getRawValue().email.trim());
      this.sent.set(true);
    } catch (error) {
      const status = statusOf(error);
      if (status === 400) {
        this.form.controls.email.setErrors({ email: true });
        this.form.controls.email.markAsTouched();
        focusFirstInvalid(this.host.nativeElement);
      } else if (status === 429) {
        const seconds = retryAfterSeconds(error);
        this.failure.set(
          seconds === null
            ? { key: 'auth.signIn.tooManyAttempts' }
            : {
                key: 'auth.signIn.tooManyAttemptsWait',
                params: { minutes: Math.max(1, Math.ceil(seconds / 60)) },
              },
        );
      } else {
        this.failure.set({ key: status === 0 ? 'errors.offline' : 'errors.unexpected' });
      }
    } finally {
      this.busy.set(false);
    }
  }
}
