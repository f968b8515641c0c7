import type { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';

/**
 * Marking screens, under a cohort of the tutor area (`/tutor/cohorts/:id/marking`) and of the
 * administration (`/admin/cohorts/:id/marking`): the same screens, links stay relative.
 */
export const markingRoutes: Routes = [
  {
    path: routerPath(webPages.tutorMarking, webPages.tutorHome),
    title: 'marking.titles.queue',
    loadComponent: () => import('./marking-queue.component'),
  },
  {
    path: 'cohorts/:id/marking/:activityId/:enrolmentId',
    title: 'marking.titles.work',
    loadComponent: () => import('./marking-work.component'),
  },
];
