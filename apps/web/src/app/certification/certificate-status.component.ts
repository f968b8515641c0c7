import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CertificateStatus } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { IconComponent, type IconName } from '../shared/icon.component';

const ICONS: Record<CertificateStatus, IconName> = {
  valid: 'checkCircle',
  revoked: 'delete',
  expired: 'schedule',
  replaced: 'arrowUp',
};

/** A certificate's status as a label: colour, icon and word, so none of them is needed alone. */
@Component({
  selector: 'aula-certificate-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective, IconComponent],
  template: `<span *transloco="let t" class="status" [attr.data-status]="status()"
    ><aula-icon [name]="icon()" />{{ t('certificates.status.' + status()) }}</span
  >`,
  styles: `
    .status {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 999px;
      border: 1px solid currentColor;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    .status aula-icon {
      inline-size: 18px;
      block-size: 18px;
    }
    [data-status='valid'] {
      background: #d7f5dd;
      color: #0b5323;
    }
    [data-status='revoked'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    [data-status='expired'],
    [data-status='replaced'] {
      background: #fdecc8;
      color: #5c3b00;
    }
  `,
})
export class CertificateStatusComponent {
  readonly status = input.required<CertificateStatus>();
  protected readonly icon = computed(() => ICONS[this.status()]);
}
