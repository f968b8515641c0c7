import { NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AssignmentTraineeView, Locale, SubmissionFileView } from '@aula/contracts';
import { assignmentApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, type Subscription } from 'rxjs';
import { problemOf, statusOf } from '../core/api/problem';
import { LANGUAGE_TAGS } from '../core/i18n/languages';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { ConfirmDialogComponent, ConfirmDialogData } from '../shared/confirm-dialog.component';
import { FileSizePipe } from '../shared/file-size.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { injectNow } from '../shared/now';
import { NoticeService } from '../shared/notice.service';
import { AssignmentService, htmlToText, textToHtml } from './assignment.service';

/** How late, in the largest whole units: "2 d 3 h", "45 min". */
export function lateParts(seconds: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(1, Math.floor(seconds / 60));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** The file types as the accept attribute of a file input (extensions; the API judges content). */
export function acceptAttribute(types: readonly string[]): string {
  return types.flatMap((type) => (type === 'jpg' ? ['.jpg', '.jpeg'] : [`.${type}`])).join(',');
}

/**
 * A trainee's assignment inside the activity player: instructions, dates in the viewer's time
 * zone (with late warnings), the draft (text and files, saved on request), submitting (after a
 * confirmation), the versions submitted and, once released, the grade with the rubric and feedback.
 * Tutors and administrators see it read-only.
 */
@Component({
  selector: 'aula-assignment-submission',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
    IconComponent,
    FileSizePipe,
    LocalDateTimePipe,
  ],
  templateUrl: './assignment-submission.component.html',
  styleUrl: './assignment-submission.component.scss',
})
export class AssignmentSubmissionComponent {
  private readonly api = inject(AssignmentService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);

  readonly activityId = input.required<string>();
  readonly locale = input<Locale | null>(null);

  protected readonly tags = LANGUAGE_TAGS;
  protected readonly now = injectNow();

  protected readonly resource = httpResource<AssignmentTraineeView>(() => {
    const locale = this.locale();
    const params: Record<string, string> = locale ? { locale } : {};
    return { url: routeUrl(assignmentApi.view, { activityId: this.activityId() }), params };
  });
  /** The latest view: from the resource, then from each save or submit. */
  protected readonly current = signal<AssignmentTraineeView | null>(null);
  protected readonly view = computed(() => this.current());

  protected readonly text = signal('');
  private readonly savedText = signal('');
  protected readonly dirty = computed(() => this.text().trim() !== this.savedText().trim());

  protected readonly saving = signal(false);
  protected readonly submitting = signal(false);
  protected readonly uploadProgress = signal<number | null>(null);
  protected readonly uploadName = signal('');
  /** A translation key, with the API's field message when it is readable. */
  protected readonly fileError = signal<{ key: string; params?: Record<string, unknown> } | null>(null);
  protected readonly submitError = signal<string | null>(null);
  protected readonly busyFileId = signal<string | null>(null);
  private upload: Subscription | null = null;
  /** Created here, in the injection context, for sizes inside translated messages. */
  private readonly fileSize = new FileSizePipe();

  protected readonly canEdit = computed(() => {
    const view = this.view();
    return !!view && view.submitBlock === null;
  });
  protected readonly accept = computed(() => acceptAttribute(this.view()?.allowedFileTypes ?? []));
  protected readonly roomForFiles = computed(() => {
    const view = this.view();
    return !!view && view.acceptsFiles && view.draft.files.length < view.maxFiles;
  });
  protected readonly isLate = computed(() => {
    const due = this.view()?.schedule.dueAt;
    return !!due && this.now().getTime() > Date.parse(due);
  });
  protected readonly latest = computed(() => this.view()?.versions[0] ?? null);
  protected readonly hasContent = computed(() => {
    const view = this.view();
    if (!view) return false;
    return (view.acceptsText && this.text().trim().length > 0) || (view.acceptsFiles && view.draft.files.length > 0);
  });
  /** Rubric rows with the level the marker chose. */
  protected readonly rubricMarks = computed(() => {
    const view = this.view();
    const marks = view?.grade?.rubricMarks;
    if (!view?.rubric || !marks) return [];
    return view.rubric.criteria.map((c) => ({
      ...c,
      chosen: c.levels.find((l) => l.id === marks[c.id]) ?? null,
      max: Math.max(0, ...c.levels.map((l) => l.points)),
    }));
  });

  constructor() {
    effect(() => {
      if (!this.resource.hasValue()) return;
      const value = this.resource.value();
      untracked(() => this.adopt(value, true));
    });
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected lateParts = lateParts;

  private adopt(view: AssignmentTraineeView, resetText: boolean): void {
    this.current.set(view);
    const text = htmlToText(view.draft.text);
    this.savedText.set(text);
    if (resetText) this.text.set(text);
  }

  protected onInput(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected async saveDraft(quiet = false): Promise<boolean> {
    const view = this.view();
    if (!view || this.saving()) return false;
    this.saving.set(true);
    try {
      const saved = await this.api.saveDraft(view.activityId, textToHtml(this.text()));
      this.current.set({ ...saved });
      this.savedText.set(htmlToText(saved.draft.text));
      if (!quiet) this.notices.show(this.transloco.translate('assignment.draftSaved'));
      return true;
    } catch (error) {
      this.notices.show(this.transloco.translate(this.errorKey(error, 'assignment.saveFailed')), 'error');
      if (statusOf(error) === 409) this.resource.reload();
      return false;
    } finally {
      this.saving.set(false);
    }
  }

  protected chooseFile(event: Event): void {
    const inputEl = event.target as HTMLInputElement;
    const file = inputEl.files?.[0];
    inputEl.value = '';
    const view = this.view();
    if (!file || !view) return;
    this.fileError.set(null);
    if (file.size > view.maxFileBytes) {
      this.fileError.set({ key: 'assignment.files.tooLarge', params: { size: this.sizeText(view.maxFileBytes) } });
      return;
    }
    this.uploadName.set(file.name);
    this.uploadProgress.set(0);
    this.upload = this.api.uploadFile(view.activityId, file).subscribe({
      next: (event) => {
        if ('progress' in event) {
          this.uploadProgress.set(event.progress);
          return;
        }
        this.uploadProgress.set(null);
        const latest = this.current();
        if (latest) this.current.set({ ...latest, status: latest.status ?? 'draft', draft: { ...latest.draft, files: [...latest.draft.files, event.done] } });
        this.notices.show(this.transloco.translate('assignment.files.added', { name: event.done.name }));
      },
      error: (error: unknown) => {
        this.uploadProgress.set(null);
        this.fileError.set(this.uploadErrorOf(error, view));
      },
    });
  }

  protected cancelUpload(): void {
    this.upload?.unsubscribe();
    this.upload = null;
    this.uploadProgress.set(null);
  }

  protected async removeFile(file: SubmissionFileView): Promise<void> {
    const view = this.view();
    if (!view || this.busyFileId()) return;
    this.busyFileId.set(file.id);
    try {
      await this.api.removeFile(view.activityId, file.id);
      const latest = this.current();
      if (latest)
        this.current.set({ ...latest, draft: { ...latest.draft, files: latest.draft.files.filter((f) => f.id !== file.id) } });
    } catch (error) {
      this.notices.show(this.transloco.translate(this.errorKey(error, 'assignment.files.removeFailed')), 'error');
    } finally {
      this.busyFileId.set(null);
    }
  }

  protected async download(file: SubmissionFileView): Promise<void> {
    if (this.busyFileId()) return;
    this.busyFileId.set(file.id);
    try {
      await this.api.downloadFile(file.id, file.name);
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'assignment.files.downloadFailed'), 'error');
    } finally {
      this.busyFileId.set(null);
    }
  }

  protected async downloadFeedback(view: AssignmentTraineeView, name: string): Promise<void> {
    if (!view.enrolmentId || this.busyFileId()) return;
    this.busyFileId.set('feedback');
    try {
      await this.api.downloadFeedbackFile(view.activityId, view.enrolmentId, name);
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'assignment.files.downloadFailed'), 'error');
    } finally {
      this.busyFileId.set(null);
    }
  }

  protected async submit(): Promise<void> {
    const view = this.view();
    if (!view || this.submitting() || !this.hasContent()) return;
    this.submitError.set(null);
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data: {
        titleKey: 'assignment.confirm.title',
        messageKey: this.isLate() ? 'assignment.confirm.lateMessage' : 'assignment.confirm.message',
        confirmKey: 'assignment.submit',
        name: view.title,
      },
      width: '30rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.submitting.set(true);
    try {
      if (view.acceptsText && this.dirty() && !(await this.saveDraft(true))) return;
      const submitted = await this.api.submit(view.activityId, view.versions[0]?.number ?? 0);
      this.adopt(submitted, true);
      this.notices.show(this.transloco.translate('assignment.submitted'));
    } catch (error) {
      const key = this.errorKey(error, 'assignment.submitFailed');
      this.submitError.set(key);
      this.notices.show(this.transloco.translate(key), 'error');
      if (statusOf(error) === 409) this.resource.reload();
    } finally {
      this.submitting.set(false);
    }
  }

  private errorKey(error: unknown, fallback: string): string {
    const status = statusOf(error);
    if (status === 0) return 'errors.offline';
    if (status === 409) {
      const reason = (problemOf(error) as { reason?: string } | null)?.reason;
      return reason ? `assignment.blocked.${reason}` : 'assignment.changedElsewhere';
    }
    if (status === 403) return 'assignment.blocked.not-active';
    if (status === 400) {
      const path = problemOf(error)?.errors?.[0]?.path;
      if (path === 'text' || path === 'files') return 'assignment.needsContent';
    }
    return fallback;
  }

  private uploadErrorOf(error: unknown, view: AssignmentTraineeView): { key: string; params?: Record<string, unknown> } {
    const status = statusOf(error);
    if (status === 0) return { key: 'errors.offline' };
    if (status === 413) return { key: 'assignment.files.tooLarge', params: { size: this.sizeText(view.maxFileBytes) } };
    if (status === 409) return { key: this.errorKey(error, 'assignment.files.uploadFailed') };
    if (status === 400) {
      const problem = problemOf(error);
      const message = problem?.errors?.find((e) => e.path === 'file')?.message ?? '';
      if (/at most \d+ files/.test(message)) return { key: 'assignment.files.tooMany', params: { count: view.maxFiles } };
      if (/at most/.test(message)) return { key: 'assignment.files.tooLarge', params: { size: this.sizeText(view.maxFileBytes) } };
      if (/empty/.test(message)) return { key: 'assignment.files.empty' };
      return { key: 'assignment.files.wrongType', params: { types: view.allowedFileTypes.join(', ') } };
    }
    return { key: 'assignment.files.uploadFailed' };
  }

  private sizeText(bytes: number): string {
    return this.fileSize.transform(bytes);
  }
}
