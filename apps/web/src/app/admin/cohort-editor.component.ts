import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type {
  CohortInput,
  CohortUpdate,
  CohortView,
  CourseAdminView,
  EnrolmentMode,
  Page,
  UserView,
} from '@aula/contracts';
import { catalogApi, enrolmentApi, identityApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { CAPACITY_MAX, COHORT_NAME_MAX, ENROLMENT_MODE_LIST } from '../core/catalog/catalog-rules';
import { LanguageService } from '../core/i18n/language.service';
import { pageTitleFrom } from '../core/i18n/translated-title.strategy';
import { browserTimeZone, timeZoneValidator } from '../core/time/time-zones';
import { focusFirstInvalid } from '../auth/auth-forms';
import { CohortRosterComponent, RosterActionRequest } from '../shared/cohort-roster.component';
import { CohortSummaryComponent } from '../shared/cohort-summary.component';
import { ConfirmDialogComponent, ConfirmDialogData } from '../shared/confirm-dialog.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { NoticeService } from '../shared/notice.service';
import { TimeZoneFieldComponent } from '../shared/time-zone-field.component';
import { AddTraineeComponent } from './add-trainee.component';
import { AdminCohortsService } from './admin-cohorts.service';
import { integerValidator } from './admin-validators';
import { CsvImportComponent } from './csv-import.component';
import { CohortDatesEditorComponent } from '../gradebook/cohort-dates-editor.component';
import { CohortCertificatesComponent } from '../certification/cohort-certificates.component';
import { displayText } from './translations';

/** The last day may not come before the first (the API refuses it too; saying so here saves a trip). */
function endAfterStart(group: AbstractControl): ValidationErrors | null {
  const start = group.get('startDate');
  const end = group.get('endDate');
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

/**
 * `/admin/cohorts/new` and `/admin/cohorts/:id`: a cohort's dates, zone, capacity, enrolment mode
 * and tutors; then its people: roster with approvals, one person at a time, or a CSV file.
 */
@Component({
  selector: 'aula-cohort-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoDirective,
    FieldErrorComponent,
    TimeZoneFieldComponent,
    CohortSummaryComponent,
    CohortRosterComponent,
    AddTraineeComponent,
    CsvImportComponent,
    CohortDatesEditorComponent,
    CohortCertificatesComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './cohort-editor.component.html',
  styleUrl: './cohort-editor.component.scss',
})
export default class CohortEditorComponent {
  private readonly service = inject(AdminCohortsService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  private readonly roster = viewChild(CohortRosterComponent);

  protected readonly modes = ENROLMENT_MODE_LIST;
  /** Null on `/admin/cohorts/new`. */
  protected readonly cohortId = computed(() => this.params().get('id'));
  protected readonly cohort = httpResource<CohortView>(() => {
    const id = this.cohortId();
    return id ? routeUrl(enrolmentApi.adminCohort, { id }) : undefined;
  });
  protected readonly view = computed(() => (this.cohort.hasValue() ? this.cohort.value() : null));
  protected readonly notFound = computed(() => statusOf(this.cohort.error()) === 404);

  protected readonly courses = httpResource<Page<CourseAdminView>>(() =>
    this.cohortId() ? undefined : { url: catalogApi.courses.path, params: { limit: 100 } },
  );
  protected readonly courseOptions = computed(() =>
    (this.courses.hasValue() ? this.courses.value().items : [])
      .filter((course) => course.status !== 'archived')
      .map((course) => ({
        id: course.id,
        title: displayText(course.title, this.language.active(), course.defaultLocale),
        draft: course.status === 'draft',
      })),
  );
  protected readonly tutors = httpResource<Page<UserView>>(() => ({
    url: identityApi.users.path,
    params: { role: 'tutor', limit: 100 },
  }));
  protected readonly tutorOptions = computed(() => {
    const people = this.tutors.hasValue() ? this.tutors.value().items : [];
    // Tutors already assigned stay listed even if not in the first hundred.
    const assigned = (this.view()?.tutors ?? []).filter((tutor) => !people.some((p) => p.id === tutor.id));
    return [...people.map((p) => ({ id: p.id, displayName: p.displayName })), ...assigned];
  });

  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly otherMessages = signal<string[]>([]);
  protected readonly actingId = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      courseId: [this.route.snapshot.queryParamMap.get('courseId') ?? '', [Validators.required]],
      name: ['', [Validators.required, Validators.maxLength(COHORT_NAME_MAX)]],
      startDate: ['', [Validators.required]],
      endDate: ['', [Validators.required]],
      timeZone: [browserTimeZone(), [Validators.required, timeZoneValidator]],
      capacity: ['', [integerValidator, Validators.min(1), Validators.max(CAPACITY_MAX)]],
      enrolmentMode: ['open' as EnrolmentMode, [Validators.required]],
      tutorIds: [[] as string[]],
    },
    { validators: endAfterStart },
  );

  constructor() {
    pageTitleFrom(() => this.view()?.name);
    let shownId: string | null = null;
    effect(() => {
      const view = this.view();
      if (!view || view.id === shownId) return;
      shownId = view.id;
      untracked(() => this.resetForm(view));
    });
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.failureKey.set(null);
    this.otherMessages.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const capacity = String(value.capacity).trim() ? Number(value.capacity) : null;
    this.busy.set(true);
    try {
      const view = this.view();
      if (!view) {
        const body: CohortInput = {
          courseId: value.courseId,
          name: value.name.trim(),
          startDate: value.startDate,
          endDate: value.endDate,
          timeZone: value.timeZone,
          capacity,
          enrolmentMode: value.enrolmentMode,
          tutorIds: value.tutorIds,
        };
        const created = await this.service.create(body);
        this.notices.show(this.transloco.translate('admin.cohort.created', { name: created.name }));
        await this.router.navigate(['/admin/cohorts', created.id], { replaceUrl: true });
        return;
      }
      const body: CohortUpdate = {
        name: value.name.trim(),
        startDate: value.startDate,
        endDate: value.endDate,
        timeZone: value.timeZone,
        capacity,
        enrolmentMode: value.enrolmentMode,
      };
      let saved = await this.service.update(view.id, body);
      const before = view.tutors.map((tutor) => tutor.id).sort();
      const after = [...value.tutorIds].sort();
      if (before.join() !== after.join()) saved = await this.service.setTutors(view.id, value.tutorIds);
      this.cohort.set(saved);
      this.resetForm(saved);
      this.notices.show(this.transloco.translate('admin.cohort.saved'));
    } catch (error) {
      const status = statusOf(error);
      if (status === 400) {
        const { unclaimed, messages } = applyFieldErrors(this.form, error, this.language.active());
        this.otherMessages.set(messages);
        if (unclaimed > messages.length) this.failureKey.set('errors.invalidInput');
      } else if (
        status === 409 &&
        problemOf(error)?.detail &&
        speaksReadersLanguage(error, this.language.active())
      ) {
        this.otherMessages.set([problemOf(error)?.detail ?? '']);
      } else {
        this.failureKey.set(
          status === 0 ? 'errors.offline' : status === 409 ? 'admin.cohort.conflict' : 'errors.unexpected',
        );
      }
      focusFirstInvalid(this.host.nativeElement);
    } finally {
      this.busy.set(false);
    }
  }

  /** Someone was added or a file imported: the roster and the counts have changed. */
  protected changed(): void {
    this.roster()?.reload();
    this.cohort.reload();
  }

  protected async act({ entry, action }: RosterActionRequest): Promise<void> {
    if (action !== 'approve') {
      const prefix =
        action === 'withdraw'
          ? 'admin.cohort.withdrawDialog'
          : entry.status === 'waitlisted'
            ? 'admin.cohort.unwaitlistDialog'
            : 'admin.cohort.declineDialog';
      const data: ConfirmDialogData = {
        titleKey: `${prefix}.title`,
        messageKey: `${prefix}.message`,
        confirmKey: `roster.actions.${action}`,
        name: entry.displayName,
        destructive: true,
      };
      const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(
        ConfirmDialogComponent,
        {
          data,
          width: '30rem',
          maxWidth: 'calc(100vw - 32px)',
        },
      );
      if (!(await firstValueFrom(ref.afterClosed()))) return;
    }
    this.actingId.set(entry.id);
    try {
      const result = await this.service.act(entry.id, action);
      const key =
        action === 'approve'
          ? result.status === 'waitlisted'
            ? 'admin.cohort.approvedWaitlisted'
            : 'admin.cohort.approved'
          : action === 'reject'
            ? 'admin.cohort.rejected'
            : 'admin.cohort.withdrawn';
      this.notices.show(this.transloco.translate(key, { name: entry.displayName }));
      this.changed();
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'admin.cohort.actionFailed';
      this.notices.show(this.transloco.translate(key, { name: entry.displayName }), 'error');
      this.changed();
    } finally {
      this.actingId.set(null);
    }
  }

  private resetForm(view: CohortView): void {
    this.form.reset({
      courseId: view.courseId,
      name: view.name,
      startDate: view.startDate,
      endDate: view.endDate,
      timeZone: view.timeZone,
      capacity: view.capacity === null ? '' : String(view.capacity),
      enrolmentMode: view.enrolmentMode,
      tutorIds: view.tutors.map((tutor) => tutor.id),
    });
  }
}
