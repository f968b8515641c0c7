import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { HomeHeaderComponent } from '../shared/home-header.component';

/** `/learn`: where a trainee starts. Cohorts arrive with the courses feature. */
@Component({
  selector: 'aula-learner-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoDirective, HomeHeaderComponent, EmptyStateComponent],
  template: `
    <div class="page" *transloco="let t">
      <aula-home-header />
      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{{ t('learner.cohorts.title') }}</h2>
        <aula-empty-state
          icon="school"
          [title]="t('learner.cohorts.emptyTitle')"
          [text]="t('learner.cohorts.emptyText')"
        />
      </section>
    </div>
  `,
})
export default class LearnerHomeComponent {}
