import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { IconComponent } from '../shared/icon.component';

/**
 * The course editor's buttons on a module or an activity: move up, move down, (the links the
 * screen projects), edit, delete. Each names the item for screen readers; the move buttons carry
 * `move-up-<id>` / `move-down-<id>`, where the editor puts focus back after a move.
 */
@Component({
  selector: 'aula-item-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoDirective, IconComponent],
  host: { class: 'item-actions', role: 'group', '[attr.aria-label]': 'label()' },
  template: `
    <ng-container *transloco="let t; prefix: 'admin.' + kind()">
      @for (step of steps(); track step.direction) {
        <button
          mat-icon-button
          type="button"
          [id]="'move-' + step.direction + '-' + itemId()"
          [disabled]="step.atEnd || busy()"
          [attr.aria-label]="t(step.label, { name: name() })"
          (click)="move.emit(step.delta)"
        >
          <aula-icon [name]="step.icon" />
        </button>
      }
      <ng-content />
      <button
        mat-icon-button
        type="button"
        [attr.aria-label]="t('edit', { name: name() })"
        (click)="edit.emit()"
      >
        <aula-icon name="edit" />
      </button>
      <button
        mat-icon-button
        type="button"
        class="danger"
        [disabled]="busy()"
        [attr.aria-label]="t('delete', { name: name() })"
        (click)="delete.emit()"
      >
        <aula-icon name="delete" />
      </button>
    </ng-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: nowrap;
    }

    .danger {
      color: var(--mat-sys-error);
    }
  `,
})
export class ItemActionsComponent {
  readonly kind = input.required<'module' | 'activity'>();
  readonly itemId = input.required<string>();
  /** The item as the editor shows it, for the buttons' names. */
  readonly name = input.required<string>();
  /** The group's name for screen readers ("Actions for Module 1"). */
  readonly label = input.required<string>();
  readonly first = input(false);
  readonly last = input(false);
  /** While any change is under way, moving and deleting wait. */
  readonly busy = input(false);
  readonly move = output<-1 | 1>();
  readonly edit = output<void>();
  readonly delete = output<void>();

  protected readonly steps = computed(
    () =>
      [
        { direction: 'up', delta: -1, icon: 'arrowUp', label: 'moveUp', atEnd: this.first() },
        { direction: 'down', delta: 1, icon: 'arrowDown', label: 'moveDown', atEnd: this.last() },
      ] as const,
  );
}
