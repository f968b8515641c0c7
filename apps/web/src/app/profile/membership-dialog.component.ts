import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DIRECTORY_LIMITS, type MembershipUpdate, type MembershipView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NameInTextComponent } from '../shared/name-in-text.component';

/** The last day cannot come before the first; the error sits on the last day. */
function endNotBeforeStart(group: AbstractControl): ValidationErrors | null {
  const start = group.get('startedOn');
  const end = group.get('endedOn');
  if (!start || !end) return null;
  const wrong = !!start.value && !!end.value && end.value < start.value;
  if (wrong && !end.hasError('endBeforeStart'))
    end.setErrors({ ...(end.errors ?? {}), endBeforeStart: true });
  if (!wrong && end.hasError('endBeforeStart')) {
    const { endBeforeStart: _, ...rest } = end.errors ?? {};
    end.setErrors(Object.keys(rest).length ? rest : null);
  }
  return null;
}

/** Changes the position and dates of one of the person's memberships; closes with the saved membership. */
@Component({
  selector: 'aula-membership-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
    NameInTextComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        <aula-name-in-text
          key="directoryFields.memberships.editTitle"
          [name]="data.institution.displayName"
        />
      </h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content>
          <div class="form-error" role="alert">
            @if (failureKey(); as key) {
              <p>{{ t(key) }}</p>
            }
            @for (message of otherMessages(); track $index) {
              <p>{{ message }}</p>
            }
          </div>
          <mat-form-field class="full-width">
            <mat-label>{{ t('directoryFields.position') }}</mat-label>
            <input matInput formControlName="position" dir="auto" [maxlength]="positionMax" />
            <mat-error><aula-field-error [control]="form.controls.position" /></mat-error>
          </mat-form-field>
          <div class="row">
            <mat-form-field class="full-width">
              <mat-label>{{ t('directoryFields.memberships.startedOn') }}</mat-label>
              <input matInput type="date" formControlName="startedOn" />
              <mat-error><aula-field-error [control]="form.controls.startedOn" /></mat-error>
            </mat-form-field>
            <mat-form-field class="full-width">
              <mat-label>{{ t('directoryFields.memberships.endedOn') }}</mat-label>
              <input matInput type="date" formControlName="endedOn" />
              <mat-hint>{{ t('directoryFields.memberships.endedOnHint') }}</mat-hint>
              <mat-error><aula-field-error [control]="form.controls.endedOn" /></mat-error>
            </mat-form-field>
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('actions.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? t('actions.saving') : t('actions.save') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .full-width {
      inline-size: 100%;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
      align-items: start;
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
export class MembershipDialogComponent {
  protected readonly data = inject<MembershipView>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MembershipDialogComponent, MembershipView>>(MatDialogRef);
  private readonly directory = inject(DirectoryLookupService);
  private readonly language = inject(LanguageService);

  protected readonly positionMax = DIRECTORY_LIMITS.position;
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      position: [this.data.position ?? '', [Validators.maxLength(DIRECTORY_LIMITS.position)]],
      startedOn: [this.data.startedOn ?? ''],
      endedOn: [this.data.endedOn ?? ''],
    },
    { validators: [endNotBeforeStart] },
  );

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const change: MembershipUpdate = {
      position: value.position.trim() || null,
      startedOn: value.startedOn || null,
      endedOn: value.endedOn || null,
    };
    this.busy.set(true);
    try {
      this.ref.close(await this.directory.updateMyMembership(this.data.id, change));
    } catch (error) {
      if (statusOf(error) === 400) {
        const { unclaimed, messages } = applyFieldErrors(this.form, error, this.language.active());
        this.otherMessages.set(messages);
        if (unclaimed > messages.length || !problemOf(error)?.errors?.length)
          this.failureKey.set('errors.invalidInput');
      } else {
        this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
      }
    } finally {
      this.busy.set(false);
    }
  }
}
