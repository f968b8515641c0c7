import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';

/** Public pages: anyone may look at what the programme offers, signed in or not. */
export const catalogueRoutes: Routes = [
  { path: 'catalogue', title: 'titles.catalogue', loadComponent: () => import('./catalogue.component') },
  {
    path: routerPath(webPages.course),
    title: 'titles.course',
    loadComponent: () => import('./course-page.component'),
  },
];
