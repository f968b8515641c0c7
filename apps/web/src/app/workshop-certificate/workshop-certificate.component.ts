import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { routeUrl, webPages, workshopsApi, type MyWorkshopCertificate } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { CertificationService } from '../certification/certification.service';
import { statusOf } from '../core/api/problem';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';

/**
 * The reader's participation certificate of one workshop: download and verification link once it
 * is issued (after the workshop is held, for those at or above the attendance threshold), else
 * what it takes to get one. For the participant's workshop page: `<aula-workshop-certificate [workshopSlug]>`.
 */
@Component({
  selector: 'aula-workshop-certificate',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoDirective,
    LocalDateTimePipe,
    IconComponent,
  ],
  template: `
    <section class="workshop-certificate" aria-labelledby="workshop-certificate-title" *transloco="let t">
      <h2 id="workshop-certificate-title">{{ t('workshopCertificate.title') }}</h2>
      <div role="status" aria-live="polite">
        @if (certificate.isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('workshopCertificate.loading')" />
        } @else if (view(); as c) {
          <p class="ready">{{ t('workshopCertificate.ready') }}</p>
          <p>
            {{ t('workshopCertificate.hours', { attended: c.attendedHours, expected: c.expectedHours }) }}
          </p>
          <p>{{ t('workshopCertificate.issued', { date: (c.issuedAt | localDateTime: 'date') }) }}</p>
          <p class="code" data-testid="workshop-certificate-code">
            {{ t('workshopCertificate.code', { code: c.code }) }}
          </p>
          <div class="actions">
            <button
              mat-flat-button
              type="button"
              data-testid="workshop-certificate-download"
              [disabled]="downloading()"
              (click)="download(c)"
            >
              <aula-icon name="download" />
              {{ t(downloading() ? 'workshopCertificate.downloading' : 'workshopCertificate.download') }}
            </button>
            <a mat-stroked-button data-testid="workshop-certificate-verify" [routerLink]="verifyLink(c)">{{
              t('workshopCertificate.verify')
            }}</a>
          </div>
        } @else if (notIssued()) {
          <p class="not-yet">{{ t('workshopCertificate.notYet') }}</p>
        } @else if (certificate.error()) {
          <p class="failed">{{ t(offline() ? 'errors.offline' : 'workshopCertificate.failed') }}</p>
          <button mat-stroked-button type="button" (click)="certificate.reload()">
            {{ t('actions.retry') }}
          </button>
        }
      </div>
    </section>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .code {
      font-family: monospace;
      overflow-wrap: anywhere;
    }
  `,
})
export class WorkshopCertificateComponent {
  readonly workshopSlug = input.required<string>();

  private readonly certification = inject(CertificationService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  protected readonly certificate = httpResource<MyWorkshopCertificate>(() =>
    routeUrl(workshopsApi.myWorkshopCertificate, { slug: this.workshopSlug() }),
  );
  protected readonly view = computed(() => (this.certificate.hasValue() ? this.certificate.value() : null));
  /** 404: not issued (yet), or not a participant. */
  protected readonly notIssued = computed(() => statusOf(this.certificate.error()) === 404);
  protected readonly offline = computed(() => statusOf(this.certificate.error()) === 0);
  protected readonly downloading = signal(false);

  protected verifyLink(c: MyWorkshopCertificate): string {
    return routeUrl(webPages.verifyCertificate, { code: c.code });
  }

  protected async download(c: MyWorkshopCertificate): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set(true);
    try {
      await this.certification.download(
        routeUrl(workshopsApi.myWorkshopCertificatePdf, { slug: this.workshopSlug() }),
        `certificate-${c.code}.pdf`,
      );
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'workshopCertificate.downloadFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.downloading.set(false);
    }
  }
}
