import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { routeUrl, webPages, workshopsApi, type WorkshopRollEntry, type WorkshopView } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { statusOf } from '../core/api/problem';
import { LanguageService } from '../core/i18n/language.service';
import { DateTimeService } from '../core/time/date-time.service';
import { NoticeService } from '../shared/notice.service';
import { AttendanceService } from './attendance.service';
import { sessionTitle } from './session-label';

/**
 * `/organiser/workshops/:id/sessions/:sessionId/roll`: the roll list of a session (online
 * sessions, where nobody scans): every confirmed participant, ticked present or not.
 */
@Component({
  selector: 'aula-roll-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatCheckboxModule, MatProgressBarModule, TranslocoDirective],
  template: `
    <section class="roll" *transloco="let t; prefix: 'attendance.roll'">
      <a mat-button [routerLink]="checkInLink()">{{ t('backToCheckIn') }}</a>
      <h1>{{ t('title') }}</h1>
      @if (session(); as s) {
        <p class="session" dir="auto">{{ sessionName(s) }} · {{ when(s.startsAt) }}</p>
      }
      @if (roll.isLoading() && !entries().length) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('loading')" />
      } @else if (notFound()) {
        <p class="error" role="alert">{{ t('notFound') }}</p>
      } @else if (roll.error()) {
        <p class="error" role="alert">{{ t('loadFailed') }}</p>
        <button mat-button type="button" (click)="roll.reload()">{{ t('retry') }}</button>
      } @else if (!entries().length) {
        <p>{{ t('empty') }}</p>
      } @else {
        <p role="status">{{ t('count', { present: presentCount(), total: entries().length }) }}</p>
        <ul data-testid="roll-list">
          @for (e of entries(); track e.registrationId) {
            <li>
              <mat-checkbox [checked]="e.present" [disabled]="busy().has(e.registrationId)" (change)="toggle(e, $event.checked)">
                <bdi dir="auto">{{ e.displayName }}</bdi>
              </mat-checkbox>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .roll {
      display: grid;
      gap: 12px;
      padding: 12px 16px 32px;
      max-inline-size: 640px;
      margin-inline: auto;
    }
    a {
      justify-self: start;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
    .session {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      min-block-size: 48px;
      display: flex;
      align-items: center;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export default class RollListComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(AttendanceService);
  private readonly language = inject(LanguageService);
  private readonly dateTime = inject(DateTimeService);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly workshopId = computed(() => this.params().get('id') ?? '');
  protected readonly sessionId = computed(() => this.params().get('sessionId') ?? '');

  protected readonly workshop = httpResource<WorkshopView>(() => routeUrl(workshopsApi.organiserWorkshop, { id: this.workshopId() }));
  protected readonly session = computed(() =>
    this.workshop.hasValue() ? (this.workshop.value().sessions.find((s) => s.id === this.sessionId()) ?? null) : null,
  );
  protected readonly roll = httpResource<WorkshopRollEntry[]>(() =>
    routeUrl(workshopsApi.rollList, { id: this.workshopId(), sessionId: this.sessionId() }),
  );
  private readonly changed = signal<Map<string, WorkshopRollEntry>>(new Map());
  protected readonly entries = computed(() =>
    (this.roll.hasValue() ? this.roll.value() : []).map((e) => this.changed().get(e.registrationId) ?? e),
  );
  protected readonly presentCount = computed(() => this.entries().filter((e) => e.present).length);
  protected readonly notFound = computed(() => statusOf(this.roll.error()) === 404);
  protected readonly busy = signal<Set<string>>(new Set());
  protected readonly checkInLink = computed(() => routeUrl(webPages.organiserCheckIn, { id: this.workshopId() }));

  protected sessionName(s: WorkshopView['sessions'][number]): string {
    return sessionTitle(s.title, this.language.active());
  }

  protected when(at: string): string {
    return this.dateTime.format(at, 'dateTime');
  }

  protected async toggle(entry: WorkshopRollEntry, present: boolean): Promise<void> {
    this.busy.update((s) => new Set(s).add(entry.registrationId));
    try {
      const saved = await this.api.mark(this.workshopId(), this.sessionId(), entry.registrationId, present);
      this.changed.update((m) => new Map(m).set(saved.registrationId, saved));
    } catch (error) {
      // Put the box back as it was, and say why.
      this.changed.update((m) => new Map(m).set(entry.registrationId, { ...entry }));
      const key = statusOf(error) === 0 ? 'errors.offline' : 'attendance.roll.markFailed';
      this.notices.show(this.transloco.translate(key, { name: entry.displayName }), 'error');
    } finally {
      this.busy.update((s) => {
        const next = new Set(s);
        next.delete(entry.registrationId);
        return next;
      });
    }
  }
}
