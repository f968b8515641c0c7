import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { scaleBars, type ChartRow } from './bar-chart';

/**
 * A horizontal bar chart that is also a table: each row names its label and prints its number,
 * and the bar beside it is decoration. Screen readers read the table; no chart library needed.
 * Texts arrive translated.
 */
@Component({
  selector: 'aula-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="chart">
      <caption>
        {{
          caption()
        }}
      </caption>
      <thead class="cdk-visually-hidden">
        <tr>
          <th scope="col">{{ labelHeader() }}</th>
          <th scope="col">{{ valueHeader() }}</th>
        </tr>
      </thead>
      <tbody>
        @for (bar of scale().bars; track bar.key) {
          <tr>
            <th scope="row" dir="auto">{{ bar.label }}</th>
            <td>
              <div class="cell">
                <span class="track" aria-hidden="true">
                  <span class="bar" [style.inline-size.%]="bar.percent"></span>
                </span>
                <span class="value">{{ format(bar.value) }}</span>
              </div>
            </td>
          </tr>
        }
      </tbody>
      @if (totalLabel()) {
        <tfoot>
          <tr>
            <th scope="row">{{ totalLabel() }}</th>
            <td class="total">
              <span class="value">{{ format(scale().total) }}</span>
            </td>
          </tr>
        </tfoot>
      }
    </table>
  `,
  styles: `
    .chart {
      inline-size: 100%;
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      padding-block-end: 8px;
    }
    th {
      text-align: start;
      font: var(--mat-sys-body-medium);
      padding: 4px 12px 4px 0;
      vertical-align: middle;
    }
    td {
      inline-size: 100%;
      padding-block: 4px;
    }
    .cell {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .track {
      flex: 1 1 0;
      min-inline-size: 3rem;
      block-size: 14px;
      border-radius: 7px;
      background: var(--mat-sys-surface-container-high);
      overflow: hidden;
    }
    .bar {
      display: block;
      block-size: 100%;
      border-radius: 7px;
      background: var(--mat-sys-primary);
    }
    .value {
      min-inline-size: 3ch;
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
      text-align: end;
    }
    tfoot th,
    tfoot td {
      border-block-start: 1px solid var(--mat-sys-outline-variant);
    }
    .total {
      text-align: end;
    }
  `,
})
export class BarChartComponent {
  readonly caption = input.required<string>();
  readonly rows = input.required<readonly ChartRow[]>();
  readonly labelHeader = input.required<string>();
  readonly valueHeader = input.required<string>();
  /** Shown under the bars with the sum, when given. */
  readonly totalLabel = input<string>('');
  /** BCP 47 tag for the numbers. */
  readonly locale = input('en');
  readonly sort = input(true);

  protected readonly scale = computed(() => scaleBars(this.rows(), { sort: this.sort() }));
  private readonly numbers = computed(() => new Intl.NumberFormat(this.locale()));

  protected format(value: number): string {
    return this.numbers().format(value);
  }
}
