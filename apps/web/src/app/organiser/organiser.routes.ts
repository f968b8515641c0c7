import type { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';

/** Where the organisers' area sits; its pages are declared below it. */
export const ORGANISER_AREA = { path: '/organiser' } as const;

/** `/organiser/…`: workshops their organisers run (every workshop, for administrators). */
export default [
  { path: '', pathMatch: 'full', redirectTo: routerPath(webPages.organiserWorkshops, ORGANISER_AREA) },
  {
    path: routerPath(webPages.organiserWorkshops, ORGANISER_AREA),
    title: 'titles.organiserWorkshops',
    loadComponent: () => import('./workshop-list.component'),
  },
  {
    path: routerPath(webPages.organiserRegistrations, ORGANISER_AREA),
    title: 'titles.organiserRegistrations',
    loadComponent: () => import('./registrations.component'),
  },
  {
    path: routerPath(webPages.organiserWorkshop, ORGANISER_AREA),
    title: 'titles.organiserWorkshop',
    loadComponent: () => import('./workshop-editor.component'),
  },
] satisfies Routes;
