import { Routes } from '@angular/router';

export default [
  { path: '', title: 'titles.adminHome', loadComponent: () => import('./admin-home.component') },
  { path: 'users', title: 'titles.adminUsers', loadComponent: () => import('./admin-users.component') },
] satisfies Routes;
