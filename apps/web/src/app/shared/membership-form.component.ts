import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DIRECTORY_LIMITS, type MembershipInput, type MembershipView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { focusFirstInvalid } from '../auth/auth-forms';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { FieldErrorComponent } from './field-error.component';
import {
  institutionChoice,
  institutionErrorControl,
  institutionFieldGroup,
  resetInstitutionField,
} from './institution-field';
import { InstitutionFieldComponent } from './institution-field.component';

/**
 * Adds a membership: the institution (from the directory, or proposed), position and start date.
 * Who it is for is the parent's business: it hands in `send` (the person's own route, or an
 * administrator's for someone else) and hears `added`.
 */
@Component({
  selector: 'aula-membership-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
    InstitutionFieldComponent,
  ],
  template: `
    <form *transloco="let t" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <div class="form-error" role="alert">
        @if (failureKey(); as key) {
          <p>{{ t(key) }}</p>
        }
        @for (message of otherMessages(); track $index) {
          <p>{{ message }}</p>
        }
      </div>
      <aula-institution-field [group]="form.controls.institution" />
      <div class="row">
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>{{ t('directoryFields.position') }}</mat-label>
          <input matInput formControlName="position" dir="auto" [maxlength]="positionMax" />
          <mat-hint>{{ t('directoryFields.positionHint') }}</mat-hint>
          <mat-error><aula-field-error [control]="form.controls.position" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="full-width">
          <mat-label>{{ t('directoryFields.memberships.startedOn') }}</mat-label>
          <input matInput type="date" formControlName="startedOn" />
          <mat-hint>{{ t('directoryFields.memberships.optional') }}</mat-hint>
          <mat-error><aula-field-error [control]="form.controls.startedOn" /></mat-error>
        </mat-form-field>
      </div>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? t('actions.saving') : t('directoryFields.memberships.add') }}
        </button>
      </div>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .full-width {
      inline-size: 100%;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      align-items: start;
      gap: 12px;
    }
    @media (max-width: 599.98px) {
      .row {
        grid-template-columns: 1fr;
      }
    }
    .form-error:empty {
      display: none;
    }
    .form-error p {
      margin: 0;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class MembershipFormComponent implements OnInit {
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Sends the new membership; the form shows what the API refused next to the field. */
  readonly send = input.required<(input: MembershipInput) => Promise<MembershipView>>();
  /** Proposed institutions start in this country. */
  readonly country = input<string | null>(null);
  readonly added = output<MembershipView>();

  protected readonly positionMax = DIRECTORY_LIMITS.position;
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    institution: institutionFieldGroup({ required: true }),
    position: ['', [Validators.maxLength(DIRECTORY_LIMITS.position)]],
    startedOn: [''],
  });

  ngOnInit(): void {
    const country = this.form.controls.institution.controls.proposedInstitution.controls.country;
    if (this.country() && !country.value) country.setValue(this.country() ?? '');
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    const institution = institutionChoice(this.form.controls.institution);
    if (this.form.invalid || !institution) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      const value = this.form.getRawValue();
      const membership = await this.send()({
        ...institution,
        ...(value.position.trim() ? { position: value.position.trim() } : {}),
        ...(value.startedOn ? { startedOn: value.startedOn } : {}),
      });
      resetInstitutionField(this.form.controls.institution, this.country());
      this.form.controls.position.reset('');
      this.form.controls.startedOn.reset('');
      this.added.emit(membership);
    } catch (error) {
      if (statusOf(error) === 400) {
        const group = this.form.controls.institution;
        const { unclaimed, messages } = applyFieldErrors(
          this.form,
          error,
          this.language.active(),
          (path) => institutionErrorControl(group, path) ?? this.form.get(path.split('.')[0] ?? path),
        );
        this.otherMessages.set(messages);
        if (unclaimed > messages.length || !problemOf(error)?.errors?.length)
          this.failureKey.set('errors.invalidInput');
        focusFirstInvalid(this.host.nativeElement);
      } else {
        this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
      }
    } finally {
      this.busy.set(false);
    }
  }
}
