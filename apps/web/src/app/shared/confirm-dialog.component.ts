import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { NameInTextComponent } from './name-in-text.component';

export interface ConfirmDialogData {
  /** Translation keys; title and message may place `{{name}}`. */
  titleKey: string;
  messageKey: string;
  confirmKey: string;
  name: string;
  /** Draws the confirm button in the error colour, for actions that lock someone out. */
  destructive?: boolean;
}

/** Asks before an action with consequences. Closes with `true` when confirmed. */
@Component({
  selector: 'aula-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, TranslocoDirective, NameInTextComponent],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title><aula-name-in-text [key]="data.titleKey" [name]="data.name" /></h2>
      <mat-dialog-content>
        <p><aula-name-in-text [key]="data.messageKey" [name]="data.name" /></p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">{{ t('actions.cancel') }}</button>
        <button
          mat-flat-button
          type="button"
          [class.destructive]="data.destructive"
          [mat-dialog-close]="true"
        >
          {{ t(data.confirmKey) }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
