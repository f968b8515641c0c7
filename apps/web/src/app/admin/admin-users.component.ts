import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Page, Role, UserView } from '@aula/contracts';
import { identityApi } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problemOf, statusOf } from '../core/api/problem';
import { AuthService } from '../core/auth/auth.service';
import { ALL_ROLES } from '../core/auth/roles';
import { LocalDateTimePipe } from '../core/time/local-date-time.pipe';
import { ConfirmDialogComponent, ConfirmDialogData } from '../shared/confirm-dialog.component';
import { AdminUsersService } from './admin-users.service';
import { EditRolesDialogComponent, EditRolesDialogData } from './edit-roles-dialog.component';
import { UserMembershipsDialogComponent } from './user-memberships-dialog.component';
import { NoticeService } from '../shared/notice.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { CursorPages } from '../shared/cursor-pages';
import { LIST_PAGE, type ListSpec } from '../shared/list-page.component';

const PAGE_SIZE = 20;
const LIST: ListSpec<UserView> = {
  key: (user) => user.id,
  texts: {
    caption: 'admin.users.tableCaption',
    loadFailed: 'admin.users.loadFailed',
    empty: 'admin.users.noResults',
    pageStatus: 'admin.users.pageStatus',
    pager: 'admin.users.pagination',
    search: 'admin.users.search',
    searchHint: 'admin.users.searchHint',
  },
  columns: [
    { key: 'admin.users.columns.person' },
    { key: 'admin.users.columns.roles' },
    { key: 'admin.users.columns.status' },
    { key: 'admin.users.columns.joined' },
    { key: 'admin.users.columns.actions', hidden: true },
  ],
};

@Component({
  selector: 'aula-admin-users',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE, RouterLink, MatButtonModule, MatSelectModule, TranslocoDirective, LocalDateTimePipe],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './admin-users.component.html',
  styleUrl: './admin-users.component.scss',
})
export default class AdminUsersComponent {
  private readonly service = inject(AdminUsersService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly me = inject(AuthService).user;

  protected readonly roles = ALL_ROLES;
  protected readonly list = LIST;
  protected readonly query = signal('');
  protected readonly role = signal<Role | ''>('');
  /** Cursor of each page visited so far; the last one is the page on screen. */
  protected readonly pages = new CursorPages();
  protected readonly busyId = signal<string | null>(null);

  protected readonly users = httpResource<Page<UserView>>(() => {
    const cursor = this.pages.cursor();
    const params: Record<string, string | number> = { limit: PAGE_SIZE };
    const q = this.query().trim();
    if (q) params['q'] = q;
    if (this.role()) params['role'] = this.role();
    if (cursor) params['cursor'] = cursor;
    return { url: identityApi.users.path, params };
  });

  protected filterRole(role: Role | ''): void {
    this.role.set(role);
    this.pages.reset();
  }

  protected isSelf(user: UserView): boolean {
    return user.id === this.me()?.id;
  }

  protected async editRoles(user: UserView): Promise<void> {
    const data: EditRolesDialogData = { user, isSelf: this.isSelf(user) };
    const ref = this.dialog.open<EditRolesDialogComponent, EditRolesDialogData, Role[]>(
      EditRolesDialogComponent,
      {
        data,
        autoFocus: 'first-tabbable',
        width: '30rem',
        maxWidth: 'calc(100vw - 32px)',
      },
    );
    const roles = await firstValueFrom(ref.afterClosed());
    if (!roles) return;
    await this.change(user, () => this.service.setRoles(user.id, roles), 'admin.users.rolesChanged');
  }

  protected showMemberships(user: UserView): void {
    this.dialog.open<UserMembershipsDialogComponent, UserView>(UserMembershipsDialogComponent, {
      data: user,
      autoFocus: 'first-tabbable',
      width: '40rem',
      maxWidth: 'calc(100vw - 32px)',
    });
  }

  protected async toggleActive(user: UserView): Promise<void> {
    const deactivate = user.active;
    const data: ConfirmDialogData = deactivate
      ? {
          titleKey: 'admin.users.deactivateDialog.title',
          messageKey: 'admin.users.deactivateDialog.message',
          confirmKey: 'admin.users.deactivate',
          name: user.displayName,
          destructive: true,
        }
      : {
          titleKey: 'admin.users.activateDialog.title',
          messageKey: 'admin.users.activateDialog.message',
          confirmKey: 'admin.users.activate',
          name: user.displayName,
        };
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '30rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    await this.change(
      user,
      () => this.service.setActive(user.id, !deactivate),
      deactivate ? 'admin.users.deactivated' : 'admin.users.activated',
    );
  }

  /** Runs one change and puts the API's answer into the row, without reloading the page. */
  private async change(user: UserView, action: () => Promise<UserView>, doneKey: string): Promise<void> {
    this.busyId.set(user.id);
    try {
      const updated = await action();
      this.users.update((page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) } : page,
      );
      this.notices.show(this.transloco.translate(doneKey, { name: updated.displayName }));
    } catch (error) {
      const detail = problemOf(error)?.detail;
      const key = statusOf(error) === 0 ? 'errors.offline' : 'admin.users.changeFailed';
      this.notices.show(detail ?? this.transloco.translate(key), 'error');
    } finally {
      this.busyId.set(null);
    }
  }
}
