import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { IconComponent } from './icon.component';

/** Previous / page N / next under a keyset-paginated list; shown once there is more than one page. */
@Component({
  selector: 'aula-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoDirective, IconComponent],
  template: `
    @if (page() > 1 || hasNext()) {
      <nav class="pager" *transloco="let t" [attr.aria-label]="label()">
        <button
          mat-stroked-button
          type="button"
          [disabled]="page() === 1 || busy()"
          (click)="previous.emit()"
        >
          <aula-icon name="chevronLeft" />
          {{ t('common.pager.previous') }}
        </button>
        <span>{{ t('common.pager.page', { page: page() }) }}</span>
        <button mat-stroked-button type="button" [disabled]="!hasNext() || busy()" (click)="next.emit()">
          {{ t('common.pager.next') }}
          <aula-icon name="chevronRight" />
        </button>
      </nav>
    }
  `,
  styles: `
    .pager {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 16px;
      margin-block-start: 16px;
    }
  `,
})
export class PagerComponent {
  /** 1-based. */
  readonly page = input.required<number>();
  readonly hasNext = input(false);
  /** While the page loads, both buttons wait. */
  readonly busy = input(false);
  /** What the list is, for screen readers ("Pages of the queue"). */
  readonly label = input.required<string>();
  readonly previous = output<void>();
  readonly next = output<void>();
}
