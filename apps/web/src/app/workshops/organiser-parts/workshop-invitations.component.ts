import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { routeUrl, workshopsApi, type WorkshopInvitationView } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../../core/api/problem';
import { DateTimeService } from '../../core/time/date-time.service';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';
import { NoticeService } from '../../shared/notice.service';
import { parseEmails } from './invitation-emails';

/**
 * A workshop's invitations (registration by invitation): invite several addresses at once, see
 * each one's status, revoke one not yet accepted. Standalone, to be placed on the organiser's page.
 */
@Component({
  selector: 'aula-workshop-invitations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  template: `
    <section
      class="invitations"
      *transloco="let t"
      [attr.aria-busy]="busy()"
      aria-labelledby="invitations-title"
    >
      <h2 id="invitations-title">{{ t('workshopApply.invitations.title') }}</h2>
      <form (ngSubmit)="invite()" novalidate>
        <mat-form-field class="full-width">
          <mat-label>{{ t('workshopApply.invitations.emails') }}</mat-label>
          <textarea matInput [formControl]="emails" rows="4"></textarea>
          <mat-hint>{{ t('workshopApply.invitations.emailsHint') }}</mat-hint>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ t('workshopApply.invitations.send') }}
        </button>
      </form>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
      }
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      @if (list().length) {
        <table class="list">
          <caption class="cdk-visually-hidden">
            {{
              t('workshopApply.invitations.title')
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ t('fields.email') }}</th>
              <th scope="col">{{ t('workshopApply.invitations.status') }}</th>
              <th scope="col">{{ t('workshopApply.invitations.expires') }}</th>
              <th scope="col">
                <span class="cdk-visually-hidden">{{ t('workshopApply.invitations.revoke') }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (i of list(); track i.id) {
              <tr [attr.data-status]="i.status">
                <td>{{ i.email }}</td>
                <td>{{ t('workshopApply.invitations.statuses.' + i.status) }}</td>
                <td>{{ when(i.expiresAt) }}</td>
                <td>
                  @if (i.status === 'pending' || i.status === 'expired') {
                    <button mat-button type="button" [disabled]="busy()" (click)="revoke(i)">
                      {{ t('workshopApply.invitations.revoke') }}
                      <span class="cdk-visually-hidden">: {{ i.email }}</span>
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else if (!busy()) {
        <p>{{ t('workshopApply.invitations.empty') }}</p>
      }
    </section>
  `,
  styles: `
    .list {
      width: 100%;
      border-collapse: collapse;
    }
    .list th,
    .list td {
      text-align: start;
      padding: 0.25rem 0.5rem;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class WorkshopInvitationsComponent {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly notices = inject(NoticeService);
  private readonly dateTime = inject(DateTimeService);

  readonly workshopId = input.required<string>();

  protected readonly emails = new FormControl('', { nonNullable: true });
  protected readonly list = signal<WorkshopInvitationView[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => void this.load(this.workshopId()));
  }

  protected when(iso: string): string {
    return this.dateTime.format(iso, 'longDateTime');
  }

  protected async invite(): Promise<void> {
    const { emails, invalid } = parseEmails(this.emails.value);
    if (invalid.length) {
      this.error.set(
        this.transloco.translate('workshopApply.invitations.invalid', { emails: invalid.join(', ') }),
      );
      return;
    }
    if (!emails.length) {
      this.error.set(this.transloco.translate('workshopApply.invitations.none'));
      return;
    }
    await this.run(async () => {
      await firstValueFrom(
        this.http.post(routeUrl(workshopsApi.inviteToWorkshop, { id: this.workshopId() }), { emails }),
      );
      this.emails.reset('');
      this.notices.show(this.transloco.translate('workshopApply.invitations.sent', { count: emails.length }));
      await this.reload();
    });
  }

  protected async revoke(invitation: WorkshopInvitationView): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(
        this.http.delete(routeUrl(workshopsApi.revokeWorkshopInvitation, { id: invitation.id })),
      );
      this.notices.show(
        this.transloco.translate('workshopApply.invitations.revoked', { email: invitation.email }),
      );
      await this.reload();
    });
  }

  private async load(id: string): Promise<void> {
    await this.run(() => this.reload(id));
  }

  private async reload(id = this.workshopId()): Promise<void> {
    this.list.set(
      await firstValueFrom(
        this.http.get<WorkshopInvitationView[]>(routeUrl(workshopsApi.workshopInvitations, { id })),
      ),
    );
  }

  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      this.error.set(
        this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'workshops.actionFailed'),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
