import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LanguageService } from '../core/i18n/language.service';

/**
 * A course's progress as a bar with its percentage. Plain elements with the progressbar role
 * rather than Material's bar: a screen reader hears the value, and the chunk stays small.
 */
@Component({
  selector: 'aula-progress-meter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="meter"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="clamped()"
      [attr.aria-valuetext]="percent()"
      [attr.aria-label]="label()"
    >
      <div class="track"><div class="fill" [style.inline-size.%]="clamped()"></div></div>
      <span class="value" aria-hidden="true">{{ percent() }}</span>
    </div>
  `,
  styles: `
    .meter {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .track {
      flex: 1 1 auto;
      block-size: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill {
      block-size: 100%;
      border-radius: 4px;
      background: var(--mat-sys-primary);
      transition: inline-size 300ms ease-out;
    }
    .value {
      flex: none;
      min-inline-size: 4ch;
      text-align: end;
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ProgressMeterComponent {
  private readonly language = inject(LanguageService);

  readonly value = input.required<number>();
  /** Translated name of what progresses ("Course progress"). */
  readonly label = input.required<string>();

  protected readonly clamped = computed(() => Math.max(0, Math.min(100, Math.round(this.value()))));
  protected readonly percent = computed(() =>
    new Intl.NumberFormat(this.language.tag(), { style: 'percent' }).format(this.clamped() / 100),
  );
}
