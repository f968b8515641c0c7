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
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { CertificateBatchView, CertificateView, CohortCertificateRow } from '@aula/contracts';
import { certificationApi, routeUrl } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import {
  CertificateActionDialogComponent,
  type CertificateActionDialogData,
  type CertificateActionResult,
} from './certificate-action-dialog.component';
import { CertificateStatusComponent } from './certificate-status.component';
import { CertificationService, verifyPath } from './certification.service';

/** Polling while the worker issues: every second, for two minutes at most. */
const POLL_MS = 1_000;
const MAX_POLLS = 120;

/**
 * A cohort's certificates: every completed enrolment with its certificate state. Administrators
 * (`manage`) issue (one, or everyone completed, with live progress), revoke with a reason and
 * re-issue; tutors and administrators download one PDF or the whole cohort as a ZIP.
 */
@Component({
  selector: 'aula-cohort-certificates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    LocalDateTimePipe,
    IconComponent,
    CertificateStatusComponent,
  ],
  templateUrl: './cohort-certificates.component.html',
  styleUrl: './cohort-certificates.component.scss',
})
export class CohortCertificatesComponent {
  private readonly certification = inject(CertificationService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  readonly cohortId = input.required<string>();
  /** Administrators: issue, revoke, re-issue. Tutors only read and download. */
  readonly manage = input(false);

  protected readonly verifyPath = verifyPath;
  protected readonly list = httpResource<CohortCertificateRow[]>(() =>
    routeUrl(certificationApi.cohort, { cohortId: this.cohortId() }),
  );
  protected readonly rows = computed(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly withoutCertificate = computed(
    () => this.rows().filter((row) => !row.certificate).length,
  );
  protected readonly issuedCount = computed(() => this.rows().filter((row) => row.certificate).length);

  /** Enrolments waiting for the worker, with the certificate they had when asked (null: none). */
  private readonly pending = signal<ReadonlyMap<string, string | null>>(new Map());
  protected readonly batch = signal<CertificateBatchView | null>(null);
  protected readonly busy = signal<string | null>(null);
  private polls = 0;

  constructor() {
    const destroyRef = inject(DestroyRef);
    let listTimer: ReturnType<typeof setTimeout> | undefined;
    let batchTimer: ReturnType<typeof setTimeout> | undefined;
    destroyRef.onDestroy(() => {
      clearTimeout(listTimer);
      clearTimeout(batchTimer);
    });

    // Forget pending enrolments whose certificate changed; reload while some remain.
    effect(() => {
      const rows = this.rows();
      const pending = this.pending();
      if (!pending.size) return;
      const left = new Map(
        [...pending].filter(([enrolmentId, before]) => {
          const row = rows.find((r) => r.enrolmentId === enrolmentId);
          return row && (row.certificate?.id ?? null) === before;
        }),
      );
      if (left.size !== pending.size) this.pending.set(left);
    });
    effect(() => {
      clearTimeout(listTimer);
      if (!this.pending().size || this.list.isLoading()) return;
      if (this.polls >= MAX_POLLS) {
        this.pending.set(new Map());
        return;
      }
      listTimer = setTimeout(() => {
        this.polls++;
        this.list.reload();
      }, POLL_MS);
    });

    // The batch's progress, every second until it is done.
    effect(() => {
      const batch = this.batch();
      clearTimeout(batchTimer);
      if (!batch || batch.done) return;
      batchTimer = setTimeout(async () => {
        try {
          const next = await this.certification.batch(batch.batchId);
          this.batch.set(next);
          this.list.reload();
        } catch (error) {
          this.failed(error);
          this.batch.set(null);
        }
      }, POLL_MS);
    });
  }

  protected isPending(row: CohortCertificateRow): boolean {
    return this.pending().has(row.enrolmentId);
  }

  protected percent(batch: CertificateBatchView): number {
    return batch.requested ? Math.round((batch.issued / batch.requested) * 100) : 100;
  }

  protected async issue(row: CohortCertificateRow): Promise<void> {
    await this.act(row.enrolmentId, async () => {
      const answer = await this.certification.issue(row.enrolmentId);
      if (answer.queued) this.wait(row.enrolmentId, row.certificate?.id ?? null);
      else this.list.reload();
      this.notices.show(this.transloco.translate('certificates.cohort.issueQueued'));
    });
  }

  protected async issueAll(): Promise<void> {
    await this.act('all', async () => {
      const batch = await this.certification.issueCohort(this.cohortId());
      this.batch.set(batch);
      if (!batch.requested) this.notices.show(this.transloco.translate('certificates.cohort.nothingToIssue'));
    });
  }

  protected async revoke(row: CohortCertificateRow, certificate: CertificateView): Promise<void> {
    const result = await this.ask('revoke', row);
    if (!result || !('reason' in result)) return;
    await this.act(row.enrolmentId, async () => {
      await this.certification.revoke(certificate.id, result.reason);
      this.list.reload();
      this.notices.show(this.transloco.translate('certificates.cohort.revoked'));
    });
  }

  protected async reissue(row: CohortCertificateRow, certificate: CertificateView): Promise<void> {
    const result = await this.ask('reissue', row);
    if (!result || !('expiresAt' in result)) return;
    await this.act(row.enrolmentId, async () => {
      await this.certification.reissue(certificate.id, result.expiresAt);
      this.wait(row.enrolmentId, certificate.id);
      this.notices.show(this.transloco.translate('certificates.cohort.reissueQueued'));
    });
  }

  protected async download(certificate: CertificateView): Promise<void> {
    await this.act(certificate.id, () => this.certification.downloadPdf(certificate));
  }

  protected async downloadZip(): Promise<void> {
    await this.act('zip', () => this.certification.downloadCohortZip(this.cohortId()));
  }

  private wait(enrolmentId: string, before: string | null): void {
    this.polls = 0;
    this.pending.update((pending) => new Map(pending).set(enrolmentId, before));
  }

  private async ask(
    action: CertificateActionDialogData['action'],
    row: CohortCertificateRow,
  ): Promise<CertificateActionResult | undefined> {
    const ref = this.dialog.open<
      CertificateActionDialogComponent,
      CertificateActionDialogData,
      CertificateActionResult
    >(CertificateActionDialogComponent, {
      data: { action, holderName: row.holderName },
      width: 'min(32rem, 95vw)',
    });
    return new Promise((resolve) => ref.afterClosed().subscribe(resolve));
  }

  private async act(key: string, work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(key);
    try {
      await work();
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(null);
    }
  }

  private failed(error: unknown): void {
    const status = statusOf(error);
    const key =
      status === 0
        ? 'errors.offline'
        : status === 403 || status === 404
          ? 'certificates.cohort.notAllowed'
          : status === 409
            ? 'certificates.cohort.conflict'
            : 'certificates.cohort.actionFailed';
    this.list.reload();
    this.notices.show(this.transloco.translate(key), 'error');
  }
}
