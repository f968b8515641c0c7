import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { DirectoryCsvOutcome, DirectoryImportReport } from '@aula/contracts';
import {
  DIRECTORY_CSV_OUTCOMES,
  INSTITUTION_CSV_COLUMNS,
  INSTITUTION_CSV_MAX_BYTES,
  INSTITUTION_CSV_MAX_ROWS,
} from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Subscription } from 'rxjs';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { attachmentName, saveFile } from '../shared/download';
import { FileSizePipe } from '../shared/file-size.pipe';
import { DIRECTORY_ADMIN } from './admin-directory.routes';
import { AdminDirectoryService } from './admin-directory.service';
import { DirectoryNavComponent } from './directory-nav.component';
import { outcomeShares } from './directory-rules';

/**
 * `/admin/directory/csv`: every institution as a spreadsheet, and institutions created or
 * updated from one. Each row is applied on its own; the report says what became of each.
 */
@Component({
  selector: 'aula-institution-csv',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    TranslocoDirective,
    FileSizePipe,
    DirectoryNavComponent,
  ],
  templateUrl: './institution-csv.component.html',
  styleUrl: './institution-csv.component.scss',
})
export default class InstitutionCsvComponent {
  private readonly directory = inject(AdminDirectoryService);
  private readonly language = inject(LanguageService);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  private readonly reportHeading = viewChild<ElementRef<HTMLElement>>('reportHeading');
  private upload: Subscription | null = null;

  protected readonly base = DIRECTORY_ADMIN;
  protected readonly columns = INSTITUTION_CSV_COLUMNS.join(', ');
  protected readonly maxBytes = INSTITUTION_CSV_MAX_BYTES;
  protected readonly maxRows = INSTITUTION_CSV_MAX_ROWS;
  protected readonly file = signal<File | null>(null);
  protected readonly dryRun = signal(false);
  protected readonly busy = signal(false);
  /** Share of the file sent, 0..1; at 1 the API is working through the rows. */
  protected readonly sent = signal(0);
  protected readonly exporting = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly errorDetail = signal<string | null>(null);
  protected readonly report = signal<DirectoryImportReport | null>(null);
  protected readonly reportWasDryRun = signal(false);
  /** The API's row messages are English; shown as they are only to English readers. */
  protected readonly readable = signal(false);
  protected readonly outcomeFilter = signal<DirectoryCsvOutcome | ''>('');
  protected readonly outcomes = DIRECTORY_CSV_OUTCOMES;
  protected readonly shares = computed(() => outcomeShares(this.report()?.counts ?? {}));
  protected readonly rows = computed(() => {
    const report = this.report();
    const only = this.outcomeFilter();
    return report ? report.rows.filter((row) => !only || row.outcome === only) : [];
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected async exportAll(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.errorKey.set(null);
    try {
      const response = await this.directory.exportInstitutions();
      if (response.body) saveFile(response.body, attachmentName(response, 'institutions.csv'));
    } catch (error) {
      this.errorKey.set(statusOf(error) === 0 ? 'errors.offline' : 'adminDirectory.csv.exportFailed');
    } finally {
      this.exporting.set(false);
    }
  }

  /** An empty file with the header row, to fill in a spreadsheet. */
  protected template(): void {
    saveFile(
      new Blob([`\uFEFF${INSTITUTION_CSV_COLUMNS.filter((c) => c !== 'id').join(',')}\r\n`], {
        type: 'text/csv;charset=utf-8',
      }),
      'institutions-template.csv',
    );
  }

  protected picked(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.errorKey.set(null);
    this.errorDetail.set(null);
    if (file && file.size > INSTITUTION_CSV_MAX_BYTES) {
      this.errorKey.set('adminDirectory.csv.tooLarge');
      this.file.set(null);
      this.fileInput().nativeElement.value = '';
      return;
    }
    this.file.set(file);
  }

  protected async send(): Promise<void> {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.sent.set(0);
    this.errorKey.set(null);
    this.errorDetail.set(null);
    const dryRun = this.dryRun();
    const text = await file.text();
    this.upload = this.directory.importInstitutions(text, dryRun).subscribe({
      next: (event) => {
        if (event.kind === 'progress') {
          this.sent.set(event.sent);
          return;
        }
        this.readable.set(this.language.active() === 'en');
        this.report.set(event.body);
        this.reportWasDryRun.set(dryRun);
        this.outcomeFilter.set('');
        this.file.set(null);
        this.fileInput().nativeElement.value = '';
        setTimeout(() => this.reportHeading()?.nativeElement.focus());
      },
      error: (error: unknown) => {
        const status = statusOf(error);
        const detail = problemOf(error)?.detail ?? null;
        if (detail && speaksReadersLanguage(error, this.language.active())) this.errorDetail.set(detail);
        this.errorKey.set(
          status === 0
            ? 'errors.offline'
            : status === 400
              ? 'adminDirectory.csv.fileRefused'
              : status === 413
                ? 'adminDirectory.csv.tooLarge'
                : 'errors.unexpected',
        );
        this.busy.set(false);
      },
      complete: () => this.busy.set(false),
    });
  }

  protected chooseOutcome(outcome: DirectoryCsvOutcome | ''): void {
    this.outcomeFilter.set(this.outcomeFilter() === outcome ? '' : outcome);
  }
}
