import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type {
  FreeTextValueView,
  InstitutionKind,
  RegionStatus,
  ResolveFreeTextRequest,
  WorldRegion,
} from '@aula/contracts';
import { DIRECTORY_LIMITS, INSTITUTION_KINDS, REGION_STATUSES, WORLD_REGIONS } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { slugValidator } from '../admin/admin-validators';
import { CountryFieldComponent } from '../shared/country-field.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { AdminDirectoryService } from './admin-directory.service';
import { DirectoryErrorComponent } from './directory-error.component';
import { applyDirectoryErrors, freeTextCreateRequest, freeTextControlFor, slugFrom } from './directory-rules';

export interface CreateRecordDialogData {
  value: FreeTextValueView;
}

/**
 * A new institution or region for a typed value that matches none: the essentials only (the
 * record's own screen has the rest). Closes with the resolved group.
 */
@Component({
  selector: 'aula-create-record-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    CountryFieldComponent,
    DirectoryErrorComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('adminDirectory.freeText.create.title.' + data.value.field) }}</h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content>
          <p class="muted">{{ t('adminDirectory.freeText.create.lead', { people: data.value.people }) }}</p>
          <div class="form-error" role="alert">
            @if (failureKey(); as key) {
              <p>{{ t(key) }}</p>
            }
            @for (message of messages(); track $index) {
              <p>{{ message }}</p>
            }
          </div>
          <mat-form-field class="full">
            <mat-label>{{ t('adminDirectory.freeText.create.name') }}</mat-label>
            <input matInput formControlName="name" dir="auto" required />
            <mat-error><aula-directory-error [control]="form.controls.name" /></mat-error>
          </mat-form-field>
          <aula-country-field [control]="form.controls.country" />
          @if (form.controls.country.touched && form.controls.country.errors) {
            <p class="form-error" role="alert"><aula-directory-error [control]="form.controls.country" /></p>
          }
          @if (data.value.field === 'organisation') {
            <mat-form-field class="full">
              <mat-label>{{ t('adminDirectory.institution.kind') }}</mat-label>
              <select matNativeControl formControlName="kind" required>
                @for (kind of kinds; track kind) {
                  <option [value]="kind">{{ t('adminDirectory.kinds.' + kind) }}</option>
                }
              </select>
            </mat-form-field>
          } @else {
            <mat-form-field class="full">
              <mat-label>{{ t('adminDirectory.region.slug') }}</mat-label>
              <input matInput formControlName="slug" autocomplete="off" spellcheck="false" required />
              <mat-hint>{{ t('adminDirectory.region.slugHint') }}</mat-hint>
              <mat-error><aula-directory-error [control]="form.controls.slug" /></mat-error>
            </mat-form-field>
            <mat-form-field class="full">
              <mat-label>{{ t('adminDirectory.region.worldRegion') }}</mat-label>
              <select matNativeControl formControlName="worldRegion" required>
                @for (item of worldRegions; track item) {
                  <option [value]="item">{{ t('adminDirectory.worldRegions.' + item) }}</option>
                }
              </select>
            </mat-form-field>
            <mat-form-field class="full">
              <mat-label>{{ t('adminDirectory.region.status') }}</mat-label>
              <select matNativeControl formControlName="status" required>
                @for (item of statuses; track item) {
                  <option [value]="item">{{ t('adminDirectory.regionStatus.' + item) }}</option>
                }
              </select>
            </mat-form-field>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('actions.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? t('actions.saving') : t('adminDirectory.freeText.create.submit') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .full {
      inline-size: 100%;
      margin-block-end: 8px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .form-error p,
    p.form-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class CreateRecordDialogComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly language = inject(LanguageService);
  private readonly ref = inject<MatDialogRef<CreateRecordDialogComponent, FreeTextValueView>>(MatDialogRef);
  protected readonly data = inject<CreateRecordDialogData>(MAT_DIALOG_DATA);

  protected readonly kinds = INSTITUTION_KINDS;
  protected readonly worldRegions = WORLD_REGIONS;
  protected readonly statuses = REGION_STATUSES;
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly messages = signal<string[]>([]);

  private readonly spelling = this.data.value.spellings[0] ?? this.data.value.key;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.spelling, [Validators.required, Validators.maxLength(DIRECTORY_LIMITS.name)]],
    country: ['', [Validators.required]],
    kind: ['government' as InstitutionKind],
    slug: [
      slugFrom(this.spelling),
      this.data.value.field === 'region' ? [Validators.required, slugValidator] : [],
    ],
    worldRegion: ['latin-america-caribbean' as WorldRegion],
    status: ['participating' as RegionStatus],
  });

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    this.messages.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request: ResolveFreeTextRequest = freeTextCreateRequest(
      this.data.value,
      this.form.getRawValue(),
      this.language.active(),
    );
    this.busy.set(true);
    try {
      this.ref.close(await this.directory.resolveFreeText(request));
    } catch (error) {
      const status = statusOf(error);
      if (status === 400 || status === 409) {
        const { unclaimed, messages } = applyDirectoryErrors(
          this.form,
          error,
          this.language.active(),
          freeTextControlFor(this.form),
        );
        this.messages.set(messages);
        if (unclaimed > messages.length || unclaimed + messages.length === 0)
          this.failureKey.set('errors.invalidInput');
      } else {
        this.failureKey.set(
          status === 0
            ? 'errors.offline'
            : status === 404
              ? 'adminDirectory.freeText.gone'
              : 'errors.unexpected',
        );
      }
    } finally {
      this.busy.set(false);
    }
  }
}
