import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  WORKSHOP_COOPERATION_KINDS,
  WORKSHOP_OUTCOME_KINDS,
  WORKSHOP_OUTCOME_LIMITS,
  routeUrl,
  webPages,
  workshopsApi,
  type WorkshopOutcomeKind,
  type WorkshopOutcomeView,
  type WorkshopView,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, problemOf, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { NoticeService } from '../shared/notice.service';
import { organiserWorkshop } from './organiser-workshop';
import { groupByKind } from './workshop-outcomes';
import { WorkshopOutcomesService } from './workshop-outcomes.service';

/**
 * `/organiser/workshops/:id/outcomes`: the outcomes record — demands, priorities and lessons per
 * region, cooperation offers and requests between regions, each with a topic — and publishing the
 * report once the workshop is held.
 */
@Component({
  selector: 'aula-outcomes-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    FieldErrorComponent,
  ],
  templateUrl: './outcomes-editor.component.html',
  styleUrl: './organiser-screens.scss',
})
export default class OutcomesEditorComponent {
  private readonly api = inject(WorkshopOutcomesService);
  private readonly http = inject(HttpClient);
  private readonly lookup = inject(DirectoryLookupService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);

  protected readonly page = organiserWorkshop();
  protected readonly kinds = WORKSHOP_OUTCOME_KINDS;
  protected readonly maxDescription = WORKSHOP_OUTCOME_LIMITS.description;

  protected readonly outcomes = httpResource<WorkshopOutcomeView[]>(() =>
    this.page.id() ? routeUrl(workshopsApi.organiserOutcomes, { id: this.page.id() }) : undefined,
  );
  protected readonly groups = computed(() => groupByKind(this.outcomes.hasValue() ? this.outcomes.value() : []));
  private readonly allRegions = resource({ params: () => this.language.active(), loader: ({ params }) => this.lookup.regions(params) });
  /** The workshop's own regions first, then every other region of the directory. */
  protected readonly regions = computed(() => {
    const all = this.allRegions.hasValue() ? this.allRegions.value() : [];
    const w = this.page.view();
    const own = new Set([w?.hostRegionId, ...(w?.participatingRegionIds ?? [])]);
    return [...all.filter((r) => own.has(r.id)), ...all.filter((r) => !own.has(r.id))];
  });
  protected readonly reportLink = computed(() => {
    const w = this.page.view();
    return w ? routeUrl(webPages.workshopReport, { slug: w.slug }) : '';
  });

  protected readonly form = new FormGroup({
    kind: new FormControl<WorkshopOutcomeKind>('demand', { nonNullable: true }),
    regionId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    toRegionId: new FormControl('', { nonNullable: true }),
    topic: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(WORKSHOP_OUTCOME_LIMITS.topic)] }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(WORKSHOP_OUTCOME_LIMITS.description)] }),
  });
  private readonly kind = signal<WorkshopOutcomeKind>('demand');
  protected readonly cooperation = computed(() => WORKSHOP_COOPERATION_KINDS.includes(this.kind()));
  protected readonly editing = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly publishing = signal(false);

  constructor() {
    this.form.controls.kind.valueChanges.subscribe((k) => this.kind.set(k));
  }

  protected regionName(id: string | null): string {
    if (!id) return this.transloco.translate('workshopOutcomes.outcomes.anyRegion');
    return this.regions().find((r) => r.id === id)?.displayName ?? this.transloco.translate('workshopOutcomes.outcomes.unknownRegion');
  }

  protected edit(o: WorkshopOutcomeView): void {
    this.editing.set(o.id);
    this.form.reset({ kind: o.kind, regionId: o.regionId, toRegionId: o.toRegionId ?? '', topic: o.topic, description: o.description });
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.form.reset({ kind: this.form.controls.kind.value, regionId: '', toRegionId: '', topic: '', description: '' });
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const body = {
      kind: v.kind,
      regionId: v.regionId,
      toRegionId: this.cooperation() ? v.toRegionId || null : null,
      topic: v.topic.trim(),
      description: v.description.trim(),
    };
    this.saving.set(true);
    try {
      const id = this.editing();
      if (id) await this.api.updateOutcome(this.page.id(), id, body);
      else await this.api.addOutcome(this.page.id(), body);
      this.notices.show(this.transloco.translate('workshopOutcomes.outcomes.saved'));
      this.editing.set(null);
      this.form.reset({ kind: v.kind, regionId: v.regionId, toRegionId: '', topic: '', description: '' });
      this.outcomes.reload();
    } catch (error) {
      if (statusOf(error) === 400) {
        const { unclaimed, messages } = applyFieldErrors(this.form, error, this.language.active());
        if (unclaimed) this.notices.show(messages[0] ?? this.transloco.translate('errors.invalidInput'), 'error');
      } else this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(o: WorkshopOutcomeView): Promise<void> {
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data: {
        titleKey: 'workshopOutcomes.outcomes.removeTitle',
        messageKey: 'workshopOutcomes.outcomes.removeMessage',
        confirmKey: 'actions.delete',
        name: o.topic,
        destructive: true,
      },
      width: '30rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    try {
      await this.api.removeOutcome(this.page.id(), o.id);
      if (this.editing() === o.id) this.cancelEdit();
      this.outcomes.reload();
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    }
  }

  /** held → report-published: the outcomes become public on the workshop's page. */
  protected async publish(): Promise<void> {
    this.publishing.set(true);
    try {
      await firstValueFrom(this.http.post<WorkshopView>(routeUrl(workshopsApi.setWorkshopStatus, { id: this.page.id() }), { to: 'report-published' }));
      this.notices.show(this.transloco.translate('workshopOutcomes.outcomes.published'));
      this.page.workshop.reload();
    } catch (error) {
      const status = statusOf(error);
      const detail = status === 409 ? this.transloco.translate('workshopOutcomes.outcomes.cannotPublish', { status: this.statusName(error) }) : null;
      this.notices.show(detail ?? this.transloco.translate(status === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    } finally {
      this.publishing.set(false);
    }
  }

  private statusName(error: unknown): string {
    const current = (problemOf(error) as { currentStatus?: string } | null)?.currentStatus ?? this.page.view()?.status ?? '';
    return this.transloco.translate(`workshopOutcomes.statuses.${current}`);
  }
}
