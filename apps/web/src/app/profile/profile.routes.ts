import { Routes } from '@angular/router';

export default [
  { path: '', title: 'titles.profile', loadComponent: () => import('./profile.component') },
] satisfies Routes;
