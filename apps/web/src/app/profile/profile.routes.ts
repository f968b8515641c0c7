import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';

export default [
  { path: '', title: 'titles.profile', loadComponent: () => import('./profile.component') },
  {
    path: routerPath(webPages.notificationPreferences, webPages.profile),
    title: 'notifications.preferences.title',
    loadComponent: () => import('../notification/notification-preferences.component'),
  },
] satisfies Routes;
