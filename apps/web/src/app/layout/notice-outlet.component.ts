import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { NoticeService } from '../shared/notice.service';

/** Where notices appear. The live regions exist from the start so that changes are announced. */
@Component({
  selector: 'aula-notice-outlet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective],
  template: `
    <div class="region" role="status" aria-live="polite" *transloco="let t">
      @if (notices.current(); as notice) {
        <div class="notice" [class.error]="notice.kind === 'error'">
          <span class="text">{{ notice.text }}</span>
          <button type="button" class="close" (click)="notices.dismiss()">{{ t('actions.close') }}</button>
        </div>
      }
    </div>
  `,
  styles: `
    .region {
      position: fixed;
      inset-inline: 0;
      inset-block-end: 16px;
      z-index: 1000;
      display: flex;
      justify-content: center;
      padding-inline: 16px;
      pointer-events: none;
    }
    .notice {
      pointer-events: auto;
      display: flex;
      align-items: center;
      gap: 16px;
      max-inline-size: 36rem;
      padding: 12px 12px 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      box-shadow: var(--mat-sys-level3);
      font: var(--mat-sys-body-medium);
    }
    .notice.error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .close {
      flex: none;
      min-block-size: 40px;
      padding: 0 12px;
      border: 0;
      border-radius: 20px;
      cursor: pointer;
      background: transparent;
      color: var(--mat-sys-inverse-primary);
      font: var(--mat-sys-label-large);
    }
    .notice.error .close {
      color: inherit;
      text-decoration: underline;
    }
    .close:hover {
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
  `,
})
export class NoticeOutletComponent {
  protected readonly notices = inject(NoticeService);
}
