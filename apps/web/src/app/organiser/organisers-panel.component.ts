import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, signal, viewChild } from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { UserView, WorkshopOrganiserView } from '@aula/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { statusOf } from '../core/api/problem';
import { DateTimeService } from '../core/time/date-time.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { IconComponent } from '../shared/icon.component';
import { NoticeService } from '../shared/notice.service';
import { OrganiserService } from './organiser.service';

const SEARCH_DELAY_MS = 300;

/** Administrators: who organises this workshop, granting the capability to a person or taking it back. */
@Component({
  selector: 'aula-organisers-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoDirective, IconComponent],
  template: `
    <section class="panel" aria-labelledby="organisers-title" *transloco="let t">
      <h2 id="organisers-title">{{ t('organiser.grants.title') }}</h2>
      <p class="muted">{{ t('organiser.grants.text') }}</p>
      @if (failureKey(); as key) {
        <p class="error" role="alert">
          {{ t(key) }}
          <button mat-button type="button" (click)="load()">{{ t('actions.retry') }}</button>
        </p>
      }
      @if (loaded() && !organisers().length) {
        <p class="muted">{{ t('organiser.grants.none') }}</p>
      }
      <ul class="people">
        @for (person of organisers(); track person.userId) {
          <li>
            <span>
              <bdi dir="auto" class="name">{{ person.displayName }}</bdi>
              <span class="detail">{{ person.email }} · {{ t('organiser.grants.since', { date: dates.format(person.grantedAt, 'date') }) }}</span>
            </span>
            <button mat-button type="button" class="danger" [disabled]="busy()" (click)="revoke(person)">
              <aula-icon name="delete" />
              {{ t('organiser.grants.revoke') }}<span class="cdk-visually-hidden">: {{ person.displayName }}</span>
            </button>
          </li>
        }
      </ul>
      <mat-form-field class="picker">
        <mat-label>{{ t('organiser.grants.add') }}</mat-label>
        <input #search matInput type="search" autocomplete="off" [matAutocomplete]="found" (input)="typed($event)" />
        <mat-hint>{{ t('organiser.grants.addHint') }}</mat-hint>
        <mat-autocomplete #found="matAutocomplete" (optionSelected)="chosen($event)">
          @for (person of results(); track person.id) {
            <mat-option [value]="person" [disabled]="isOrganiser(person.id)">
              <bdi dir="auto">{{ person.displayName }}</bdi>
              <span class="detail">{{ person.email }}</span>
            </mat-option>
          }
          @if (searched() && !results().length) {
            <mat-option disabled>{{ t('organiser.grants.noMatch') }}</mat-option>
          }
        </mat-autocomplete>
      </mat-form-field>
    </section>
  `,
  styles: `
    .panel {
      margin-block-start: 24px;
      padding: 20px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    h2 {
      margin-block-start: 0;
    }
    .people {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
    }
    .people li {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      padding-block: 6px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      display: block;
      font: var(--mat-sys-title-small);
    }
    .detail {
      margin-inline-start: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .people .detail {
      margin-inline-start: 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error,
    .danger {
      color: var(--mat-sys-error);
    }
    .picker {
      inline-size: min(100%, 28rem);
    }
  `,
})
export class OrganisersPanelComponent {
  private readonly organiser = inject(OrganiserService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(NoticeService);
  private readonly transloco = inject(TranslocoService);
  protected readonly dates = inject(DateTimeService);
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('search');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private searchNumber = 0;

  readonly workshopId = input.required<string>();

  protected readonly organisers = signal<WorkshopOrganiserView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly failureKey = signal<string | null>(null);
  protected readonly results = signal<UserView[]>([]);
  protected readonly searched = signal(false);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    effect(() => {
      this.workshopId();
      void this.load();
    });
  }

  protected async load(): Promise<void> {
    this.failureKey.set(null);
    try {
      this.organisers.set(await this.organiser.organisers(this.workshopId()));
      this.loaded.set(true);
    } catch (error) {
      this.failureKey.set(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected');
    }
  }

  protected isOrganiser(userId: string): boolean {
    return this.organisers().some((o) => o.userId === userId);
  }

  protected typed(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(value), SEARCH_DELAY_MS);
  }

  private async search(text: string): Promise<void> {
    const q = text.trim();
    const number = ++this.searchNumber;
    if (q.length < 2) {
      this.results.set([]);
      this.searched.set(false);
      return;
    }
    try {
      const found = await this.organiser.findPeople(q);
      if (number !== this.searchNumber) return;
      this.results.set(found);
    } catch {
      if (number === this.searchNumber) this.results.set([]);
    }
    this.searched.set(true);
  }

  protected async chosen(event: MatAutocompleteSelectedEvent): Promise<void> {
    const person = event.option.value as UserView;
    this.input().nativeElement.value = '';
    this.results.set([]);
    this.searched.set(false);
    this.busy.set(true);
    try {
      this.organisers.set(await this.organiser.grant(this.workshopId(), person.id));
      this.notices.show(this.transloco.translate('organiser.grants.granted', { name: person.displayName }));
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    } finally {
      this.busy.set(false);
    }
  }

  protected async revoke(person: WorkshopOrganiserView): Promise<void> {
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
          data: {
            titleKey: 'organiser.grants.revokeTitle',
            messageKey: 'organiser.grants.revokeMessage',
            confirmKey: 'organiser.grants.revoke',
            name: person.displayName,
            destructive: true,
          },
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    this.busy.set(true);
    try {
      await this.organiser.revoke(this.workshopId(), person.userId);
      this.organisers.update((list) => list.filter((o) => o.userId !== person.userId));
      this.notices.show(this.transloco.translate('organiser.grants.revoked', { name: person.displayName }));
    } catch (error) {
      this.notices.show(this.transloco.translate(statusOf(error) === 0 ? 'errors.offline' : 'errors.unexpected'), 'error');
    } finally {
      this.busy.set(false);
    }
  }
}
