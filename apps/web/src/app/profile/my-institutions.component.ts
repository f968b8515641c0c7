import { ChangeDetectionStrategy, Component, inject, input, model, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { MembershipInput, MembershipView } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problemOf, speaksReadersLanguage, statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { DirectoryLookupService } from '../shared/directory-lookup.service';
import { MembershipFormComponent } from '../shared/membership-form.component';
import { MembershipListComponent } from '../shared/membership-list.component';
import { NoticeService } from '../shared/notice.service';
import { MembershipDialogComponent } from './membership-dialog.component';

/** Today's date (YYYY-MM-DD) in a time zone: the day a membership ends when the person says "I left". */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** "My institutions": the person's memberships, to add, edit, end or remove. */
@Component({
  selector: 'aula-my-institutions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    MembershipListComponent,
    MembershipFormComponent,
  ],
  template: `
    <section class="card" aria-labelledby="institutions-title" *transloco="let t">
      <h2 id="institutions-title">{{ t('networkProfile.institutionsTitle') }}</h2>
      <p class="lead">{{ t('networkProfile.institutionsLead') }}</p>
      @switch (state()) {
        @case ('loading') {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
        }
        @case ('failed') {
          <p class="failed" role="alert">{{ t('networkProfile.institutionsFailed') }}</p>
          <button mat-stroked-button type="button" (click)="reload.emit()">{{ t('actions.retry') }}</button>
        }
        @default {
          <aula-membership-list
            [memberships]="memberships()"
            [editable]="true"
            [busyId]="busyId()"
            (edit)="edit($event)"
            (end)="end($event)"
            (remove)="remove($event)"
          />
        }
      }
      <h3>{{ t('networkProfile.addInstitution') }}</h3>
      <aula-membership-form [send]="send" [country]="country()" (added)="added($event)" />
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-block-end: 24px;
    }
    h2 {
      margin: 0 0 4px;
    }
    h3 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-small);
    }
    .lead {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .failed {
      color: var(--mat-sys-error);
    }
  `,
})
export class MyInstitutionsComponent {
  private readonly directory = inject(DirectoryLookupService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly dateTime = inject(DateTimeService);

  readonly memberships = model.required<MembershipView[]>();
  readonly state = input<'loading' | 'ready' | 'failed'>('ready');
  readonly country = input<string | null>(null);
  readonly reload = output<void>();

  protected readonly busyId = signal<string | null>(null);
  protected readonly send = (input: MembershipInput) => this.directory.addMyMembership(input);

  protected added(membership: MembershipView): void {
    // Adding an institution already listed updates that membership.
    this.memberships.update((list) => [membership, ...list.filter((m) => m.id !== membership.id)]);
    this.notices.show(
      this.transloco.translate(
        membership.institution.status === 'pending' ? 'networkProfile.proposed' : 'networkProfile.added',
        { name: membership.institution.displayName },
      ),
    );
  }

  protected async edit(membership: MembershipView): Promise<void> {
    const ref = this.dialog.open<MembershipDialogComponent, MembershipView, MembershipView>(
      MembershipDialogComponent,
      {
        data: membership,
        width: '32rem',
        maxWidth: 'calc(100vw - 32px)',
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.replace(saved);
    this.notices.show(
      this.transloco.translate('networkProfile.updated', { name: saved.institution.displayName }),
    );
  }

  protected async end(membership: MembershipView): Promise<void> {
    await this.act(membership, async () => {
      // The end date is the last day there: a membership ending today still counts as current today.
      const yesterday = todayIn(this.dateTime.timeZone(), new Date(Date.now() - 86_400_000));
      // A start after that would make the end come first: the membership then ends the day it starts.
      const endedOn =
        membership.startedOn && membership.startedOn > yesterday ? membership.startedOn : yesterday;
      this.replace(await this.directory.updateMyMembership(membership.id, { endedOn }));
      return 'networkProfile.ended';
    });
  }

  protected async remove(membership: MembershipView): Promise<void> {
    const data: ConfirmDialogData = {
      titleKey: 'networkProfile.removeDialog.title',
      messageKey: 'networkProfile.removeDialog.message',
      confirmKey: 'directoryFields.memberships.remove',
      name: membership.institution.displayName,
      destructive: true,
    };
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '30rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    await this.act(membership, async () => {
      await this.directory.removeMyMembership(membership.id);
      this.memberships.update((list) => list.filter((m) => m.id !== membership.id));
      return 'networkProfile.removed';
    });
  }

  private replace(saved: MembershipView): void {
    this.memberships.update((list) => list.map((m) => (m.id === saved.id ? saved : m)));
  }

  private async act(membership: MembershipView, action: () => Promise<string>): Promise<void> {
    this.busyId.set(membership.id);
    try {
      const doneKey = await action();
      this.notices.show(this.transloco.translate(doneKey, { name: membership.institution.displayName }));
    } catch (error) {
      const readable = speaksReadersLanguage(error, this.language.active());
      const detail = readable ? problemOf(error)?.detail : undefined;
      const key = statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected';
      this.notices.show(detail ?? this.transloco.translate(key), 'error');
    } finally {
      this.busyId.set(null);
    }
  }
}
