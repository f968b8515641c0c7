import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { retryAfterSeconds, statusOf } from '../core/api/problem';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor } from '../core/auth/roles';
import { PlatformService } from '../core/platform/platform.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { PasswordFieldComponent } from '../shared/password-field.component';
import { focusFirstInvalid, safeReturnUrl } from './auth-forms';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

type SignInFailure = { key: string; params?: Record<string, unknown> };

@Component({
  selector: 'aula-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
    PasswordFieldComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './sign-in.component.html',
  styleUrl: './auth-page.scss',
})
export default class SignInComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly platform = inject(PlatformService).info;
  protected readonly sessionEnded = this.auth.endedUnexpectedly;
  protected readonly busy = signal(false);
  protected readonly failure = signal<SignInFailure | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
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
      const { email, password } = this.form.getRawValue();
      const session = await this.auth.signIn({ email: email.trim(), password });
      const target =
        safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')) ?? homePathFor(session.user.roles);
      await this.router.navigateByUrl(target);
    } catch (error) {
      this.failure.set(this.describe(error));
      this.form.controls.password.reset();
    } finally {
      this.busy.set(false);
    }
  }

  private describe(error: unknown): SignInFailure {
    switch (statusOf(error)) {
      case 400:
      case 401:
        return { key: 'auth.signIn.wrongCredentials' };
      case 403:
        return { key: 'auth.signIn.deactivated' };
      case 429: {
        const seconds = retryAfterSeconds(error);
        return seconds === null
          ? { key: 'auth.signIn.tooManyAttempts' }
          : {
              key: 'auth.signIn.tooManyAttemptsWait',
              params: { minutes: Math.max(1, Math.ceil(seconds / 60)) },
            };
      }
      case 0:
        return { key: 'errors.offline' };
      default:
        return { key: 'errors.unexpected' };
    }
  }
}
