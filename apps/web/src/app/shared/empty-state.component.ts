import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { IconComponent, IconName } from './icon.component';

/** "Nothing here yet", with what will appear and when. Texts arrive translated. */
@Component({
  selector: 'aula-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    <div class="empty">
      <aula-icon [name]="icon()" />
      <div>
        <p class="title">{{ title() }}</p>
        <p class="text">{{ text() }}</p>
        <ng-content />
      </div>
    </div>
  `,
  styles: `
    .empty {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      padding: 20px;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    aula-icon {
      color: var(--mat-sys-primary);
      inline-size: 32px;
      block-size: 32px;
    }
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .text {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class EmptyStateComponent {
  readonly icon = input<IconName>('school');
  readonly title = input.required<string>();
  readonly text = input.required<string>();
}
