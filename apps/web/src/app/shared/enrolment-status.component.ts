import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { EnrolmentStatus } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';

/** An enrolment's status as a small coloured label. */
@Component({
  selector: 'aula-enrolment-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective],
  template: `<span *transloco="let t" class="status" [attr.data-status]="status()">{{
    t('enrolment.status.' + status())
  }}</span>`,
  styles: `
    .status {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    [data-status='active'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    [data-status='completed'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    [data-status='pending'],
    [data-status='waitlisted'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    [data-status='withdrawn'] {
      background: transparent;
      border: 1px dashed var(--mat-sys-outline);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class EnrolmentStatusComponent {
  readonly status = input.required<EnrolmentStatus>();
}
