import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { MarkingParticipant } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * Whose work it is: name and email, or under blind marking (until release) only "Participant N".
 * The name is isolated (`dir="auto"`) so any script keeps its direction.
 */
@Component({
  selector: 'aula-participant',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (participant().hidden) {
        <span class="name">{{ t('marking.participant', { number: participant().participantNumber }) }}</span>
        <span class="detail">{{ t('marking.blindHint') }}</span>
      } @else {
        <bdi class="name" dir="auto">{{ participant().displayName }}</bdi>
        <span class="detail">{{ participant().email }}</span>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .name {
      font: var(--mat-sys-title-small);
    }
    .detail {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
  `,
})
export class ParticipantComponent {
  readonly participant = input.required<MarkingParticipant>();
}
