import { Routes } from '@angular/router';

export default [
  { path: '', title: 'titles.tutorHome', loadComponent: () => import('./tutor-home.component') },
  {
    path: 'cohorts/:id',
    title: 'titles.tutorCohort',
    loadComponent: () => import('./tutor-cohort.component'),
  },
] satisfies Routes;
