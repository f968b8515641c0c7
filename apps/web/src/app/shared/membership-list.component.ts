import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MembershipView } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { DateTimeService } from '../core/time/date-time.service';
import { LanguageService } from '../core/i18n/language.service';

/** A person's institutions, current ones first; with `editable`, each offers edit, end and remove. */
@Component({
  selector: 'aula-membership-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (memberships().length) {
        <ul class="memberships">
          @for (membership of memberships(); track membership.id) {
            <li class="membership" [class.ended]="!membership.current">
              <div class="what">
                <span class="name">
                  <bdi dir="auto">{{ membership.institution.displayName }}</bdi>
                  @if (membership.institution.acronym) {
                    <span class="acronym" dir="auto">({{ membership.institution.acronym }})</span>
                  }
                </span>
                <span class="details">
                  {{ countryName(membership.institution.country) }}
                  @if (membership.position) {
                    · <bdi dir="auto">{{ membership.position }}</bdi>
                  }
                  @if (dates(membership, t); as dates) {
                    · {{ dates }}
                  }
                </span>
                <span class="chips">
                  @if (membership.institution.status === 'pending') {
                    <span class="chip pending">{{ t('directoryFields.pending') }}</span>
                  }
                  <span class="chip" [class.off]="!membership.current">
                    {{
                      membership.current
                        ? t('directoryFields.memberships.current')
                        : t('directoryFields.memberships.ended')
                    }}
                  </span>
                </span>
              </div>
              @if (editable()) {
                <div class="actions">
                  <button
                    mat-button
                    type="button"
                    [disabled]="busyId() === membership.id"
                    [attr.aria-label]="
                      t('directoryFields.memberships.editFor', { name: membership.institution.displayName })
                    "
                    (click)="edit.emit(membership)"
                  >
                    {{ t('directoryFields.memberships.edit') }}
                  </button>
                  @if (membership.current) {
                    <button
                      mat-button
                      type="button"
                      [disabled]="busyId() === membership.id"
                      [attr.aria-label]="
                        t('directoryFields.memberships.endFor', { name: membership.institution.displayName })
                      "
                      (click)="end.emit(membership)"
                    >
                      {{ t('directoryFields.memberships.end') }}
                    </button>
                  }
                  <button
                    mat-button
                    type="button"
                    class="danger"
                    [disabled]="busyId() === membership.id"
                    [attr.aria-label]="
                      t('directoryFields.memberships.removeFor', { name: membership.institution.displayName })
                    "
                    (click)="remove.emit(membership)"
                  >
                    {{ t('directoryFields.memberships.remove') }}
                  </button>
                </div>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="none">{{ t(emptyKey()) }}</p>
      }
    </ng-container>
  `,
  styles: `
    .memberships {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .membership {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }
    .what {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-inline-size: 0;
    }
    .name {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .details,
    .none {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .chips {
      display: flex;
      gap: 6px;
      margin-block-start: 4px;
    }
    .chip {
      padding: 0 8px;
      border-radius: 999px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-small);
      line-height: 20px;
    }
    .chip.off {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .chip.pending {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .danger {
      color: var(--mat-sys-error);
    }
  `,
})
export class MembershipListComponent {
  private readonly dateTime = inject(DateTimeService);
  private readonly language = inject(LanguageService);

  readonly memberships = input.required<readonly MembershipView[]>();
  readonly editable = input(false);
  readonly busyId = input<string | null>(null);
  readonly emptyKey = input('directoryFields.memberships.none');
  readonly edit = output<MembershipView>();
  readonly end = output<MembershipView>();
  readonly remove = output<MembershipView>();

  private readonly countryNames = computed(() => {
    try {
      return new Intl.DisplayNames([this.language.tag()], { type: 'region' });
    } catch {
      return null;
    }
  });

  protected countryName(code: string): string {
    return this.countryNames()?.of(code) ?? code;
  }

  protected dates(
    membership: MembershipView,
    t: (key: string, params?: Record<string, unknown>) => string,
  ): string {
    const { startedOn, endedOn } = membership;
    if (startedOn && endedOn) return this.dateTime.formatDayRange(startedOn, endedOn);
    if (startedOn)
      return t('directoryFields.memberships.since', { date: this.dateTime.formatDay(startedOn) });
    if (endedOn) return t('directoryFields.memberships.until', { date: this.dateTime.formatDay(endedOn) });
    return '';
  }
}
