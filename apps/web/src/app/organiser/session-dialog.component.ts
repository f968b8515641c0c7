import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { WORKSHOP_LIMITS, type Locale, type WorkshopSessionView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { APP_LOCALES, LANGUAGE_TAGS } from '../core/i18n/languages';
import { DateTimeService } from '../core/time/date-time.service';
import { focusFirstInvalid } from '../auth/auth-forms';
import { LanguageTabsComponent } from '../admin/language-tabs.component';
import { webAddressValidator } from '../admin/admin-validators';
import { zonedToInstant } from '../gradebook/zoned-time';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { formProblem } from './form-problem';
import { OrganiserService } from './organiser.service';
import { sessionFormOf, toSessionInput, type SessionFormValue } from './workshop-form';
import { formatInZone } from './zoned-format';

export interface SessionDialogData {
  workshopId: string;
  timeZone: string;
  defaultLocale: Locale;
  /** The workshop's first day, where a new session starts. */
  firstDay: string;
  session: WorkshopSessionView | null;
}

const textGroup = (fb: NonNullableFormBuilder, value: Record<Locale, string>, max: number) =>
  fb.group({
    en: [value.en, Validators.maxLength(max)],
    es: [value.es, Validators.maxLength(max)],
    pt: [value.pt, Validators.maxLength(max)],
  });

/**
 * One session of the agenda: its text in every language, speakers, room or link, and its times on
 * the workshop's clock (the viewer's clock shown beside them when it differs). Saves itself and
 * closes with the saved session.
 */
@Component({
  selector: 'aula-session-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    FieldErrorComponent,
    LanguageTabsComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t(data.session ? 'organiser.agenda.editTitle' : 'organiser.agenda.addTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content class="fields">
          <div class="form-error" role="alert">
            @if (failureKey(); as key) {
              <p>{{ t(key) }}</p>
            }
            @for (message of otherMessages(); track $index) {
              <p>{{ message }}</p>
            }
          </div>
          <aula-language-tabs
            [(active)]="activeLocale"
            [defaultLocale]="data.defaultLocale"
            [filled]="filled()"
            [invalid]="invalid()"
          >
            @for (locale of locales; track locale) {
              @if (locale === activeLocale()) {
                <div class="fields" [attr.lang]="tags[locale]">
                  <mat-form-field>
                    <mat-label>{{ t('organiser.agenda.fields.title') }}</mat-label>
                    <input matInput [formControl]="form.controls.title.controls[locale]" dir="auto" [required]="locale === data.defaultLocale" />
                    <mat-error><aula-field-error [control]="form.controls.title.controls[locale]" /></mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ t('organiser.agenda.fields.description') }}</mat-label>
                    <textarea matInput rows="3" [formControl]="form.controls.description.controls[locale]" dir="auto"></textarea>
                    <mat-error><aula-field-error [control]="form.controls.description.controls[locale]" /></mat-error>
                  </mat-form-field>
                </div>
              }
            }
          </aula-language-tabs>
          <mat-form-field>
            <mat-label>{{ t('organiser.agenda.fields.speakers') }}</mat-label>
            <textarea matInput rows="2" formControlName="speakers" dir="auto"></textarea>
            <mat-hint>{{ t('organiser.agenda.fields.speakersHint') }}</mat-hint>
            <mat-error><aula-field-error [control]="form.controls.speakers" /></mat-error>
          </mat-form-field>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ t('organiser.agenda.fields.room') }}</mat-label>
              <input matInput formControlName="room" dir="auto" />
              <mat-error><aula-field-error [control]="form.controls.room" /></mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('organiser.agenda.fields.link') }}</mat-label>
              <input matInput type="url" formControlName="link" spellcheck="false" />
              <mat-hint>{{ t('organiser.agenda.fields.linkHint') }}</mat-hint>
              <mat-error><aula-field-error [control]="form.controls.link" /></mat-error>
            </mat-form-field>
          </div>
          <p class="zone">{{ t('organiser.agenda.zoneNote', { zone: data.timeZone }) }}</p>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ t('organiser.agenda.fields.startsAt') }}</mat-label>
              <input matInput type="datetime-local" formControlName="startsAt" required />
              @if (viewerTime(startsAt()); as mine) {
                <mat-hint>{{ t('organiser.agenda.yourTime', { time: mine }) }}</mat-hint>
              }
              <mat-error><aula-field-error [control]="form.controls.startsAt" /></mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('organiser.agenda.fields.endsAt') }}</mat-label>
              <input matInput type="datetime-local" formControlName="endsAt" required />
              @if (viewerTime(endsAt()); as mine) {
                <mat-hint>{{ t('organiser.agenda.yourTime', { time: mine }) }}</mat-hint>
              }
              <mat-error><aula-field-error [control]="form.controls.endsAt" /></mat-error>
            </mat-form-field>
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('actions.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="saving()">
            {{ saving() ? t('actions.saving') : t('organiser.agenda.saveSession') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .row {
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    }
    .zone {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .form-error {
      color: var(--mat-sys-error);
    }
    .form-error p {
      margin: 0;
    }
  `,
})
export class SessionDialogComponent {
  protected readonly data = inject<SessionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<SessionDialogComponent, WorkshopSessionView>>(MatDialogRef);
  private readonly organiser = inject(OrganiserService);
  private readonly language = inject(LanguageService);
  private readonly dates = inject(DateTimeService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly locales = APP_LOCALES;
  protected readonly tags = LANGUAGE_TAGS;
  protected readonly activeLocale = signal<Locale>(this.data.defaultLocale);
  protected readonly invalid = signal<Locale[]>([]);
  protected readonly saving = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);

  private readonly initial: SessionFormValue = sessionFormOf(this.data.session, this.data.timeZone, this.data.firstDay);
  protected readonly form = this.fb.group({
    title: textGroup(this.fb, this.initial.title, WORKSHOP_LIMITS.sessionTitle),
    description: textGroup(this.fb, this.initial.description, WORKSHOP_LIMITS.sessionDescription),
    speakers: [this.initial.speakers],
    room: [this.initial.room, Validators.maxLength(WORKSHOP_LIMITS.room)],
    link: [this.initial.link, webAddressValidator],
    startsAt: [this.initial.startsAt, Validators.required],
    endsAt: [this.initial.endsAt, Validators.required],
  });

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly startsAt = computed(() => this.value().startsAt ?? '');
  protected readonly endsAt = computed(() => this.value().endsAt ?? '');
  protected readonly filled = computed(() => {
    const value = this.value();
    return APP_LOCALES.filter((l) => value.title?.[l]?.trim() || value.description?.[l]?.trim());
  });

  constructor() {
    this.form.controls.title.controls[this.data.defaultLocale].addValidators(Validators.required);
  }

  /** The time on the viewer's clock, when the viewer is in another zone. */
  protected viewerTime(local: string): string | null {
    const viewer = this.dates.timeZone();
    if (!local || viewer === this.data.timeZone) return null;
    const instant = zonedToInstant(local, this.data.timeZone);
    return instant ? `${formatInZone(instant, viewer, this.language.tag())} (${viewer})` : null;
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    if (this.form.invalid) {
      this.showInvalid();
      return;
    }
    const body = toSessionInput(this.form.getRawValue(), this.data.timeZone, this.data.session?.speakers ?? []);
    this.saving.set(true);
    try {
      const saved = this.data.session
        ? await this.organiser.updateSession(this.data.workshopId, this.data.session.id, body)
        : await this.organiser.addSession(this.data.workshopId, body);
      this.ref.close(saved);
    } catch (error) {
      const { failureKey, messages } = formProblem(this.form, error, this.language.active(), (path) => {
        const [head, second] = path.split('.');
        if ((head === 'title' || head === 'description') && second) return this.form.get(`${head}.${second}`);
        return this.form.get(head ?? path);
      });
      this.failureKey.set(failureKey);
      this.otherMessages.set(messages);
      this.showInvalid();
    } finally {
      this.saving.set(false);
    }
  }

  private showInvalid(): void {
    this.form.markAllAsTouched();
    const invalid = APP_LOCALES.filter(
      (l) => this.form.controls.title.controls[l].invalid || this.form.controls.description.controls[l].invalid,
    );
    this.invalid.set(invalid);
    if (invalid[0] && !invalid.includes(this.activeLocale())) this.activeLocale.set(invalid[0]);
    setTimeout(() => focusFirstInvalid(this.host.nativeElement));
  }
}
