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
import { RouterLink } from '@angular/router';
import type { CertificateView, LearnerDashboard } from '@aula/contracts';
import { certificationApi } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { CertificateStatusComponent } from './certificate-status.component';
import { CertificationService, verifyPath } from './certification.service';

/** How long the list keeps looking for the certificate of a course just completed. */
const WAIT_POLLS = 30;
const POLL_MS = 2_000;

/**
 * "My certificates" on the learner dashboard: each with its PDF and its public verification page.
 * The worker issues a certificate seconds after completion, so while a completed cohort has none
 * yet the list looks again every few seconds (for a minute at most).
 */
@Component({
  selector: 'aula-my-certificates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    TranslocoDirective,
    LocalDateTimePipe,
    IconComponent,
    CertificateStatusComponent,
  ],
  template: `
    <section class="certificates" aria-labelledby="certificates-title" *transloco="let t">
      <h2 id="certificates-title">{{ t('certificates.mine.title') }}</h2>
      @if (list.error()) {
        <p class="error" role="alert">{{ t('certificates.mine.loadFailed') }}</p>
        <button mat-stroked-button type="button" (click)="list.reload()">{{ t('actions.retry') }}</button>
      } @else if (list.hasValue() && certificates().length === 0 && waitingFor().length === 0) {
        <p class="muted">{{ t('certificates.mine.empty') }}</p>
      }
      <div role="status" aria-live="polite">
        @if (waitingFor().length && polls() < maxPolls) {
          <p class="muted">{{ t('certificates.mine.preparing') }}</p>
        }
      </div>
      @if (certificates().length) {
        <ul>
          @for (c of certificates(); track c.id) {
            <li>
              <article class="certificate" [attr.aria-labelledby]="'certificate-' + c.id">
                <div class="head">
                  <h3 [id]="'certificate-' + c.id" dir="auto">{{ c.course }}</h3>
                  <aula-certificate-status [status]="c.status" />
                </div>
                <p class="meta">
                  <span dir="auto">{{ c.cohort }}</span>
                  <span>{{
                    t('certificates.mine.issuedOn', { date: (c.issuedAt | localDateTime: 'date') })
                  }}</span>
                </p>
                <div class="actions">
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="downloading() === c.id"
                    [attr.aria-label]="t('certificates.mine.downloadOf', { course: c.course })"
                    (click)="download(c)"
                  >
                    <aula-icon name="download" />
                    {{ t('certificates.mine.download') }}
                  </button>
                  <a mat-stroked-button [routerLink]="verifyPath(c.code)">{{
                    t('certificates.mine.verifyLink')
                  }}</a>
                </div>
              </article>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .certificates {
      margin-block-start: 32px;
    }
    ul {
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .certificate {
      padding: 16px 20px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class MyCertificatesComponent {
  private readonly certification = inject(CertificationService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  /** The dashboard's cohorts: completed ones are expected to have a certificate soon. */
  readonly cohorts = input<LearnerDashboard['cohorts']>([]);

  protected readonly verifyPath = verifyPath;
  protected readonly maxPolls = WAIT_POLLS;
  protected readonly list = httpResource<CertificateView[]>(() => certificationApi.mine.path);
  /** Current certificates first (a replaced one stays listed, marked as such). */
  protected readonly certificates = computed(() =>
    this.list.hasValue()
      ? [...this.list.value()].sort(
          (a, b) =>
            Number(a.status !== 'valid') - Number(b.status !== 'valid') ||
            b.issuedAt.localeCompare(a.issuedAt),
        )
      : [],
  );
  protected readonly waitingFor = computed(() => {
    if (!this.list.hasValue()) return [];
    const issued = new Set(this.list.value().map((c) => c.enrolmentId));
    return this.cohorts()
      .filter((entry) => entry.enrolment.status === 'completed' && !issued.has(entry.enrolment.id))
      .map((entry) => entry.enrolment.id);
  });
  protected readonly polls = signal(0);
  protected readonly downloading = signal<string | null>(null);

  constructor() {
    let timer: ReturnType<typeof setTimeout> | undefined;
    inject(DestroyRef).onDestroy(() => clearTimeout(timer));
    effect(() => {
      clearTimeout(timer);
      if (this.list.isLoading() || !this.waitingFor().length || this.polls() >= WAIT_POLLS) return;
      timer = setTimeout(() => {
        this.polls.update((n) => n + 1);
        this.list.reload();
      }, POLL_MS);
    });
  }

  protected async download(certificate: CertificateView): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set(certificate.id);
    try {
      await this.certification.downloadPdf(certificate);
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'certificates.mine.downloadFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.downloading.set(null);
    }
  }
}
