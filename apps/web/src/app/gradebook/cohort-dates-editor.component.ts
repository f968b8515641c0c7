import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  ActivityDatesInput,
  CohortDatesEntry,
  CohortScheduleView,
  ExtensionDatesInput,
} from '@aula/contracts';
import { routeUrl, scheduleApi } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problemOf, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { timeZoneLabel, timeZoneOffset } from '../core/time/time-zones';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NoticeService } from '../shared/notice.service';
import { titleIn } from './gradebook-text';
import { instantToZoned, zonedToInstant } from './zoned-time';

type DateField = 'opensAt' | 'dueAt' | 'closesAt';

/** Which dates each kind has: quizzes open and close; assignments are due and cut off. */
const FIELDS: Record<CohortDatesEntry['kind'], DateField[]> = {
  quiz: ['opensAt', 'closesAt'],
  assignment: ['dueAt', 'closesAt'],
};

/**
 * Dates of a cohort's quizzes and assignments, entered on the wall clock of the COHORT's time zone
 * (shown on screen), and extensions for single trainees. Used in the administrator's cohort editor
 * and on the tutor's dates page.
 */
@Component({
  selector: 'aula-cohort-dates-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoDirective],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './cohort-dates-editor.component.html',
  styleUrl: './cohort-dates-editor.component.scss',
})
export class CohortDatesEditorComponent {
  private readonly http = inject(HttpClient);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  protected readonly dateTime = inject(DateTimeService);

  readonly cohortId = input.required<string>();

  protected readonly fields = FIELDS;
  protected readonly schedule = httpResource<CohortScheduleView>(() =>
    routeUrl(scheduleApi.cohort, { id: this.cohortId() }),
  );
  protected readonly view = computed(() => (this.schedule.hasValue() ? this.schedule.value() : null));
  protected readonly zone = computed(() => this.view()?.timeZone ?? 'UTC');
  protected readonly zoneText = computed(
    () => `${timeZoneLabel(this.zone())} (${timeZoneOffset(this.zone(), this.language.tag())})`,
  );
  protected readonly otherZone = computed(() => this.dateTime.timeZone() !== this.zone());
  protected readonly activities = computed(() =>
    (this.view()?.activities ?? []).map((a) => ({ ...a, label: titleIn(a.title, this.language.active()) })),
  );
  protected readonly titles = computed(() => new Map(this.activities().map((a) => [a.activityId, a.label])));
  /** Edits not yet saved: activity id → field → wall-clock text in the cohort's zone. */
  protected readonly drafts = signal<Record<string, Partial<Record<DateField, string>>>>({});
  protected readonly errors = signal<Record<string, { field: string; message: string } | null>>({});
  protected readonly saving = signal<string | null>(null);

  // extension form
  protected readonly extTrainee = signal('');
  protected readonly extActivity = signal('');
  protected readonly extDue = signal('');
  protected readonly extCloses = signal('');
  protected readonly extError = signal<{ field: string; message: string } | null>(null);
  protected readonly granting = signal(false);
  protected readonly extKind = computed(
    () => this.view()?.activities.find((a) => a.activityId === this.extActivity())?.kind ?? null,
  );

  protected value(entry: CohortDatesEntry, field: DateField): string {
    return this.drafts()[entry.activityId]?.[field] ?? instantToZoned(entry[field], this.zone());
  }

  protected edit(activityId: string, field: DateField, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.drafts.update((d) => ({ ...d, [activityId]: { ...d[activityId], [field]: text } }));
  }

  /** The instant in the viewer's own zone, when theirs is not the cohort's. */
  protected forViewer(entry: CohortDatesEntry, field: DateField): string {
    if (!this.otherZone()) return '';
    const instant = zonedToInstant(this.value(entry, field), this.zone());
    return instant ? this.dateTime.format(instant, 'dateTime') : '';
  }

  protected async save(entry: CohortDatesEntry): Promise<void> {
    if (this.saving()) return;
    const body: ActivityDatesInput = { opensAt: null, dueAt: null, closesAt: null };
    for (const field of FIELDS[entry.kind]) {
      const text = this.value(entry, field);
      const instant = text ? zonedToInstant(text, this.zone()) : null;
      if (text && !instant) {
        this.errors.update((e) => ({
          ...e,
          [entry.activityId]: { field, message: this.transloco.translate('gradebook.dates.invalid') },
        }));
        return;
      }
      body[field] = instant;
    }
    this.saving.set(entry.activityId);
    this.errors.update((e) => ({ ...e, [entry.activityId]: null }));
    try {
      await firstValueFrom(
        this.http.put<CohortDatesEntry>(
          routeUrl(scheduleApi.setDates, { id: this.cohortId(), activityId: entry.activityId }),
          body,
        ),
      );
      this.drafts.update((d) => ({ ...d, [entry.activityId]: {} }));
      this.schedule.reload();
      this.notices.show(this.transloco.translate('gradebook.dates.saved'));
    } catch (error) {
      this.errors.update((e) => ({ ...e, [entry.activityId]: this.explain(error) }));
    } finally {
      this.saving.set(null);
    }
  }

  protected async grant(): Promise<void> {
    const kind = this.extKind();
    if (!kind || !this.extTrainee() || this.granting()) return;
    const due = this.extDue() ? zonedToInstant(this.extDue(), this.zone()) : null;
    const closes = this.extCloses() ? zonedToInstant(this.extCloses(), this.zone()) : null;
    const body: ExtensionDatesInput = { dueAt: kind === 'assignment' ? due : null, closesAt: closes };
    this.granting.set(true);
    this.extError.set(null);
    try {
      await firstValueFrom(
        this.http.put(
          routeUrl(scheduleApi.grantExtension, {
            id: this.cohortId(),
            activityId: this.extActivity(),
            enrolmentId: this.extTrainee(),
          }),
          body,
        ),
      );
      this.extDue.set('');
      this.extCloses.set('');
      this.schedule.reload();
      this.notices.show(this.transloco.translate('gradebook.extensions.granted'));
    } catch (error) {
      this.extError.set(this.explain(error));
    } finally {
      this.granting.set(false);
    }
  }

  protected async revoke(activityId: string, enrolmentId: string): Promise<void> {
    try {
      await firstValueFrom(
        this.http.delete(
          routeUrl(scheduleApi.revokeExtension, { id: this.cohortId(), activityId, enrolmentId }),
        ),
      );
      this.schedule.reload();
      this.notices.show(this.transloco.translate('gradebook.extensions.revoked'));
    } catch (error) {
      this.notices.show(
        this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'),
        'error',
      );
    }
  }

  protected picked(target: 'trainee' | 'activity' | 'due' | 'closes', event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    ({ trainee: this.extTrainee, activity: this.extActivity, due: this.extDue, closes: this.extCloses })[
      target
    ].set(value);
  }

  /** A refused save, said in the reader's language: which field, and why when the API's words are readable. */
  private explain(error: unknown): { field: string; message: string } {
    const status = statusOf(error);
    if (status === 0) return { field: '', message: this.transloco.translate('errors.offline') };
    const problem = problemOf(error)?.errors?.[0];
    if (status === 400 && problem) {
      const field = this.transloco.translate('gradebook.dates.fields.' + problem.path);
      const message =
        this.language.active() === 'en'
          ? `${field}: ${problem.message}`
          : this.transloco.translate('gradebook.dates.checkField', { field });
      return { field: problem.path, message };
    }
    return { field: '', message: this.transloco.translate('errors.unexpected') };
  }
}
