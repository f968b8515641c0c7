import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';

/** Workshops for participants: anyone may browse them; registering asks to sign in. */
export const workshopRoutes: Routes = [
  {
    path: routerPath(webPages.workshops),
    title: 'titles.workshops',
    loadComponent: () => import('./workshops.component'),
  },
  {
    path: routerPath(webPages.workshop),
    title: 'titles.workshop',
    loadComponent: () => import('./workshop-page.component'),
  },
  {
    path: routerPath(webPages.workshopInvitation),
    title: 'titles.workshops',
    loadComponent: () => import('./workshop-invitation-page.component'),
  },
];
