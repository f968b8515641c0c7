import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { HomeHeaderComponent } from '../shared/home-header.component';

/** `/tutor`: the marking queue, empty until assignments exist. */
@Component({
  selector: 'aula-tutor-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective, HomeHeaderComponent, EmptyStateComponent],
  template: `
    <div class="page" *transloco="let t">
      <aula-home-header />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{{ t('tutor.queue.title') }}</h2>
        <aula-empty-state
          icon="assignment"
          [title]="t('tutor.queue.emptyTitle')"
          [text]="t('tutor.queue.emptyText')"
        />
      </section>
    </div>
  `,
})
export default class TutorHomeComponent {}
