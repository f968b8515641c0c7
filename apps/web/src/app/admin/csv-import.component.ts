import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CsvImportReport, CsvRowOutcome } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { CSV_COLUMNS, CSV_MAX_BYTES } from '../core/catalog/catalog-rules';
import { LanguageService } from '../core/i18n/language.service';
import { saveFile } from '../shared/download';
import { FileSizePipe } from '../shared/file-size.pipe';
import { AdminCohortsService } from './admin-cohorts.service';

const OUTCOMES: readonly CsvRowOutcome[] = [
  'enrolled',
  'invited-and-enrolled',
  'waitlisted',
  'already-enrolled',
  'error',
];

/**
 * Bulk enrolment from a CSV file: pick it, send it, read what happened to every row. A bad row
 * never stops the others (the API applies each row whole or not at all), so the report is the point.
 */
@Component({
  selector: 'aula-csv-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoDirective, FileSizePipe],
  templateUrl: './csv-import.component.html',
  styleUrl: './csv-import.component.scss',
})
export class CsvImportComponent {
  private readonly cohorts = inject(AdminCohortsService);
  private readonly language = inject(LanguageService);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  private readonly reportHeading = viewChild<ElementRef<HTMLElement>>('reportHeading');

  readonly cohortId = input.required<string>();
  readonly imported = output<CsvImportReport>();

  protected readonly columns = CSV_COLUMNS.join(', ');
  protected readonly maxBytes = CSV_MAX_BYTES;
  protected readonly outcomes = OUTCOMES;
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly errorDetail = signal<string | null>(null);
  protected readonly report = signal<CsvImportReport | null>(null);
  /** The API's own words per row are shown when they are in the reader's language. */
  protected readonly readable = signal(false);
  protected readonly counted = computed(() => {
    const report = this.report();
    return report ? OUTCOMES.filter((outcome) => report.counts[outcome] > 0) : [];
  });

  protected picked(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.errorKey.set(null);
    this.errorDetail.set(null);
    if (file && file.size > CSV_MAX_BYTES) {
      this.errorKey.set('admin.import.tooLarge');
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
    this.errorKey.set(null);
    this.errorDetail.set(null);
    try {
      const text = await file.text();
      const report = await this.cohorts.importCsv(this.cohortId(), text);
      // The API writes row messages in English and says nothing else (no Content-Language).
      this.readable.set(this.language.active() === 'en');
      this.report.set(report);
      this.file.set(null);
      this.fileInput().nativeElement.value = '';
      this.imported.emit(report);
      setTimeout(() => this.reportHeading()?.nativeElement.focus());
    } catch (error) {
      const status = statusOf(error);
      const detail = problemOf(error)?.detail ?? null;
      if (detail && speaksReadersLanguage(error, this.language.active())) this.errorDetail.set(detail);
      this.errorKey.set(
        status === 0
          ? 'errors.offline'
          : status === 400
            ? 'admin.import.fileRefused'
            : status === 413
              ? 'admin.import.tooLarge'
              : 'errors.unexpected',
      );
    } finally {
      this.busy.set(false);
    }
  }

  /** An empty file with the right header row, to fill in a spreadsheet. */
  protected template(): void {
    saveFile(
      new Blob([`\uFEFF${CSV_COLUMNS.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' }),
      'enrolment-template.csv',
    );
  }
}
