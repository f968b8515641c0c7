import { Routes } from '@angular/router';
import { markingRoutes } from '../marking/marking.routes';

export default [
  { path: '', title: 'titles.tutorHome', loadComponent: () => import('./tutor-home.component') },
  {
    path: 'cohorts/:id',
    title: 'titles.tutorCohort',
    loadComponent: () => import('./tutor-cohort.component'),
  },
  {
    path: 'cohorts/:id/certificates',
    title: 'certificates.titles.cohort',
    loadComponent: () => import('../certification/cohort-certificates-page.component'),
  },
  ...markingRoutes,
] satisfies Routes;
