import { Routes } from '@angular/router';
import { routerPath, webPages } from '@aula/contracts';

/** Public: anyone holding a certificate's code (printed, or in its QR code) may check it, signed in or not. */
export const verifyRoutes: Routes = [
  {
    path: routerPath(webPages.verify),
    title: 'certificates.titles.verify',
    loadComponent: () => import('./verify-page.component'),
  },
  {
    path: routerPath(webPages.verifyCertificate),
    title: 'certificates.titles.verify',
    loadComponent: () => import('./verify-page.component'),
  },
];
