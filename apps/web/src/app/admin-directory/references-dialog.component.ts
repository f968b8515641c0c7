import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { NameInTextComponent } from '../shared/name-in-text.component';
import type { ReferenceCount } from './directory-rules';

export interface ReferencesDialogData {
  record: 'institution' | 'region';
  name: string;
  references: ReferenceCount[];
  /** Offer "archive instead" (an institution that is not archived yet). */
  canArchive: boolean;
}

/** What the dialog closes with: what the administrator chose to do instead of deleting. */
export type ReferencesChoice = 'archive' | 'merge' | undefined;

/** A delete the API refused because other records refer to this one: what they are, and what to do instead. */
@Component({
  selector: 'aula-references-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, TranslocoDirective, NameInTextComponent],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        <aula-name-in-text [key]="'adminDirectory.references.title'" [name]="data.name" />
      </h2>
      <mat-dialog-content>
        <p>{{ t('adminDirectory.references.intro.' + data.record) }}</p>
        <ul class="references" [attr.aria-label]="t('adminDirectory.references.listLabel')">
          @for (line of data.references; track line.kind) {
            <li [attr.data-kind]="line.kind">
              <span class="count">{{ line.count }}</span>
              {{ t(line.key, { count: line.count, kind: line.kind }) }}
            </li>
          }
        </ul>
        <p>{{ t('adminDirectory.references.advice.' + data.record) }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">{{ t('actions.close') }}</button>
        @if (data.record === 'institution') {
          <button mat-stroked-button type="button" [mat-dialog-close]="'merge'">
            {{ t('adminDirectory.references.merge') }}
          </button>
          @if (data.canArchive) {
            <button mat-flat-button type="button" [mat-dialog-close]="'archive'">
              {{ t('adminDirectory.references.archive') }}
            </button>
          }
        }
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .references {
      margin: 0 0 12px;
      padding: 0;
      list-style: none;
      li {
        display: flex;
        align-items: baseline;
        gap: 8px;
        padding: 6px 0;
        border-block-end: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .count {
      min-inline-size: 2.5rem;
      font: var(--mat-sys-title-medium);
      text-align: end;
    }
  `,
})
export class ReferencesDialogComponent {
  protected readonly data = inject<ReferencesDialogData>(MAT_DIALOG_DATA);
}
