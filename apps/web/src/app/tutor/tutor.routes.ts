import { Routes } from '@angular/router';

export default [
  { path: '', title: 'titles.tutorHome', loadComponent: () => import('./tutor-home.component') },
] satisfies Routes;
