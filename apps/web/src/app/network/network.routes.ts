import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';

/** The network directory's public pages: anyone may browse them, signed in or not. */
export const networkRoutes: Routes = [
  {
    path: routerPath(webPages.network),
    title: 'titles.network',
    loadComponent: () => import('./network-browse.component'),
  },
  {
    path: routerPath(webPages.networkRegion),
    title: 'titles.networkRegion',
    loadComponent: () => import('./region-page.component'),
  },
  {
    path: routerPath(webPages.networkInstitution),
    title: 'titles.networkInstitution',
    loadComponent: () => import('./institution-page.component'),
  },
  {
    path: routerPath(webPages.networkPerson),
    title: 'titles.networkPerson',
    loadComponent: () => import('./person-page.component'),
  },
];
