import { Routes } from '@angular/router';

export default [
  { path: '', title: 'titles.learnerHome', loadComponent: () => import('./learner-home.component') },
] satisfies Routes;
