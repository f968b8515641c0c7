import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { InstitutionRef } from '@aula/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { NoticeService } from '../shared/notice.service';
import { AdminDirectoryService } from './admin-directory.service';
import { refusedReferences } from './directory-rules';
import {
  ReferencesDialogComponent,
  type ReferencesChoice,
  type ReferencesDialogData,
} from './references-dialog.component';

/** How a delete ended: gone, or what the administrator chose instead when others refer to it. */
export type DeletionOutcome = 'deleted' | 'archive' | 'merge' | 'kept';

/**
 * Deleting an institution: asks first; when the API refuses because others refer to it, shows
 * what does and offers archiving or a merge instead. The list and the editor both use it.
 */
@Injectable({ providedIn: 'root' })
export class InstitutionDeletion {
  private readonly directory = inject(AdminDirectoryService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  async run(item: InstitutionRef): Promise<DeletionOutcome> {
    const data: ConfirmDialogData = {
      titleKey: 'adminDirectory.institutions.deleteDialog.title',
      messageKey: 'adminDirectory.institutions.deleteDialog.message',
      confirmKey: 'actions.delete',
      name: item.displayName,
      destructive: true,
    };
    const confirm = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(
      ConfirmDialogComponent,
      {
        data,
        width: '30rem',
        maxWidth: 'calc(100vw - 32px)',
      },
    );
    if (!(await firstValueFrom(confirm.afterClosed()))) return 'kept';
    try {
      await this.directory.deleteInstitution(item.id);
      this.notices.show(
        this.transloco.translate('adminDirectory.institutions.deleted', { name: item.displayName }),
      );
      return 'deleted';
    } catch (error) {
      const references = refusedReferences(error);
      if (!references) {
        const key = statusOf(error) === 0 ? 'errors.offline' : 'adminDirectory.institutions.deleteFailed';
        this.notices.show(this.transloco.translate(key, { name: item.displayName }), 'error');
        return 'kept';
      }
      const choice = await firstValueFrom(
        this.dialog
          .open<ReferencesDialogComponent, ReferencesDialogData, ReferencesChoice>(
            ReferencesDialogComponent,
            {
              data: {
                record: 'institution',
                name: item.displayName,
                references,
                canArchive: item.status !== 'archived',
              },
              width: '34rem',
              maxWidth: 'calc(100vw - 32px)',
            },
          )
          .afterClosed(),
      );
      return choice ?? 'kept';
    }
  }
}
