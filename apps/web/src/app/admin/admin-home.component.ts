import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { webPages } from '@aula/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { HomeHeaderComponent } from '../shared/home-header.component';
import { IconComponent } from '../shared/icon.component';

/** `/admin`: the way into administration tasks. */
@Component({
  selector: 'aula-admin-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoDirective, HomeHeaderComponent, IconComponent],
  template: `
    <div class="page" *transloco="let t">
      <aula-home-header />
      <section aria-labelledby="admin-tasks-title">
        <h2 id="admin-tasks-title">{{ t('admin.home.tasksTitle') }}</h2>
        <ul class="tasks">
          <li>
            <a class="task" routerLink="courses">
              <aula-icon name="menuBook" />
              <span>
                <span class="task-title">{{ t('admin.home.coursesLink') }}</span>
                <span class="task-text">{{ t('admin.home.coursesText') }}</span>
              </span>
            </a>
          </li>
          <li>
            <a class="task" routerLink="cohorts">
              <aula-icon name="event" />
              <span>
                <span class="task-title">{{ t('admin.home.cohortsLink') }}</span>
                <span class="task-text">{{ t('admin.home.cohortsText') }}</span>
              </span>
            </a>
          </li>
          <li>
            <a class="task" routerLink="users">
              <aula-icon name="group" />
              <span>
                <span class="task-title">{{ t('admin.home.usersLink') }}</span>
                <span class="task-text">{{ t('admin.home.usersText') }}</span>
              </span>
            </a>
          </li>
          <li>
            <a class="task" [routerLink]="directory">
              <aula-icon name="language" />
              <span>
                <span class="task-title">{{ t('adminDirectory.home.link') }}</span>
                <span class="task-text">{{ t('adminDirectory.home.text') }}</span>
              </span>
            </a>
          </li>
          <li>
            <a class="task" [routerLink]="workshops">
              <aula-icon name="event" />
              <span>
                <span class="task-title">{{ t('organiser.home.link') }}</span>
                <span class="task-text">{{ t('organiser.home.text') }}</span>
              </span>
            </a>
          </li>
        </ul>
      </section>
    </div>
  `,
  styles: `
    .tasks {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    }
    .task {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      padding: 20px;
      block-size: 100%;
      box-sizing: border-box;
      border-radius: var(--mat-sys-corner-medium);
      text-decoration: none;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .task:hover {
      background: var(--mat-sys-surface-container-high);
    }
    aula-icon {
      color: var(--mat-sys-primary);
      inline-size: 32px;
      block-size: 32px;
    }
    .task-title {
      display: block;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
      text-decoration: underline;
    }
    .task-text {
      display: block;
      margin-block-start: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export default class AdminHomeComponent {
  protected readonly directory = webPages.adminDirectory.path;
  protected readonly workshops = webPages.organiserWorkshops.path;
}
