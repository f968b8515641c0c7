import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { GradeImportReport } from '@aula/contracts';
import { gradebookApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';

const MAX_BYTES = 1024 * 1024;

/**
 * Scores marked offline, from a spreadsheet: the file is checked whole and applied whole. The
 * report names every problem by row, email and column; with one problem nothing is saved.
 */
@Component({
  selector: 'aula-gradebook-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoDirective],
  template: `
    <div *transloco="let t">
      <p class="lead">{{ t('gradebook.import.lead') }}</p>
      <form class="pick-row" (submit)="$event.preventDefault(); send()">
        <input
          #fileInput
          type="file"
          accept=".csv,text/csv"
          [attr.aria-label]="t('gradebook.import.choose')"
          [disabled]="busy()"
          (change)="picked($event)"
        />
        <button mat-flat-button type="submit" [disabled]="!file() || busy()">
          {{ busy() ? t('gradebook.import.importing') : t('gradebook.import.send') }}
        </button>
      </form>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('gradebook.import.importing')" />
      }
      <div role="alert">
        @if (errorKey(); as key) {
          <p class="error">{{ t(key) }}</p>
        }
      </div>
      @if (report(); as report) {
        <section class="report" aria-labelledby="gradebook-report-title">
          <h3 id="gradebook-report-title" #reportHeading tabindex="-1">
            {{
              report.applied
                ? t('gradebook.import.applied', { changed: report.changed, unchanged: report.unchanged })
                : t('gradebook.import.refused', { count: report.errors.length })
            }}
          </h3>
          @if (report.errors.length) {
            <table class="rows">
              <caption class="cdk-visually-hidden">
                {{
                  t('gradebook.import.reportCaption')
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('gradebook.import.columns.row') }}</th>
                  <th scope="col">{{ t('gradebook.import.columns.email') }}</th>
                  <th scope="col">{{ t('gradebook.import.columns.field') }}</th>
                  <th scope="col">{{ t('gradebook.import.columns.problem') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (problem of report.errors; track $index) {
                  <tr>
                    <td>{{ problem.row }}</td>
                    <td class="email">{{ problem.email || '—' }}</td>
                    <td>
                      <bdi dir="auto">{{ problem.field }}</bdi>
                    </td>
                    <td>{{ t('gradebook.import.problems.' + problem.code, { max: problem.max ?? '' }) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        </section>
      }
    </div>
  `,
  styles: `
    .lead {
      margin: 0 0 12px;
      max-inline-size: 70ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .pick-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-block-end: 8px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .report h3 {
      font: var(--mat-sys-title-medium);
    }
    .rows {
      border-collapse: collapse;
      inline-size: 100%;
    }
    .rows th,
    .rows td {
      padding: 6px 8px;
      text-align: start;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .email {
      overflow-wrap: anywhere;
    }
  `,
})
export class GradebookImportComponent {
  private readonly http = inject(HttpClient);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  private readonly reportHeading = viewChild<ElementRef<HTMLElement>>('reportHeading');

  readonly cohortId = input.required<string>();
  readonly imported = output<GradeImportReport>();

  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly report = signal<GradeImportReport | null>(null);

  protected picked(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.errorKey.set(null);
    if (file && file.size > MAX_BYTES) {
      this.errorKey.set('gradebook.import.tooLarge');
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
    try {
      const text = await file.text();
      const report = await firstValueFrom(
        this.http.post<GradeImportReport>(routeUrl(gradebookApi.import, { id: this.cohortId() }), text, {
          headers: { 'Content-Type': 'text/csv' },
        }),
      );
      this.report.set(report);
      if (report.applied) {
        this.file.set(null);
        this.fileInput().nativeElement.value = '';
      }
      this.imported.emit(report);
      setTimeout(() => this.reportHeading()?.nativeElement.focus());
    } catch (error) {
      const status = statusOf(error);
      this.errorKey.set(
        status === 0
          ? 'errors.offline'
          : status === 400
            ? 'gradebook.import.fileRefused'
            : status === 413
              ? 'gradebook.import.tooLarge'
              : 'errors.unexpected',
      );
    } finally {
      this.busy.set(false);
    }
  }
}
