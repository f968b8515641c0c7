import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  ACTIVITY_FILE_EXTENSIONS,
  ACTIVITY_FILE_MAX_BYTES,
  LOCALES,
  WORKSHOP_OUTCOME_LIMITS,
  routeUrl,
  workshopsApi,
  type Locale,
  type WorkshopMaterialView,
} from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { applyFieldErrors, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { FileSizePipe } from '../shared/file-size.pipe';
import { NoticeService } from '../shared/notice.service';
import { inLanguage, organiserWorkshop } from './organiser-workshop';
import { WorkshopOutcomesService } from './workshop-outcomes.service';

/** `/organiser/workshops/:id/materials`: the organiser adds links and files (to the workshop or a session) and removes them. */
@Component({
  selector: 'aula-organiser-materials',
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
    FileSizePipe,
  ],
  templateUrl: './organiser-materials.component.html',
  styleUrl: './organiser-screens.scss',
})
export default class OrganiserMaterialsComponent {
  private readonly api = inject(WorkshopOutcomesService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);

  protected readonly page = organiserWorkshop();
  protected readonly locales = LOCALES;
  protected readonly accept = ACTIVITY_FILE_EXTENSIONS.map((e) => `.${e}`).join(',');
  protected readonly maxMb = ACTIVITY_FILE_MAX_BYTES / 1024 / 1024;

  protected readonly materials = httpResource<WorkshopMaterialView[]>(() =>
    this.page.id() ? routeUrl(workshopsApi.organiserMaterials, { id: this.page.id() }) : undefined,
  );
  protected readonly items = computed(() => (this.materials.hasValue() ? this.materials.value() : []));
  protected readonly sessions = computed(() => {
    const w = this.page.view();
    return (w?.sessions ?? []).map((s) => ({ id: s.id, title: inLanguage(s.title, this.language.active(), w?.defaultLocale ?? 'en') }));
  });

  protected readonly form = new FormGroup({
    kind: new FormControl<'link' | 'file'>('link', { nonNullable: true }),
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(WORKSHOP_OUTCOME_LIMITS.materialTitle)] }),
    url: new FormControl('', { nonNullable: true }),
    language: new FormControl<Locale>(this.language.active(), { nonNullable: true }),
    sessionId: new FormControl('', { nonNullable: true }),
    file: new FormControl<File | null>(null),
  });
  protected readonly saving = signal(false);

  protected pick(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.form.controls.file.setValue(file);
    if (file && file.size > ACTIVITY_FILE_MAX_BYTES) this.form.controls.file.setErrors({ server: this.transloco.translate('workshopOutcomes.materials.tooLarge', { max: this.maxMb }) });
    if (file && !this.form.controls.title.value) this.form.controls.title.setValue(file.name.replace(/\.[^.]+$/, ''));
  }

  protected async add(): Promise<void> {
    const v = this.form.getRawValue();
    if (v.kind === 'link' && !v.url.trim()) this.form.controls.url.setErrors({ required: true });
    if (v.kind === 'file' && !v.file) this.form.controls.file.setErrors({ required: true });
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.saving.set(true);
    try {
      const details = { title: v.title.trim(), language: v.language, sessionId: v.sessionId || null };
      if (v.kind === 'link') await this.api.addLink(this.page.id(), { ...details, url: v.url.trim() });
      else if (v.file) await this.api.upload(this.page.id(), v.file, details);
      this.notices.show(this.transloco.translate('workshopOutcomes.materials.added'));
      this.form.reset({ kind: v.kind, language: v.language, sessionId: '' });
      this.materials.reload();
    } catch (error) {
      const status = statusOf(error);
      if (status === 400 || status === 413 || status === 415) {
        const { unclaimed, messages } = applyFieldErrors(this.form, error, this.language.active());
        if (unclaimed) this.notices.show(messages[0] ?? this.transloco.translate('errors.invalidInput'), 'error');
      } else this.notices.show(this.transloco.translate(status === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(m: WorkshopMaterialView): Promise<void> {
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data: {
        titleKey: 'workshopOutcomes.materials.removeTitle',
        messageKey: 'workshopOutcomes.materials.removeMessage',
        confirmKey: 'actions.delete',
        name: m.title,
        destructive: true,
      },
      width: '30rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    try {
      await this.api.removeMaterial(this.page.id(), m.id);
      this.materials.reload();
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    }
  }

  protected sessionTitle(id: string | null): string {
    return id ? (this.sessions().find((s) => s.id === id)?.title ?? '') : '';
  }
}
