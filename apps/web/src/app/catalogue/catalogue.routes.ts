import { Routes } from '@angular/router';

/** Public pages: anyone may look at what the programme offers, signed in or not. */
export const catalogueRoutes: Routes = [
  { path: 'catalogue', title: 'titles.catalogue', loadComponent: () => import('./catalogue.component') },
  { path: 'courses/:slug', title: 'titles.course', loadComponent: () => import('./course-page.component') },
];
