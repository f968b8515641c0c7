import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { Role, UserView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { ALL_ROLES } from '../core/auth/roles';
import { NameInTextComponent } from '../shared/name-in-text.component';

export interface EditRolesDialogData {
  user: UserView;
  /** The admin doing the editing may not take away their own admin role and lock everyone out. */
  isSelf: boolean;
}

/** Checkboxes for the roles of one person; saving is the confirmation. Closes with the new roles. */
@Component({
  selector: 'aula-edit-roles-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatCheckboxModule, TranslocoDirective, NameInTextComponent],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        <aula-name-in-text key="admin.users.rolesDialog.title" [name]="data.user.displayName" />
      </h2>
      <mat-dialog-content>
        <fieldset>
          <legend>{{ t('admin.users.rolesDialog.legend') }}</legend>
          @for (role of roles; track role) {
            <div class="role">
              <mat-checkbox
                [checked]="selected().includes(role)"
                [disabled]="locked(role)"
                (change)="toggle(role, $event.checked)"
              >
                {{ t('roles.' + role) }}
              </mat-checkbox>
              <p class="role-hint">{{ t('admin.users.roleHints.' + role) }}</p>
            </div>
          }
        </fieldset>
        @if (data.isSelf) {
          <p class="note">{{ t('admin.users.rolesDialog.selfNote') }}</p>
        }
        <p class="error" role="alert">
          @if (selected().length === 0) {
            {{ t('admin.users.rolesDialog.atLeastOne') }}
          }
        </p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('actions.cancel') }}</button>
        <button mat-flat-button type="button" [disabled]="!canSave()" (click)="save()">
          {{ t('actions.save') }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      margin-block-end: 8px;
    }
    .role-hint {
      margin: -4px 0 8px;
      margin-inline-start: 40px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      min-block-size: 1.25em;
      margin: 0;
    }
  `,
})
export class EditRolesDialogComponent {
  protected readonly data = inject<EditRolesDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<EditRolesDialogComponent, Role[]>>(MatDialogRef);

  protected readonly roles = ALL_ROLES;
  protected readonly selected = signal<Role[]>([...this.data.user.roles]);
  protected readonly canSave = computed(() => {
    const chosen = this.selected();
    const before = this.data.user.roles;
    const changed = chosen.length !== before.length || chosen.some((role) => !before.includes(role));
    return chosen.length > 0 && changed;
  });

  protected locked(role: Role): boolean {
    return this.data.isSelf && role === 'admin';
  }

  protected toggle(role: Role, checked: boolean): void {
    this.selected.update((roles) =>
      checked ? ALL_ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role),
    );
  }

  protected save(): void {
    if (this.canSave()) this.dialog.close(this.selected());
  }
}
