import { Routes } from '@angular/router';
import { markingRoutes } from '../marking/marking.routes';

export default [
  { path: '', title: 'titles.tutorHome', loadComponent: () => import('./tutor-home.component') },
  {
    path: 'cohorts/:id',
    title: 'titles.tutorCohort',
    loadComponent: () => import('./tutor-cohort.component'),
  },
  ...markingRoutes,
] satisfies Routes;
