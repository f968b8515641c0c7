import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  routeUrl,
  webPages,
  workshopsApi,
  type AcceptWorkshopInvitationRequest,
  type AcceptWorkshopInvitationResult,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NoticeService } from '../shared/notice.service';
import { PasswordFieldComponent } from '../shared/password-field.component';

/**
 * Where a workshop's invitation mail leads (`?token=`): signed in, one button; without an
 * account, a name and a password make one. Then the workshop's page, registered.
 */
@Component({
  selector: 'aula-workshop-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    FieldErrorComponent,
    PasswordFieldComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <div class="page narrow" *transloco="let t">
      <h1>{{ t('workshopApply.invitation.title') }}</h1>
      @if (!token()) {
        <p class="error" role="alert">{{ t('workshopApply.invitation.invalid') }}</p>
      } @else if (signedIn()) {
        <p>{{ t('workshopApply.invitation.signedInLead', { name: auth.user()?.displayName ?? '' }) }}</p>
        <button mat-flat-button type="button" [disabled]="busy()" (click)="accept()">
          {{ t('workshopApply.invitation.accept') }}
        </button>
      } @else {
        <p>{{ t('workshopApply.invitation.newLead') }}</p>
        <form [formGroup]="form" (ngSubmit)="accept()" novalidate>
          <mat-form-field class="full-width">
            <mat-label>{{ t('fields.displayName') }}</mat-label>
            <input matInput formControlName="displayName" autocomplete="name" dir="auto" required />
            <mat-error><aula-field-error [control]="form.controls.displayName" /></mat-error>
          </mat-form-field>
          <aula-password-field
            [control]="form.controls.password"
            autocomplete="new-password"
            hintKey="fields.newPasswordHint"
            [hintParams]="{ min: passwordMin }"
          />
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ t('workshopApply.invitation.acceptNew') }}
          </button>
        </form>
        <p>
          {{ t('workshopApply.invitation.haveAccount') }}
          <a routerLink="/sign-in" [queryParams]="{ returnUrl: here() }">{{ t('workshops.signIn') }}</a>
        </p>
      }
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
      }
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
    </div>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin-block-end: 1rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export default class WorkshopInvitationPageComponent {
  protected readonly auth = inject(AuthService);
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly token = computed(() => this.params().get('token') ?? '');
  protected readonly signedIn = this.auth.signedIn;
  protected readonly here = computed(
    () => `${webPages.workshopInvitation.path}?token=${encodeURIComponent(this.token())}`,
  );
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });

  protected async accept(): Promise<void> {
    if (this.busy()) return;
    const newAccount = !this.signedIn();
    if (newAccount && this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const body: AcceptWorkshopInvitationRequest = { token: this.token() };
    if (newAccount) {
      const { displayName, password } = this.form.getRawValue();
      Object.assign(body, { displayName: displayName.trim(), password, locale: this.language.active() });
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(
        this.http.post<AcceptWorkshopInvitationResult>(routeUrl(workshopsApi.acceptWorkshopInvitation), body),
      );
      // The account made now: sign in with it, so the session lasts past a reload.
      if (result.session && body.password)
        await this.auth.signIn({ email: result.session.user.email, password: body.password });
      this.notices.show(this.transloco.translate(`workshops.registered.${result.registration.status}`));
      await this.router.navigateByUrl(routeUrl(webPages.workshop, { slug: result.workshopSlug }));
    } catch (error) {
      this.error.set(this.failure(error));
    } finally {
      this.busy.set(false);
    }
  }

  private failure(error: unknown): string {
    const status = statusOf(error);
    if (status === 0) return this.transloco.translate('errors.offline');
    if (status === 401) return this.transloco.translate('workshopApply.invitation.signInFirst');
    if (status === 400) {
      const fields = (problemOf(error)?.errors ?? []).map((e) => e.path);
      if (fields.includes('token')) return this.transloco.translate('workshopApply.invitation.invalid');
      applyFieldErrors(this.form, error, this.language.active());
      return this.transloco.translate('workshops.checkForm');
    }
    const problem = problemOf(error);
    if (problem?.detail && speaksReadersLanguage(error, this.language.active())) return problem.detail;
    return this.transloco.translate('workshops.actionFailed');
  }
}
