import { Routes } from '@angular/router';

/** Public: anyone holding a certificate's code (printed, or in its QR code) may check it, signed in or not. */
export const verifyRoutes: Routes = [
  {
    path: 'verify',
    title: 'certificates.titles.verify',
    loadComponent: () => import('./verify-page.component'),
  },
  {
    path: 'verify/:code',
    title: 'certificates.titles.verify',
    loadComponent: () => import('./verify-page.component'),
  },
];
