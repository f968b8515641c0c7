import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { routeUrl, workshopsApi, type WorkshopCheckInCode } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { AttendanceService } from './attendance.service';

/**
 * "My check-in code": the QR code the organiser scans at each session, the same code for typing,
 * and the printable name badge. Only a confirmed participant has one; others read why not.
 */
@Component({
  selector: 'aula-my-checkin-code',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoDirective, IconComponent],
  template: `
    <section class="checkin-code" *transloco="let t; prefix: 'attendance.myCode'" aria-labelledby="my-checkin-code-title">
      <h2 id="my-checkin-code-title">{{ t('title') }}</h2>
      @if (code.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('loading')" />
      } @else if (view(); as c) {
        <p class="hint">{{ t('hint') }}</p>
        <svg
          class="qr"
          role="img"
          [attr.aria-label]="t('qrLabel', { code: c.code })"
          [attr.viewBox]="viewBox()"
          shape-rendering="crispEdges"
          data-testid="checkin-qr"
        >
          <rect [attr.x]="-4" [attr.y]="-4" [attr.width]="c.qr.size + 8" [attr.height]="c.qr.size + 8" fill="#fff" />
          <path [attr.d]="c.qr.path" fill="#000" />
        </svg>
        <p class="typed">
          <span class="label">{{ t('typed') }}</span>
          <code data-testid="checkin-typed-code" translate="no">{{ c.code }}</code>
        </p>
        <button mat-stroked-button type="button" (click)="downloadBadge(c)" [disabled]="downloading()">
          <aula-icon name="download" />
          {{ downloading() ? t('downloading') : t('badge') }}
        </button>
      } @else if (notConfirmed()) {
        <p class="hint">{{ t('notConfirmed') }}</p>
      } @else if (code.error()) {
        <p class="error" role="alert">{{ t('failed') }}</p>
        <button mat-button type="button" (click)="code.reload()">{{ t('retry') }}</button>
      }
    </section>
  `,
  styles: `
    .checkin-code {
      display: grid;
      gap: 12px;
      justify-items: start;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .qr {
      inline-size: min(240px, 70vw);
      block-size: auto;
      aspect-ratio: 1;
      border-radius: var(--mat-sys-corner-small);
    }
    .typed {
      display: flex;
      gap: 8px;
      align-items: baseline;
      margin: 0;
    }
    .typed code {
      font: var(--mat-sys-headline-small);
      letter-spacing: 0.08em;
    }
    .hint,
    .label {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class MyCheckInCodeComponent {
  readonly workshopSlug = input.required<string>();

  private readonly attendance = inject(AttendanceService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  protected readonly code = httpResource<WorkshopCheckInCode>(() => routeUrl(workshopsApi.myCheckInCode, { slug: this.workshopSlug() }));
  protected readonly view = computed(() => (this.code.hasValue() ? this.code.value() : null));
  protected readonly notConfirmed = computed(() => statusOf(this.code.error()) === 404);
  protected readonly viewBox = computed(() => {
    const size = this.view()?.qr.size ?? 21;
    return `-4 -4 ${size + 8} ${size + 8}`;
  });
  protected readonly downloading = signal(false);

  protected async downloadBadge(c: WorkshopCheckInCode): Promise<void> {
    this.downloading.set(true);
    try {
      await this.attendance.downloadBadge(c.registrationId, this.language.active(), `badge-${this.workshopSlug()}.pdf`);
    } catch (error) {
      const key = statusOf(error) === 0 ? 'errors.offline' : 'attendance.myCode.badgeFailed';
      this.notices.show(this.transloco.translate(key), 'error');
    } finally {
      this.downloading.set(false);
    }
  }
}
