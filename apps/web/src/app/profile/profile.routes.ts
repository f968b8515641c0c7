import { Routes } from '@angular/router';

export default [
  { path: '', title: 'titles.profile', loadComponent: () => import('./profile.component') },
  {
    path: 'notifications',
    title: 'notifications.preferences.title',
    loadComponent: () => import('../notification/notification-preferences.component'),
  },
] satisfies Routes;
