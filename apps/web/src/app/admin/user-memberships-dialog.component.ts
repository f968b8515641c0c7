import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { MembershipInput, MembershipView, UserView } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { MembershipFormComponent } from '../shared/membership-form.component';
import { MembershipListComponent } from '../shared/membership-list.component';
import { NameInTextComponent } from '../shared/name-in-text.component';
import { NoticeService } from '../shared/notice.service';
import { AdminUsersService } from './admin-users.service';

/** A person's institutions, as an administrator sees them, with a form to record one more. */
@Component({
  selector: 'aula-user-memberships-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatDialogModule,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    NameInTextComponent,
    MembershipListComponent,
    MembershipFormComponent,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        <aula-name-in-text key="directoryFields.adminMemberships.title" [name]="data.displayName" />
      </h2>
      <mat-dialog-content>
        @switch (state()) {
          @case ('loading') {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
          }
          @case ('failed') {
            <p class="error" role="alert">{{ t('directoryFields.adminMemberships.loadFailed') }}</p>
            <button mat-stroked-button type="button" (click)="load()">{{ t('actions.retry') }}</button>
          }
          @default {
            <aula-membership-list
              [memberships]="memberships()"
              emptyKey="directoryFields.adminMemberships.none"
            />
          }
        }
        <h3>{{ t('directoryFields.adminMemberships.add') }}</h3>
        <aula-membership-form [send]="send" [country]="data.country" (added)="added($event)" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('actions.close') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    h3 {
      margin: 20px 0 8px;
      font: var(--mat-sys-title-small);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class UserMembershipsDialogComponent {
  protected readonly data = inject<UserView>(MAT_DIALOG_DATA);
  private readonly service = inject(AdminUsersService);
  private readonly language = inject(LanguageService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  protected readonly memberships = signal<MembershipView[]>([]);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly send = (input: MembershipInput) => this.service.addMembership(this.data.id, input);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      this.memberships.set(await this.service.memberships(this.data.id, this.language.active()));
      this.state.set('ready');
    } catch {
      this.state.set('failed');
    }
  }

  protected added(membership: MembershipView): void {
    this.memberships.update((list) => [membership, ...list.filter((m) => m.id !== membership.id)]);
    this.notices.show(
      this.transloco.translate('directoryFields.adminMemberships.added', {
        name: this.data.displayName,
        institution: membership.institution.displayName,
      }),
    );
  }
}
